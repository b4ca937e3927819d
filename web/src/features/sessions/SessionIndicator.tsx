import { Link, useLocation } from 'react-router';
import { useActiveSession } from './queries.js';
import { formatClock, type Synced, useCountdown } from './session.js';

/*
 * The shell shows this on every page, so it stays as light as session.tsx: the active-session
 * query the session page uses (kept current by the server's change events, a re-sync while live
 * and on focus) and the local countdown. No core schema, no session page code.
 */

/**
 * "Session running · 12:34 left → Return": a session under way (or waiting for its ratings) is
 * never out of sight. Hidden on /session itself, where the session is the page.
 */
export function SessionIndicator() {
  const { pathname } = useLocation();
  const { data: state } = useActiveSession();
  if (!state || pathname === '/session') return null;
  const { view } = state;
  if (view.state !== 'running' && view.state !== 'paused' && view.state !== 'rating') return null;
  return <Indicator state={state} />;
}

function Indicator({ state }: { state: Synced }) {
  const remaining = useCountdown(state);
  const { view } = state;
  const rating = view.state === 'rating' || (view.state === 'running' && remaining <= 0);
  return (
    <aside
      className={`session-indicator session-indicator--${rating ? 'rating' : view.state}`}
      aria-label="Session under way"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon session-indicator__icon">
        <path d="M8 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 5.5v3l2 1.5M6.5 1.5h3" />
      </svg>
      <p className="session-indicator__text">
        {rating ? (
          'Session ended · your ideas are waiting to be rated'
        ) : (
          <>
            {view.state === 'paused' ? 'Session paused' : 'Session running'} ·{' '}
            <span className="session-indicator__clock">{formatClock(remaining)}</span> left
          </>
        )}
      </p>
      <Link to="/session" className="session-indicator__link">
        {rating ? 'Rate them' : 'Return'} <span aria-hidden="true">→</span>
      </Link>
    </aside>
  );
}
