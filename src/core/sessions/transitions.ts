import { WhetstoneError } from '../errors.js';
import { elapsedMs, endInstant, totalMs } from './clock.js';
import { SESSION_MINUTES_MAX, type SessionRecord, type SessionState } from './session.js';

export const SESSION_ACTIONS = [
  'pause',
  'resume',
  'next',
  'skip',
  'back',
  'addTime',
  'capture',
  'end',
  'rate',
  'complete',
] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** What each state allows; anything else is refused with a reason the person can act on. */
const ALLOWED: Record<SessionState, readonly SessionAction[]> = {
  running: ['pause', 'next', 'skip', 'back', 'addTime', 'capture', 'end'],
  paused: ['resume', 'addTime', 'capture', 'end'],
  rating: ['capture', 'rate', 'complete'],
  completed: ['rate'],
};

const REASON: Record<SessionState, string> = {
  running: 'the session is running',
  paused: 'the session is paused; resume it first',
  rating: 'the session has ended and is waiting for your ratings',
  completed: 'the session is over',
};

export function assertAllowed(state: SessionState, action: SessionAction): void {
  if (ALLOWED[state].includes(action)) return;
  throw new WhetstoneError('illegal_transition', `session: cannot ${action} now: ${REASON[state]}`, [
    { field: 'state', message: REASON[state] },
  ]);
}

export function allowedActions(state: SessionState): readonly SessionAction[] {
  return ALLOWED[state];
}

/** The time spent on the question on screen is closed whenever it leaves the screen. */
export interface LeftQuestion {
  position: number;
  spentMs: number;
}

export function pause(session: SessionRecord, now: Date): SessionRecord {
  assertAllowed(session.state, 'pause');
  return { ...session, state: 'paused', pausedAt: now.toISOString() };
}

export function resume(session: SessionRecord, now: Date): SessionRecord {
  assertAllowed(session.state, 'resume');
  const paused = session.pausedAt ? Math.max(0, now.getTime() - Date.parse(session.pausedAt)) : 0;
  return { ...session, state: 'running', pausedAt: null, pausedMs: session.pausedMs + paused };
}

/** Moves to another question of the queue; `step` is +1 (next, skip) or -1 (back). */
export function move(
  session: SessionRecord,
  now: Date,
  step: 1 | -1,
  action: 'next' | 'skip' | 'back',
): { session: SessionRecord; left: LeftQuestion } {
  assertAllowed(session.state, action);
  const target = session.position + step;
  if (target < 0) {
    throw new WhetstoneError(
      'validation',
      'session: this is the first question; there is nothing to go back to',
    );
  }
  if (target >= session.queue.length) {
    throw new WhetstoneError(
      'validation',
      'session: that was the last question of the deck; keep writing ideas or end the session',
    );
  }
  const at = elapsedMs(session, now);
  return {
    session: { ...session, position: target, positionEnteredMs: at },
    left: { position: session.position, spentMs: Math.max(0, at - session.positionEnteredMs) },
  };
}

/**
 * Adds minutes to the countdown. If time had already run out, the overtime since then is not
 * charged: the countdown continues from zero with the added minutes.
 */
export function addTime(session: SessionRecord, now: Date, minutes: number): SessionRecord {
  assertAllowed(session.state, 'addTime');
  const addedMs = session.addedMs + minutes * 60_000;
  if (session.plannedMs + addedMs > SESSION_MINUTES_MAX * 60_000) {
    throw new WhetstoneError(
      'validation',
      `minutes: a session can last at most ${SESSION_MINUTES_MAX} minutes`,
      [{ field: 'minutes', message: `a session can last at most ${SESSION_MINUTES_MAX} minutes` }],
    );
  }
  const overtime = Math.max(0, elapsedMs(session, now) - totalMs(session));
  return { ...session, addedMs, pausedMs: session.pausedMs + overtime };
}

/** Ends the countdown (early, or when time is up) and moves to rating. */
export function end(session: SessionRecord, now: Date): { session: SessionRecord; left: LeftQuestion } {
  assertAllowed(session.state, 'end');
  const endedAt =
    session.state === 'paused' && session.pausedAt ? new Date(session.pausedAt) : endInstant(session, now);
  const ended: SessionRecord = {
    ...session,
    state: 'rating',
    endedAt: endedAt.toISOString(),
    pausedAt: null,
  };
  const at = elapsedMs(ended, now);
  return {
    session: ended,
    left: { position: session.position, spentMs: Math.max(0, at - session.positionEnteredMs) },
  };
}

export function complete(session: SessionRecord, note: string | null | undefined): SessionRecord {
  assertAllowed(session.state, 'complete');
  return { ...session, state: 'completed', note: note === undefined ? session.note : note || null };
}
