import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Idea } from '../../../../src/core/ideas.js';
import { ApiError, api, errorMessage, type SessionView } from '../../api.js';
import { plural } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';

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

/** "20 min", "1 h 5 min", "45 s" — for durations in summaries. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/** The message of a 409 "a session is already active" problem, i.e. that session's id. */
export function activeSessionId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return error.field('activeSessionId') ?? null;
}

/**
 * The inbox's call to action: starts a 20-minute session on the default deck at once. If one is
 * already under way, it says so and offers to resume it.
 */
export function StartSessionButton({ minutes = 20 }: { minutes?: number }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; resume: boolean } | null>(null);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.startSession({ minutes });
      navigate('/session');
    } catch (error) {
      const active = activeSessionId(error);
      setProblem(
        active
          ? { message: 'A session is already under way.', resume: true }
          : { message: errorMessage(error), resume: false },
      );
      setBusy(false);
    }
  };

  return (
    <div className="session-cta">
      <div className="session-cta__text">
        <p className="session-cta__title">Set aside time to get better</p>
        <p className="session-cta__lede">
          One question at a time, a quiet countdown, and a box for what comes up.
        </p>
      </div>
      <button type="button" className="button button--primary" onClick={start} disabled={busy}>
        <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
          <circle cx="8" cy="8.5" r="5.5" />
          <path d="M8 5.5v3l2 1.5M6.5 1.5h3" />
        </svg>
        Start a {minutes}-minute session
      </button>
      {problem && (
        <div className="notice notice--error session-cta__problem" role="alert">
          <span>{problem.message}</span>
          {problem.resume && (
            <button type="button" className="button button--small" onClick={() => navigate('/session')}>
              Resume it
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Loads a session by id (or the active one) and keeps it in sync with the server. */
export function useSessionLoader(id: string | null) {
  const [state, setState] = useState<Synced | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const apply = useCallback((view: SessionView | null) => {
    latest.current++;
    setState(view ? synced(view) : null);
    setLoaded(true);
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const view = id ? await api.getSession(id) : (await api.activeSession()).session;
      // A newer answer (from an action) wins over a slower re-sync started before it.
      if (ticket !== latest.current) return;
      setState(view ? synced(view) : null);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoaded(true);
    }
  }, [id]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { state, loaded, error, apply, refresh };
}

/** Counts of ideas per area, biggest first, with area names. */
export function AreaCounts({ byArea }: { byArea: SessionView['summary']['byArea'] }) {
  const { nameOf } = useAreas();
  if (byArea.length === 0) return null;
  return (
    <ul className="area-counts" aria-label="Ideas by area">
      {byArea.map((entry) => (
        <li key={entry.areaId ?? 'none'} className={entry.areaId ? 'chip' : 'chip chip--empty'}>
          {nameOf(entry.areaId) ?? 'No area'}
          <span className="area-counts__count">{entry.count}</span>
        </li>
      ))}
    </ul>
  );
}

export function sessionTitle(view: SessionView): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(view.startedAt));
}

export function ideaCountText(view: SessionView): string {
  return plural(view.summary.ideaCount, 'idea');
}

export function questionTextOf(view: SessionView, idea: Idea): string | null {
  return view.questions.find((q) => q.questionId === idea.questionId)?.text ?? null;
}
