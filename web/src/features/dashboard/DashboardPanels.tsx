import { Link } from 'react-router';
import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { plural } from '../../../../src/core/plural.js';
import { HeatMap } from '../../shared/components/HeatMap.js';
import { useAreas } from '../../shared/state.js';
import { dayText, relativeDays } from '../plans/dates.js';
import { FollowThroughChart, IdeasPerWeekChart, PracticeByAreaChart } from './charts/index.js';
import { streakDays } from './format.js';
import { Panel } from './Panel.js';
import { useDashboardPart } from './queries.js';

/* Each panel reads its own part of the one dashboard answer. */
const ideasPerWeekOf = (d: Dashboard) => d.ideasPerWeek;
const followThroughOf = (d: Dashboard) => d.followThrough;
const practiceByAreaOf = (d: Dashboard) => d.practiceByArea;
const streaksOf = (d: Dashboard) => d.streaks;
const upcomingReviewsOf = (d: Dashboard) => d.upcomingReviews;
const heatMapOf = (d: Dashboard) => ({ heatMap: d.heatMap, weeks: d.weeks.length });

/** The charts and tables under the glance numbers. */
export function DashboardPanels() {
  return (
    <div className="dash-grid">
      <Panel title="Ideas per week" jsonKey="ideasPerWeek">
        <IdeasPerWeek />
      </Panel>
      <Panel title="Follow-through" jsonKey="followThrough">
        <FollowThrough />
      </Panel>
      <Panel title="Practice per area" jsonKey="practiceByArea" className="dash-panel--wide">
        <PracticeByArea />
      </Panel>
      <Panel title="Streaks" jsonKey="streaks">
        <Streaks />
      </Panel>
      <Panel title="Upcoming reviews" jsonKey="upcomingReviews">
        <UpcomingReviews />
      </Panel>
      <Panel title="When focus breaks" jsonKey="heatMap" className="dash-panel--wide">
        <FocusBreaks />
      </Panel>
    </div>
  );
}

function IdeasPerWeek() {
  const weeks = useDashboardPart(ideasPerWeekOf);
  return weeks ? <IdeasPerWeekChart weeks={weeks} /> : null;
}

function FollowThrough() {
  const data = useDashboardPart(followThroughOf);
  return data ? <FollowThroughChart data={data} /> : null;
}

function PracticeByArea() {
  const { nameOf } = useAreas();
  const weeks = useDashboardPart(practiceByAreaOf);
  return weeks ? <PracticeByAreaChart weeks={weeks} nameOf={nameOf} /> : null;
}

function Streaks() {
  const streaks = useDashboardPart(streaksOf);
  if (!streaks) return null;
  return (
    <div className="card table-card">
      <table className="stats-table" aria-label="Practice streaks">
        <thead>
          <tr>
            <th scope="col">Practice</th>
            <th scope="col" className="num">
              Current
            </th>
            <th scope="col" className="num">
              Longest
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">All practice</th>
            <td className="num">{streakDays(streaks.overall.current.days)}</td>
            <td className="num">{streakDays(streaks.overall.longest.days)}</td>
          </tr>
          {streaks.plans.map((p) => (
            <tr key={p.planId}>
              <th scope="row">
                <Link to={`/plans/${p.planId}`}>{p.title}</Link>
              </th>
              <td className="num">{streakDays(p.current.days)}</td>
              <td className="num">{streakDays(p.longest.days)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UpcomingReviews() {
  const reviews = useDashboardPart(upcomingReviewsOf);
  if (!reviews) return null;
  if (reviews.length === 0)
    return <p className="card empty-card meta-text">No review in the next 14 days.</p>;
  return (
    <ul className="card upcoming" aria-label="Upcoming reviews">
      {reviews.map((r) => (
        <li key={r.planId} className="upcoming__row">
          <Link to={`/plans/${r.planId}`} className="upcoming__title">
            {r.title}
          </Link>
          <span className={r.overdue || r.daysLeft === 0 ? 'tag tag--due' : 'meta-text'}>
            {r.overdue
              ? `overdue, ${dayText(r.reviewOn)}`
              : `${dayText(r.reviewOn)} · ${relativeDays(r.daysLeft)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function FocusBreaks() {
  const part = useDashboardPart(heatMapOf);
  if (!part) return null;
  const { heatMap, weeks } = part;
  return (
    <div className="card heat-card">
      <p className="meta-text heat-card__text">
        {heatMap.total === 0 ? (
          <>
            No interruptions logged yet. <Link to="/focus">Focus mode</Link> logs one with a keystroke.
          </>
        ) : (
          <>
            {plural(heatMap.total, 'interruption')} in the last {weeks} weeks. Log them from{' '}
            <Link to="/focus">focus mode</Link> or with <code>whet interrupt</code>.
          </>
        )}
      </p>
      <HeatMap data={heatMap} caption="Interruptions by weekday and hour" />
    </div>
  );
}
