import type { PracticeLog } from '../../../../src/core/plans/practice.js';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { DIFFICULTY_LABELS, PLAN_KIND_LABELS } from '../../../../src/core/plans/vocabulary.js';
import { plural } from '../../../../src/core/plural.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { todayIn } from '../../shared/time-zone.js';
import { dayAndTime } from '../plans/dates.js';
import { minutesText } from '../plans/format.js';
import { PlanStateBadge, ReviewWhen } from '../plans/PlanRow.js';
import { AccessEnded } from './AccessEnded.js';
import { sharedApi, sharedKeys } from './api.js';
import { useSharedRead } from './queries.js';
import '../plans/plans-list.css';
import '../plans/plans-page.css';

/** Practice blocks shown, newest first. */
const PRACTICE_SHOWN = 10;

/** A researcher's shared plans and their latest practice, read only. */
export function SharedPlans({ researcherId, name }: { researcherId: string; name: string }) {
  const plans = useSharedRead(sharedKeys.of(researcherId, 'plans'), (signal) =>
    sharedApi.plans(researcherId, signal),
  );
  const practice = useSharedRead(sharedKeys.of(researcherId, 'practice'), (signal) =>
    sharedApi.practice(researcherId, signal),
  );
  if (plans.ended || practice.ended) return <AccessEnded name={name} what="their plans" />;
  const error = plans.error ?? practice.error;
  if (error)
    return (
      <ErrorNotice
        onRetry={() => {
          plans.reload();
          practice.reload();
        }}
      >
        {error}
      </ErrorNotice>
    );
  if (!plans.data || !practice.data) return <LoadingCard lines={2} />;
  if (plans.data.length === 0) return <p className="meta-text">No plans yet.</p>;
  const titleOf = (id: string | null) => plans.data?.find((p) => p.id === id)?.title ?? null;
  return (
    <div className="shared-plans">
      <ul className="history-list" aria-label={`Plans of ${name}`}>
        {plans.data.map((plan) => (
          <SharedPlanCard key={plan.id} plan={plan} />
        ))}
      </ul>
      <h3 className="shared-subtitle">Latest practice</h3>
      <PracticeList logs={practice.data} titleOf={titleOf} />
    </div>
  );
}

function SharedPlanCard({ plan }: { plan: PlanView }) {
  return (
    <li className="card shared-row shared-plan">
      <span className="plan-row__top">
        <span className="plan-row__title">{plan.title}</span>
        <PlanStateBadge state={plan.state} />
      </span>
      <span className="plan-row__meta">
        <span className="tag">{PLAN_KIND_LABELS[plan.kind]}</span>
        {plan.cadenceText && <span className="meta-text">{plan.cadenceText}</span>}
        <ReviewWhen plan={plan} today={todayIn(undefined)} />
      </span>
      <dl className="shared-plan__facts">
        <div>
          <dt>Next action</dt>
          <dd>{plan.nextAction}</dd>
        </div>
        <div>
          <dt>Success signal</dt>
          <dd>{plan.successSignal}</dd>
        </div>
        <div>
          <dt>Practice</dt>
          <dd>
            {plan.practice.blocks > 0
              ? `${minutesText(plan.practice.minutes)} in ${plural(plan.practice.blocks, 'block')}`
              : 'None logged'}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function PracticeList({
  logs,
  titleOf,
}: {
  logs: readonly PracticeLog[];
  titleOf: (planId: string | null) => string | null;
}) {
  if (logs.length === 0) return <p className="meta-text">No practice logged yet.</p>;
  const latest = [...logs].sort((a, b) => b.at.localeCompare(a.at)).slice(0, PRACTICE_SHOWN);
  return (
    <ul className="practice-log" aria-label="Latest practice">
      {latest.map((log) => (
        <li key={log.id} className="practice-log__row">
          <span className="practice-log__minutes">{log.minutes} min</span>
          <span className="practice-log__main">
            <time dateTime={log.at} title={fullTime(log.at)} className="practice-log__when">
              {dayAndTime(log.at, undefined)}
            </time>
            {titleOf(log.planId) && <span className="meta-text">{titleOf(log.planId)}</span>}
            {log.difficulty !== null && (
              <span className={`difficulty difficulty--${log.difficulty}`}>
                {log.difficulty} · {DIFFICULTY_LABELS[log.difficulty]}
              </span>
            )}
            {log.note && <span className="practice-log__note">{log.note}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
