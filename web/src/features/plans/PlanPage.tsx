import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { DIFFICULTY_LABELS, PLAN_KIND_LABELS } from '../../../../src/core/plans/vocabulary.js';
import { errorMessage } from '../../api.js';
import { type PlanView, type PracticeLog, plansApi } from '../../api-plans.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLoaded } from '../../shared/api/loading.js';
import { StatusBadge } from '../../shared/components/Badges.js';
import { BackLink, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime, plural } from '../../shared/format.js';
import { useAreas, useToast } from '../../shared/state.js';
import { PlanReviewPanel } from './PlanReviewPanel.js';
import { PlanStateBadge, WeekProgress } from './PlanRow.js';
import { PracticeLogger } from './PracticeLogger.js';
import {
  DECISION_LABELS,
  dayAndTime,
  dayText,
  longDayText,
  minutesText,
  useSettings,
  useSubSkills,
} from './plans-format.js';
import { useThisWeek } from './this-week.js';
import './plans-list.css';
import './plans-form.css';
import './plans-page.css';

/** A stored cadence in short words: "2 × 30 min a week", or the block length and its rule. */
function cadenceWords(cadence: { rule: string; minutes: number; perWeek: number | null }): string {
  return cadence.perWeek !== null
    ? `${cadence.perWeek} × ${cadence.minutes} min a week`
    : `${cadence.minutes}-min blocks, ${cadence.rule}`;
}

/** Practice blocks listed before "Show all". */
const LOG_SHOWN = 8;

/** /plans/:id: the whole plan, its ideas, logging practice, the practice log, and its reviews. */
export function PlanPage({ id }: { id: string }) {
  const settings = useSettings();
  const subSkills = useSubSkills();
  const { nameOf } = useAreas();
  const { notify } = useToast();
  const { byPlan, reload: reloadWeek } = useThisWeek();
  const uid = useId();
  const [showAll, setShowAll] = useState(false);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [plan, practice, prompts] = await Promise.all([
        plansApi.getPlan(id, signal),
        plansApi.practice({ planId: id }, signal),
        plansApi.reviewPrompts(signal),
      ]);
      return { plan, logs: practice.practice, prompts: prompts.plan };
    },
    [id],
  );
  const { data, error, reload, setData } = useLoaded(load);
  useLiveChanges(() => void reload());

  const refresh = () => {
    void reload();
    reloadWeek();
  };

  const removeLog = async (log: PracticeLog) => {
    try {
      await plansApi.deletePractice(log.id);
      notify(`Removed the ${log.minutes}-minute block`);
      refresh();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  if (!data) return <PagePlaceholder error={error} back={{ to: '/plans', label: 'Plans' }} />;
  const { plan, logs, prompts } = data;
  const setPlan = (updated: PlanView) => setData((current) => current && { ...current, plan: updated });

  const tz = settings?.timeZone;
  const open = plan.state === 'active' || plan.state === 'reviewing';
  const week = byPlan.get(plan.id);
  const promptText = (promptId: string) => prompts.find((p) => p.id === promptId)?.text ?? promptId;
  const area = nameOf(plan.areaId);

  return (
    <div className="page page--narrow">
      <BackLink to="/plans">Plans</BackLink>
      <article className="card plan-card" aria-labelledby={`${uid}-title`}>
        <div className="plan-card__top">
          <PlanStateBadge state={plan.state} />
          <span className="tag">{PLAN_KIND_LABELS[plan.kind]}</span>
          {area && <span className="chip">{area}</span>}
          {plan.reviewDue && <span className="tag tag--due">Review due</span>}
        </div>
        <h1 id={`${uid}-title`} className="plan-card__title">
          {plan.title}
        </h1>
        <dl className="plan-facts">
          <div className="plan-facts__item plan-facts__item--wide">
            <dt>Next action</dt>
            <dd className="plan-facts__next">{plan.nextAction}</dd>
          </div>
          <div className="plan-facts__item">
            <dt>Cadence</dt>
            <dd>{plan.cadenceText ?? 'None'}</dd>
          </div>
          <div className="plan-facts__item">
            <dt>Review date</dt>
            <dd>
              <time dateTime={plan.reviewOn} title={longDayText(plan.reviewOn)}>
                {dayText(plan.reviewOn)}
              </time>
            </dd>
          </div>
          <div className="plan-facts__item plan-facts__item--wide">
            <dt>Success signal</dt>
            <dd>{plan.successSignal}</dd>
          </div>
          {plan.subSkill && (
            <div className="plan-facts__item">
              <dt>Sub-skill</dt>
              <dd>{subSkills.find((s) => s.id === plan.subSkill)?.label ?? plan.subSkill}</dd>
            </div>
          )}
          <div className="plan-facts__item">
            <dt>Practice so far</dt>
            <dd>
              {plural(plan.practice.blocks, 'block')} · {minutesText(plan.practice.minutes)}
            </dd>
          </div>
        </dl>
        {plan.exercise && (
          <section className="exercise-card" aria-label="Exercise">
            <h2 className="exercise-card__title">
              Exercise: {plan.exercise.title} <span className="meta-text">· {plan.exercise.minutes} min</span>
            </h2>
            <p>{plan.exercise.instructions}</p>
            {plan.exercise.harder && (
              <p className="exercise-card__harder">
                <strong>Once it feels easy:</strong> {plan.exercise.harder}
              </p>
            )}
          </section>
        )}
      </article>

      <section className="data-section" aria-labelledby={`${uid}-ideas`}>
        <h2 id={`${uid}-ideas`} className="section-title">
          Ideas
        </h2>
        {plan.ideas.length === 0 ? (
          <p className="meta-text">No linked ideas (they may have been deleted).</p>
        ) : (
          <ul className="linked-ideas" aria-label="Linked ideas">
            {plan.ideas.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`} className="linked-idea">
                  <span className="linked-idea__text">{idea.text}</span>
                  <StatusBadge status={idea.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="data-section" aria-labelledby={`${uid}-practice`}>
        <h2 id={`${uid}-practice`} className="section-title">
          Practice
        </h2>
        <div className="card practice-card">
          {week && <WeekProgress week={week} />}
          {open || plan.state === 'adjusted' ? (
            <PracticeLogger plan={plan} onLogged={refresh} />
          ) : (
            <p className="meta-text">This plan is {plan.state}; practice is no longer logged against it.</p>
          )}
        </div>
        {logs.length > 0 ? (
          <>
            <ul className="practice-log" aria-label="Practice log">
              {[...logs]
                .reverse()
                .slice(0, showAll ? undefined : LOG_SHOWN)
                .map((log) => (
                  <li key={log.id} className="practice-log__row">
                    <span className="practice-log__minutes">{log.minutes} min</span>
                    <span className="practice-log__main">
                      <time dateTime={log.at} title={fullTime(log.at)} className="practice-log__when">
                        {dayAndTime(log.at, tz)}
                      </time>
                      {log.difficulty !== null && (
                        <span className={`difficulty difficulty--${log.difficulty}`}>
                          {log.difficulty} · {DIFFICULTY_LABELS[log.difficulty]}
                        </span>
                      )}
                      {log.note && <span className="practice-log__note">{log.note}</span>}
                    </span>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Remove the ${log.minutes}-minute block of ${dayAndTime(log.at, tz)}`}
                      onClick={() => void removeLog(log)}
                    >
                      Remove
                    </button>
                  </li>
                ))}
            </ul>
            {logs.length > LOG_SHOWN && (
              <button
                type="button"
                className="button button--small button--quiet practice-log__more"
                onClick={() => setShowAll((all) => !all)}
              >
                {showAll ? 'Show the latest only' : `Show all ${logs.length} blocks`}
              </button>
            )}
          </>
        ) : (
          <p className="meta-text practice-log__empty">No practice logged yet.</p>
        )}
      </section>

      <section className="data-section" aria-labelledby={`${uid}-review`}>
        <h2 id={`${uid}-review`} className="section-title">
          Review
        </h2>
        <div className="card review-card">
          <PlanReviewPanel
            plan={plan}
            onChanged={(updated) => {
              setPlan(updated);
              reloadWeek();
            }}
          />
        </div>
      </section>

      {plan.reviews.length > 0 && (
        <section className="data-section" aria-labelledby={`${uid}-past`}>
          <h2 id={`${uid}-past`} className="section-title">
            Past reviews
          </h2>
          <ul className="past-reviews" aria-label="Past reviews">
            {[...plan.reviews].reverse().map((review) => (
              <li key={review.id} className="card past-review">
                <p className="past-review__top">
                  <span className={`decision decision--${review.decision}`}>
                    {DECISION_LABELS[review.decision]}
                  </span>
                  <time dateTime={review.createdAt} className="meta-text">
                    {fullTime(review.createdAt)}
                  </time>
                </p>
                {review.answers.length > 0 && (
                  <dl className="review-answers">
                    {review.answers.map((answer) => (
                      <div key={answer.promptId}>
                        <dt>{promptText(answer.promptId)}</dt>
                        <dd>{answer.text}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {review.note && <p className="past-review__note">{review.note}</p>}
                {(review.newReviewOn || review.newNextAction || review.newCadence) && (
                  <p className="meta-text">
                    Changed:
                    {review.newReviewOn && ` review on ${dayText(review.newReviewOn)}`}
                    {review.newNextAction && `; next action “${review.newNextAction}”`}
                    {review.newCadence && `; cadence ${cadenceWords(review.newCadence)}`}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
