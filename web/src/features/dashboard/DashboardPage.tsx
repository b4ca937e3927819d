import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { type Dashboard, plansApi } from '../../api-plans.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLoaded } from '../../shared/api/loading.js';
import { HeatMap } from '../../shared/components/HeatMap.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { plural } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';
import { dayText, minutesText, relativeDays, shortDayText } from '../plans/plans-format.js';
import { FollowThroughChart, IdeasPerWeekChart, PracticeByAreaChart } from './charts/index.js';
import './dashboard.css';

/** A section of the dashboard: a heading, a link to the same numbers as JSON, the content. */
function Panel({
  title,
  jsonKey,
  className,
  children,
}: {
  title: string;
  jsonKey: keyof Dashboard;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`dash-panel ${className ?? ''}`} aria-labelledby={id}>
      <div className="dash-panel__head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        <a
          href={plansApi.dashboardUrl}
          className="json-link"
          title={`The "${jsonKey}" field of ${plansApi.dashboardUrl}`}
          aria-label={`${title} as JSON`}
        >
          JSON
        </a>
      </div>
      {children}
    </section>
  );
}

const loadDashboard = (signal: AbortSignal) => plansApi.dashboard(signal);

function streakDays(days: number): string {
  return days === 0 ? '0 days' : plural(days, 'day');
}

/**
 * /dashboard: where improvement time goes. Ideas per week by source, follow-through from idea to
 * adopted change, practice per area against the cadences, streaks, the interruption heat map and
 * the reviews coming up. Every series is also in GET /api/v1/dashboard.
 */
export function DashboardPage() {
  const { nameOf } = useAreas();
  const { data, error, reload } = useLoaded(loadDashboard);
  useLiveChanges(() => void reload());

  const thisWeek = data?.practiceByArea[data.practiceByArea.length - 1];
  const overall = data?.streaks.overall;

  return (
    <div className="page page--wide">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Dashboard</h1>
          <p className="page-lede">
            Where your improvement time goes
            {data && (
              <>
                : the last {data.weeks.length} weeks, in {data.timeZone}
              </>
            )}
            .
          </p>
        </div>
        <a href={plansApi.dashboardUrl} className="button button--small">
          All of it as JSON
        </a>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      {!data ? (
        !error && <LoadingCard lines={2} />
      ) : (
        <>
          <ul className="glance" aria-label="At a glance">
            <li className="card glance__item">
              <span className="glance__label">Practice this week</span>
              <span className="glance__value">{minutesText(thisWeek?.minutes ?? 0)}</span>
              <span className="glance__sub">
                {thisWeek && thisWeek.expectedMinutes > 0
                  ? `of ${minutesText(thisWeek.expectedMinutes)} the cadences ask`
                  : 'no cadence expects practice'}
              </span>
            </li>
            <li className="card glance__item">
              <span className="glance__label">Current streak</span>
              <span className="glance__value">{streakDays(overall?.current.days ?? 0)}</span>
              <span className="glance__sub">
                {overall?.current.from
                  ? `since ${dayText(overall.current.from)}`
                  : 'log practice to start one'}
              </span>
            </li>
            <li className="card glance__item">
              <span className="glance__label">Longest streak</span>
              <span className="glance__value">{streakDays(overall?.longest.days ?? 0)}</span>
              <span className="glance__sub">
                {overall?.longest.from && overall.longest.to
                  ? `${shortDayText(overall.longest.from)} – ${shortDayText(overall.longest.to)}`
                  : 'none yet'}
              </span>
            </li>
            <li className="card glance__item">
              <span className="glance__label">Follow-through</span>
              <span className="glance__value">
                {data.followThrough.rate === null ? '–' : `${Math.round(data.followThrough.rate * 100)}%`}
              </span>
              <span className="glance__sub">
                {data.followThrough.adopted} adopted of {data.followThrough.withPlan} planned
              </span>
            </li>
          </ul>
          <p className="streak-note">
            A streak counts the days you practised; one missed day between them is forgiven, two in a row end
            it.
          </p>

          <div className="dash-grid">
            <Panel title="Ideas per week" jsonKey="ideasPerWeek">
              <IdeasPerWeekChart weeks={data.ideasPerWeek} />
            </Panel>
            <Panel title="Follow-through" jsonKey="followThrough">
              <FollowThroughChart data={data.followThrough} />
            </Panel>
            <Panel title="Practice per area" jsonKey="practiceByArea" className="dash-panel--wide">
              <PracticeByAreaChart weeks={data.practiceByArea} nameOf={nameOf} />
            </Panel>
            <Panel title="Streaks" jsonKey="streaks">
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
                      <td className="num">{streakDays(data.streaks.overall.current.days)}</td>
                      <td className="num">{streakDays(data.streaks.overall.longest.days)}</td>
                    </tr>
                    {data.streaks.plans.map((p) => (
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
            </Panel>
            <Panel title="Upcoming reviews" jsonKey="upcomingReviews">
              {data.upcomingReviews.length === 0 ? (
                <p className="card empty-card meta-text">No review in the next 14 days.</p>
              ) : (
                <ul className="card upcoming" aria-label="Upcoming reviews">
                  {data.upcomingReviews.map((r) => (
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
              )}
            </Panel>
            <Panel title="When focus breaks" jsonKey="heatMap" className="dash-panel--wide">
              <div className="card heat-card">
                <p className="meta-text heat-card__text">
                  {data.heatMap.total === 0 ? (
                    <>
                      No interruptions logged yet. <Link to="/focus">Focus mode</Link> logs one with a
                      keystroke.
                    </>
                  ) : (
                    <>
                      {plural(data.heatMap.total, 'interruption')} in the last {data.weeks.length} weeks. Log
                      them from <Link to="/focus">focus mode</Link> or with <code>whet interrupt</code>.
                    </>
                  )}
                </p>
                <HeatMap data={data.heatMap} caption="Interruptions by weekday and hour" />
              </div>
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}
