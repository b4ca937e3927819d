import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { AtAGlance } from './AtAGlance.js';
import { dashboardApi } from './api.js';
import { DashboardPanels } from './DashboardPanels.js';
import { useDashboard } from './queries.js';
import './dashboard.css';

/**
 * /dashboard: where improvement time goes. Ideas per week by source, follow-through from idea to
 * adopted change, practice per area against the cadences, streaks, the interruption heat map and
 * the reviews coming up. Every series is also in GET /api/v1/dashboard. The shell's live
 * invalidation refreshes it when practice is logged anywhere.
 */
export function DashboardPage() {
  const { data, error, reload } = useDashboard();

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
        <a href={dashboardApi.dashboardUrl} className="button button--small">
          All of it as JSON
        </a>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      {!data ? (
        !error && <LoadingCard lines={2} />
      ) : (
        <>
          <AtAGlance />
          <DashboardPanels />
        </>
      )}
    </div>
  );
}
