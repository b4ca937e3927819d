import { type FormEvent, useCallback, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { IdeaSource } from '../../../../src/core/ideas.js';
import { addDays } from '../../../../src/core/local-date.js';
import { REVIEW_DECISIONS } from '../../../../src/core/plans/vocabulary.js';
import { ApiError, errorMessage } from '../../api.js';
import { plansApi, type ReviewDecision, type WeeklyReviewPage } from '../../api-plans.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLoaded } from '../../shared/api/loading.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, plural } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { WeekProgress } from '../plans/PlanRow.js';
import { PromptAnswer } from '../plans/PromptAnswer.js';
import {
  DECISION_HINTS,
  DECISION_LABELS,
  dayText,
  minutesText,
  SOURCE_ORDER,
  weekText,
} from '../plans/plans-format.js';
import '../plans/plans-list.css';
import './review.css';

function weekParam(search: string): string | undefined {
  const week = new URLSearchParams(search).get('week');
  return week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : undefined;
}

/**
 * /review (and /review?week=YYYY-MM-DD): the week's numbers, a few reflective questions, a
 * decision per plan that is due, then the history of past reviews.
 */
export function ReviewPage() {
  const { search } = useLocation();
  const week = weekParam(search);
  const id = useId();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [page, history, all] = await Promise.all([
        plansApi.week(week, signal),
        plansApi.reviewHistory(signal),
        plansApi.listPlans({ state: 'all' }, signal),
      ]);
      return { page, history, plans: all.plans };
    },
    [week],
  );
  const { data, error, reload } = useLoaded(load);
  useLiveChanges(() => void reload());
  const page = data?.page ?? null;
  const history = data?.history ?? null;
  const plans = data?.plans ?? [];

  const titleOf = (planId: string) => plans.find((p) => p.id === planId)?.title ?? 'A removed plan';
  const summary = page?.summary;

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Weekly review</h1>
        <p className="page-lede">
          A few minutes at the end of the week: what the numbers say, what you noticed, and what happens to
          the plans that are due.
        </p>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      {summary && (
        <nav className="week-nav" aria-label="Weeks">
          <Link to={`/review?week=${addDays(summary.weekOf, -7)}`} className="button button--small">
            <span aria-hidden="true">←</span> Previous week
          </Link>
          <p className="week-nav__current">
            Week of {weekText(summary.weekOf)} <span className="meta-text">{summary.weekOf.slice(0, 4)}</span>
          </p>
          {week ? (
            <Link to="/review" className="button button--small">
              This week <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span className="week-nav__spacer" />
          )}
        </nav>
      )}

      {page === null ? (
        !error && <LoadingCard lines={2} />
      ) : (
        <>
          <WeekNumbers page={page} id={id} />
          <WeeklyForm key={page.summary.weekOf} page={page} onSaved={() => void reload()} />
        </>
      )}

      {history && (
        <section className="data-section" aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`} className="section-title">
            Past weekly reviews
          </h2>
          {history.weekly.length === 0 ? (
            <p className="meta-text">Your weekly reviews will be listed here.</p>
          ) : (
            <ul className="review-history" aria-label="Past weekly reviews">
              {history.weekly.map((review) => (
                <li key={review.id}>
                  <details className="card review-entry">
                    <summary className="review-entry__summary">
                      <span className="review-entry__week">Week of {weekText(review.weekOf)}</span>
                      <span className="meta-text">
                        {plural(review.answers.length, 'answer')} ·{' '}
                        {plural(review.decisions.length, 'decision')} · written {fullTime(review.createdAt)}
                      </span>
                    </summary>
                    <div className="review-entry__body">
                      {review.answers.length > 0 && (
                        <dl className="review-answers">
                          {review.answers.map((a) => (
                            <div key={a.promptId}>
                              <dt>{page?.prompts.find((p) => p.id === a.promptId)?.text ?? a.promptId}</dt>
                              <dd>{a.text}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                      {review.decisions.length > 0 && (
                        <ul className="review-decisions">
                          {review.decisions.map((d) => (
                            <li key={d.planId}>
                              <span className={`decision decision--${d.decision}`}>
                                {DECISION_LABELS[d.decision]}
                              </span>{' '}
                              <Link to={`/plans/${d.planId}`}>{titleOf(d.planId)}</Link>
                              {d.note && <span className="meta-text"> — {d.note}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                      <Link to={`/review?week=${review.weekOf}`} className="button button--small">
                        Open this week
                      </Link>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          {history.plans.length > 0 && (
            <>
              <h3 className="section-title review-history__sub">Plan reviews</h3>
              <ul className="review-history" aria-label="Past plan reviews">
                {history.plans.map((r) => (
                  <li key={r.id} className="card plan-review-row">
                    <span className={`decision decision--${r.decision}`}>{DECISION_LABELS[r.decision]}</span>
                    <Link to={`/plans/${r.planId}`}>{titleOf(r.planId)}</Link>
                    <span className="meta-text">{fullTime(r.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** Ideas by source, practice against the cadences, interruptions, plans due. */
function WeekNumbers({ page, id }: { page: WeeklyReviewPage; id: string }) {
  const { summary } = page;
  const expected = summary.practice.plans.reduce((sum, p) => sum + p.expectedMinutes, 0);
  const sources = SOURCE_ORDER.filter((s) => summary.ideas.bySource[s] > 0);
  return (
    <section className="data-section" aria-labelledby={`${id}-numbers`}>
      <h2 id={`${id}-numbers`} className="section-title">
        The week in numbers
      </h2>
      <ul className="week-stats" aria-label="The week in numbers">
        <li className="card week-stat">
          <span className="week-stat__value">{summary.ideas.total}</span>
          <span className="week-stat__label">
            {summary.ideas.total === 1 ? 'idea captured' : 'ideas captured'}
          </span>
          <span className="week-stat__sub">
            {sources.length === 0
              ? 'none this week'
              : sources
                  .map((s: IdeaSource) => `${summary.ideas.bySource[s]} ${SOURCE_LABELS[s].toLowerCase()}`)
                  .join(' · ')}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{minutesText(summary.practice.minutes)}</span>
          <span className="week-stat__label">practice</span>
          <span className="week-stat__sub">
            {plural(summary.practice.blocks, 'block')}
            {expected > 0 ? ` · cadence asks ${minutesText(expected)}` : ''}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{summary.interruptions.count}</span>
          <span className="week-stat__label">
            {summary.interruptions.count === 1 ? 'interruption' : 'interruptions'}
          </span>
          <span className="week-stat__sub">
            {summary.interruptions.minutes > 0
              ? `${minutesText(summary.interruptions.minutes)} lost`
              : 'logged'}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{summary.plansDue.length}</span>
          <span className="week-stat__label">{summary.plansDue.length === 1 ? 'plan due' : 'plans due'}</span>
          <span className="week-stat__sub">for a decision</span>
        </li>
      </ul>

      {summary.practice.plans.length > 0 && (
        <div className="card table-card">
          <table className="stats-table" aria-label="Practice against cadence">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Cadence</th>
                <th scope="col">Practice this week</th>
              </tr>
            </thead>
            <tbody>
              {summary.practice.plans.map((p) => (
                <tr key={p.planId}>
                  <th scope="row">
                    <Link to={`/plans/${p.planId}`}>{p.title}</Link>
                  </th>
                  <td>{p.cadence ?? '—'}</td>
                  <td>
                    <WeekProgress week={p} label={null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.practice.unplannedMinutes > 0 && (
        <p className="meta-text">
          {minutesText(summary.practice.unplannedMinutes)} of practice outside any plan.
        </p>
      )}
    </section>
  );
}

/** The questions and the decisions; saving again for the same week replaces the answers. */
function WeeklyForm({ page, onSaved }: { page: WeeklyReviewPage; onSaved: () => void }) {
  const { notify } = useToast();
  const { summary, prompts, review } = page;
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries((review?.answers ?? []).map((a) => [a.promptId, a.text])),
  );
  const [decisions, setDecisions] = useState<Record<string, ReviewDecision | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const decidable = summary.plansDue.filter((p) => p.state !== 'adjusted');
  const waiting = summary.plansDue.filter((p) => p.state === 'adjusted');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answered = prompts.filter((p) => answers[p.id]?.trim());
    const decided = decidable.filter((p) => decisions[p.planId]);
    setBusy(true);
    setErrors({});
    setProblem(null);
    setSaved(null);
    try {
      await plansApi.submitWeekly({
        weekOf: summary.weekOf,
        answers: answered.map((p) => ({ promptId: p.id, text: answers[p.id] ?? '' })),
        decisions: decided.map((p) => ({
          planId: p.planId,
          decision: decisions[p.planId] as ReviewDecision,
        })),
      });
      setSaved(
        `Saved the review of the week of ${weekText(summary.weekOf)}: ${plural(answered.length, 'answer')}, ${plural(decided.length, 'decision')}.`,
      );
      notify('Weekly review saved');
      setDecisions({});
      onSaved();
    } catch (error) {
      // answers.N.text -> the prompt answered in position N; decisions.N.* -> that plan.
      const mapped: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const [field, message] of Object.entries(error.fields)) {
          const answer = /^answers\.(\d+)\./.exec(field);
          const decision = /^decisions\.(\d+)\./.exec(field);
          if (answer) mapped[`answer:${answered[Number(answer[1])]?.id}`] = message;
          else if (decision) mapped[`decision:${decided[Number(decision[1])]?.planId}`] = message;
          else mapped[field] = message;
        }
      setErrors(mapped);
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="weekly-form" aria-label="Weekly review" onSubmit={submit} noValidate>
      <section className="data-section" aria-labelledby={`${id}-questions`}>
        <h2 id={`${id}-questions`} className="section-title">
          Questions
        </h2>
        {review && (
          <p className="hint">
            You reviewed this week {fullTime(review.createdAt)}. Saving again replaces those answers.
          </p>
        )}
        <div className="card weekly-questions">
          {prompts.map((prompt) => {
            const key = `answer:${prompt.id}`;
            return (
              <PromptAnswer
                key={prompt.id}
                id={`${id}-${prompt.id}`}
                text={prompt.text}
                value={answers[prompt.id] ?? ''}
                onChange={(text) => setAnswers((a) => ({ ...a, [prompt.id]: text }))}
                error={errors[key]}
              />
            );
          })}
        </div>
      </section>

      <section className="data-section" aria-labelledby={`${id}-due`}>
        <h2 id={`${id}-due`} className="section-title">
          Plans due
        </h2>
        {summary.plansDue.length === 0 ? (
          <p className="meta-text">No plan waits for a decision this week.</p>
        ) : (
          <ul className="due-plans">
            {decidable.map((plan) => {
              const key = `decision:${plan.planId}`;
              return (
                <li key={plan.planId} className="card due-plan">
                  <fieldset
                    className="due-plan__fieldset"
                    aria-describedby={errors[key] ? `${id}-${plan.planId}-error` : undefined}
                  >
                    <legend className="due-plan__title">
                      <Link to={`/plans/${plan.planId}`}>{plan.title}</Link>{' '}
                      <span className={plan.overdue ? 'tag tag--due' : 'tag'}>
                        {plan.overdue ? 'overdue since' : 'review on'} {dayText(plan.reviewOn)}
                      </span>
                    </legend>
                    <div className="due-plan__choices">
                      {[...REVIEW_DECISIONS, null].map((d) => (
                        <label
                          key={d ?? 'later'}
                          className="due-choice"
                          title={d ? DECISION_HINTS[d] : undefined}
                        >
                          <input
                            type="radio"
                            name={`${id}-${plan.planId}`}
                            checked={(decisions[plan.planId] ?? null) === d}
                            onChange={() => setDecisions((all) => ({ ...all, [plan.planId]: d }))}
                          />
                          <span>{d ? DECISION_LABELS[d] : 'Not now'}</span>
                        </label>
                      ))}
                    </div>
                    <FieldError id={`${id}-${plan.planId}-error`} field="decision" message={errors[key]} />
                  </fieldset>
                  {decisions[plan.planId] === 'adjust' && (
                    <p className="hint">Then set its new review date on the plan’s page.</p>
                  )}
                </li>
              );
            })}
            {waiting.map((plan) => (
              <li key={plan.planId} className="card due-plan">
                <p className="due-plan__title">
                  <Link to={`/plans/${plan.planId}`}>{plan.title}</Link>{' '}
                  <span className="tag tag--warn">adjusted</span>
                </p>
                <p className="hint">
                  Waiting for a new review date:{' '}
                  <Link to={`/plans/${plan.planId}`}>resume it on its page</Link>.
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {problem && <ErrorNotice>{problem}</ErrorNotice>}
      <div className="weekly-form__actions">
        <p className="meta-text" role="status">
          {saved}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save weekly review'}
        </button>
      </div>
    </form>
  );
}
