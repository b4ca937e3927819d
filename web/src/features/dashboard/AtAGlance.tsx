import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { dayText, shortDayText } from '../plans/dates.js';
import { minutesText, proratedReason } from '../plans/format.js';
import { streakDays } from './format.js';
import { useDashboardPart } from './queries.js';

const glanceOf = (d: Dashboard) => ({
  thisWeek: d.practiceByArea[d.practiceByArea.length - 1],
  overall: d.streaks.overall,
  followThrough: d.followThrough,
});

/** The four numbers at the top: practice this week, the streaks, follow-through. */
export function AtAGlance() {
  const glance = useDashboardPart(glanceOf);
  if (!glance) return null;
  const { thisWeek, overall, followThrough } = glance;
  return (
    <>
      <ul className="glance" aria-label="At a glance">
        <li className="card glance__item">
          <span className="glance__label">Practice this week</span>
          <span className="glance__value">{minutesText(thisWeek?.minutes ?? 0)}</span>
          <span className="glance__sub">
            {thisWeek && thisWeek.expectedMinutes > 0
              ? `of ${minutesText(thisWeek.expectedMinutes)} the cadences ask`
              : 'no cadence expects practice'}
            {thisWeek && thisWeek.expectedMinutes > 0 && thisWeek.prorated.length > 0 && (
              <span className="glance__prorated">
                prorated: {thisWeek.prorated.map((p) => proratedReason(p, `“${p.title}”`)).join('; ')}
              </span>
            )}
          </span>
        </li>
        <li className="card glance__item">
          <span className="glance__label">Current streak</span>
          <span className="glance__value">{streakDays(overall.current.days)}</span>
          <span className="glance__sub">
            {overall.current.from ? `since ${dayText(overall.current.from)}` : 'log practice to start one'}
          </span>
        </li>
        <li className="card glance__item">
          <span className="glance__label">Longest streak</span>
          <span className="glance__value">{streakDays(overall.longest.days)}</span>
          <span className="glance__sub">
            {overall.longest.from && overall.longest.to
              ? `${shortDayText(overall.longest.from)} – ${shortDayText(overall.longest.to)}`
              : 'none yet'}
          </span>
        </li>
        <li className="card glance__item">
          <span className="glance__label">Follow-through</span>
          <span className="glance__value">
            {followThrough.rate === null ? '–' : `${Math.round(followThrough.rate * 100)}%`}
          </span>
          <span className="glance__sub">
            {followThrough.adopted} adopted of {followThrough.withPlan} planned
          </span>
        </li>
      </ul>
      <p className="streak-note">
        A streak counts the days you practised; one missed day between them is forgiven, two in a row end it.
      </p>
    </>
  );
}
