import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { useApiAction } from '../../shared/api/action.js';
import { hasStatus } from '../../shared/api/client.js';
import { sessionsApi } from './api.js';

/*
 * The countdown and the inbox's start button. The inbox loads this module on the first page, so
 * it stays light: no core schema, no session page code.
 */

/**
 * A session as last received from the server plus the local instant it arrived. The countdown
 * is `remainingMs` minus the local time elapsed since then; every response re-syncs it.
 */
export interface Synced {
  view: SessionView;
  at: number;
}

export function synced(view: SessionView): Synced {
  return { view, at: performance.now() };
}

export function remainingNow({ view, at }: Synced, now: number = performance.now()): number {
  if (view.state !== 'running') return view.remainingMs;
  return Math.max(0, view.remainingMs - (now - at));
}

/** Re-renders once a second while the session runs and returns the local countdown. */
export function useCountdown(state: Synced): number {
  const [now, setNow] = useState(() => performance.now());
  const running = state.view.state === 'running';
  useEffect(() => {
    setNow(performance.now());
    if (!running) return;
    const timer = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return remainingNow(state, Math.max(now, state.at));
}

/** "19:59", "1:05:00"; seconds round up so a fresh 20-minute session shows 20:00. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The message of a 409 "a session is already active" problem, i.e. that session's id. */
export function activeSessionId(error: unknown): string | null {
  if (!hasStatus(error, 409)) return null;
  return error.field('activeSessionId') ?? null;
}

/** Fetches the session page's chunk; a failure here is left to the route to report. */
function preloadSessionPage(): Promise<unknown> {
  return import('./SessionPage.js').catch(() => undefined);
}

/**
 * The inbox's call to action: starts a 20-minute session on the default deck at once. If one is
 * already under way, it says so and offers to resume it.
 */
export function StartSessionButton({ minutes = 20 }: { minutes?: number }) {
  const navigate = useNavigate();
  const start = useApiAction(
    async () => {
      // The session page's code loads while the session starts, so the page opens at once.
      const [view] = await Promise.all([sessionsApi.startSession({ minutes }), preloadSessionPage()]);
      return view;
    },
    { onSuccess: () => navigate('/session') },
  );
  // Only the "one session at a time" refusal names the session under way.
  const underWay = start.fields.activeSessionId !== undefined;

  return (
    <div className="session-cta">
      <div className="session-cta__text">
        <p className="session-cta__title">Set aside time to get better</p>
        <p className="session-cta__lede">
          One question at a time, a quiet countdown, and a box for what comes up.
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void start.run()}
        disabled={start.busy}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
          <circle cx="8" cy="8.5" r="5.5" />
          <path d="M8 5.5v3l2 1.5M6.5 1.5h3" />
        </svg>
        Start a {minutes}-minute session
      </button>
      {start.error && (
        <div className="notice notice--error session-cta__problem" role="alert">
          <span>{underWay ? 'A session is already under way.' : start.error}</span>
          {underWay && (
            <button type="button" className="button button--small" onClick={() => navigate('/session')}>
              Resume it
            </button>
          )}
        </div>
      )}
    </div>
  );
}
