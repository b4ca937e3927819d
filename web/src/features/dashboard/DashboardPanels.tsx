import type { ReactNode } from 'react';
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

/**
 * What a panel shows before there is anything to draw: what will appear there and how to get it,
 * instead of blank axes.
 */
function EmptyPanel({ what, how }: { what: string; how: ReactNode }) {
  return (
    <div className="card empty-card dash-empty">
      <p className="empty-card__title">{what}</p>
      <p className="meta-text">{how}</p>
    </div>
  );
}

function IdeasPerWeek() {
  const weeks = useDashboardPart(ideasPerWeekOf);
  if (!weeks) return null;
  if (weeks.every((w) => w.total === 0))
    return (
      <EmptyPanel
        what={`No ideas in the last ${weeks.length} weeks. Each week’s ideas will show here, by where they came from.`}
        how={
          <>
            Capture one in the <Link to="/">inbox</Link> (press <kbd>N</kbd>), with <code>whet idea</code>, or
            in a <Link to="/session">focused session</Link>.
          </>
        }
      />
    );
  return <IdeasPerWeekChart weeks={weeks} />;
}

function FollowThrough() {
  const data = useDashboardPart(followThroughOf);
  if (!data) return null;
  if (data.ideas === 0)
    return (
      <EmptyPanel
        what="No ideas yet. How many of them get a plan, and how many plans you keep, will show here."
        how={
          <>
            Capture ideas, then open one and choose <strong>Make a plan</strong>.
          </>
        }
      />
    );
  return <FollowThroughChart data={data} />;
}

function PracticeByArea() {
  const { nameOf } = useAreas();
  const weeks = useDashboardPart(practiceByAreaOf);
  if (!weeks) return null;
  if (weeks.every((w) => w.minutes === 0 && w.expectedMinutes === 0))
    return (
      <EmptyPanel
        what="No practice logged and none planned. Minutes per area each week, against what your cadences ask, will show here."
        how={
          <>
            Make a practice plan with a cadence on the <Link to="/plans">plans</Link> page, then log blocks on
            its page or with <code>whet practice</code>.
          </>
        }
      />
    );
  return <PracticeByAreaChart weeks={weeks} nameOf={nameOf} />;
}

function Streaks() {
  const streaks = useDashboardPart(streaksOf);
  if (!streaks) return null;
  if (streaks.overall.longest.days === 0 && streaks.plans.length === 0)
    return (
      <EmptyPanel
        what="No practice yet. Your current and longest run of practice days will show here."
        how="Log a practice block on a plan’s page; one missed day between practice days is forgiven."
      />
    );
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
  if (heatMap.total === 0)
    return (
      <EmptyPanel
        what={`No interruptions logged in the last ${weeks} weeks. When focus breaks, by weekday and hour, will show here.`}
        how={
          <>
            <Link to="/focus">Focus mode</Link> logs one with a keystroke; so does <code>whet interrupt</code>
            .
          </>
        }
      />
    );
  return (
    <div className="card heat-card">
      <p className="meta-text heat-card__text">
        {plural(heatMap.total, 'interruption')} in the last {weeks} weeks. Log them from{' '}
        <Link to="/focus">focus mode</Link> or with <code>whet interrupt</code>.
      </p>
      <HeatMap data={heatMap} caption="Interruptions by weekday and hour" />
    </div>
  );
}
