import { Link } from 'react-router';
import { daysBetween } from '../../../../src/core/local-date.js';
import type { PlanState } from '../../../../src/core/plans/plan.js';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { PLAN_KIND_LABELS } from '../../../../src/core/plans/vocabulary.js';
import type { PlanWeek } from '../../../../src/core/plans/week-summary.js';
import { plural } from '../../../../src/core/plural.js';
import { relativeTime } from '../../shared/format.js';
import { dayText, relativeDays } from './dates.js';
import { minutesText, proratedText } from './format.js';
import { STATE_LABELS } from './labels.js';

/** Which idea-status colour each plan state borrows for the shared `.status` badge. */
const STATE_STATUS: Record<PlanState, string> = {
  active: 'planned',
  reviewing: 'trying',
  adjusted: 'adjusted',
  kept: 'adopted',
  dropped: 'dropped',
};

export function PlanStateBadge({ state }: { state: PlanState }) {
  return (
    <span className={`status status--${STATE_STATUS[state]}`}>
      <span className="status__dot" aria-hidden="true" />
      {STATE_LABELS[state]}
    </span>
  );
}

/** "Review due", "Review on Mon, 7 Dec (in 14 days)", or the decision once made. */
export function ReviewWhen({ plan, today }: { plan: PlanView; today: string }) {
  if (plan.state === 'kept' || plan.state === 'dropped')
    return plan.decidedAt ? <span className="meta-text">Decided {relativeTime(plan.decidedAt)}</span> : null;
  if (plan.state === 'adjusted') return <span className="tag tag--warn">Waiting to resume</span>;
  if (plan.reviewDue) return <span className="tag tag--due">Review due</span>;
  return (
    <span className="meta-text">
      Review {dayText(plan.reviewOn)} ({relativeDays(daysBetween(today, plan.reviewOn))})
    </span>
  );
}

/** Logged minutes against what the cadence expects this week, as words and a bar, and why a target is prorated. */
export function WeekProgress({ week, label = 'This week' }: { week: PlanWeek; label?: string | null }) {
  const ratio = week.expectedMinutes > 0 ? week.loggedMinutes / week.expectedMinutes : null;
  const amount =
    week.expectedMinutes > 0
      ? `${minutesText(week.loggedMinutes)} of ${minutesText(week.expectedMinutes)}`
      : minutesText(week.loggedMinutes);
  const text = label ? `${label}: ${amount}` : amount;
  return (
    <span className="week-progress">
      <span className="week-progress__text">{text}</span>
      {ratio !== null && (
        <span className="week-progress__bar" aria-hidden="true">
          <span style={{ width: `${Math.min(ratio, 1) * 100}%` }} />
        </span>
      )}
      {week.prorated && week.expectedMinutes > 0 && (
        <span className="week-progress__prorated">{proratedText(week.prorated)}</span>
      )}
    </span>
  );
}

/** One plan in a list: a link with its kind, state, cadence in words, this week and review date. */
export function PlanRow({
  plan,
  today,
  week,
}: {
  plan: PlanView;
  today: string;
  week?: PlanWeek | undefined;
}) {
  return (
    <li className="plan-row">
      <Link to={`/plans/${plan.id}`} className="card history-row__link plan-row__link">
        <span className="plan-row__top">
          <span className="plan-row__title">{plan.title}</span>
          <PlanStateBadge state={plan.state} />
        </span>
        <span className="plan-row__meta">
          <span className="tag">{PLAN_KIND_LABELS[plan.kind]}</span>
          {plan.cadenceText && <span className="meta-text">{plan.cadenceText}</span>}
          <ReviewWhen plan={plan} today={today} />
        </span>
        {week ? (
          <WeekProgress week={week} />
        ) : (
          plan.practice.blocks > 0 && (
            <span className="meta-text">
              {minutesText(plan.practice.minutes)} practised in {plural(plan.practice.blocks, 'block')}
            </span>
          )
        )}
      </Link>
    </li>
  );
}
