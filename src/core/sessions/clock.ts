import type { SessionRecord } from './session.js';

const ms = (iso: string): number => Date.parse(iso);

/**
 * Session-clock time: milliseconds the session has been running, pauses excluded. It is computed
 * from stored instants only, so a reload, a sleeping laptop or a server restart changes nothing.
 */
export function elapsedMs(session: SessionRecord, now: Date): number {
  const until = session.endedAt
    ? ms(session.endedAt)
    : session.pausedAt
      ? ms(session.pausedAt)
      : now.getTime();
  return Math.max(0, until - ms(session.startedAt) - session.pausedMs);
}

/** Total length: the planned minutes plus any time added. */
export function totalMs(session: SessionRecord): number {
  return session.plannedMs + session.addedMs;
}

export function remainingMs(session: SessionRecord, now: Date): number {
  return Math.max(0, totalMs(session) - elapsedMs(session, now));
}

/** True once the countdown reached zero (the session then waits for its rating). */
export function isTimeUp(session: SessionRecord, now: Date): boolean {
  return remainingMs(session, now) === 0;
}

/**
 * The instant the session ends if ended `now`: `now`, or — when the countdown ran out earlier
 * while nobody was looking — the moment it reached zero.
 */
export function endInstant(session: SessionRecord, now: Date): Date {
  if (session.state !== 'running') return now;
  const runOut = ms(session.startedAt) + session.pausedMs + totalMs(session);
  return new Date(Math.min(now.getTime(), runOut));
}
