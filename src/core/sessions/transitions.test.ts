import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { elapsedMs, isTimeUp, remainingMs } from './clock.js';
import type { SessionRecord } from './session.js';
import { addTime, allowedActions, complete, end, move, pause, resume } from './transitions.js';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
/** The instant `minutes` (may be fractional) after the session started. */
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const MIN = 60_000;

function started(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's1',
    deckId: 'd',
    state: 'running',
    plannedMs: 20 * MIN,
    addedMs: 0,
    startedAt: at(0).toISOString(),
    pausedAt: null,
    pausedMs: 0,
    endedAt: null,
    queue: ['q1', 'q2', 'q3'],
    seed: 'seed',
    areas: [],
    position: 0,
    positionEnteredMs: 0,
    note: null,
    ...overrides,
  };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WhetstoneError) return error.code;
    throw error;
  }
  return 'none';
}

describe('session clock', () => {
  it('counts down from the planned length', () => {
    const s = started();
    expect(remainingMs(s, at(0))).toBe(20 * MIN);
    expect(remainingMs(s, at(7.5))).toBe(12.5 * MIN);
    expect(isTimeUp(s, at(19.99))).toBe(false);
    expect(isTimeUp(s, at(20))).toBe(true);
    expect(remainingMs(s, at(45))).toBe(0);
  });

  it('does not count paused time, however long the pause', () => {
    const paused = pause(started(), at(5));
    expect(elapsedMs(paused, at(500))).toBe(5 * MIN); // a closed laptop lid for hours
    const resumed = resume(paused, at(65));
    expect(resumed.pausedMs).toBe(60 * MIN);
    expect(remainingMs(resumed, at(70))).toBe(10 * MIN);
  });

  it('adds time, and does not charge overtime that ran while nobody was there', () => {
    expect(remainingMs(addTime(started(), at(10), 5), at(10))).toBe(15 * MIN);
    const late = addTime(started(), at(30), 5); // ran out at 20, came back at 30
    expect(remainingMs(late, at(30))).toBe(5 * MIN);
    expect(remainingMs(late, at(33))).toBe(2 * MIN);
  });

  it('refuses to grow a session past the maximum length', () => {
    expect(codeOf(() => addTime(started(), at(1), 170))).toBe('validation');
  });
});

describe('session state machine', () => {
  it('allows exactly the documented actions in each state', () => {
    expect(allowedActions('running')).toContain('pause');
    expect(allowedActions('paused')).not.toContain('next');
    expect(allowedActions('rating')).toEqual(['capture', 'rate', 'complete']);
    expect(allowedActions('completed')).toEqual(['rate']);
  });

  it('refuses illegal moves with illegal_transition', () => {
    expect(codeOf(() => resume(started(), at(1)))).toBe('illegal_transition');
    expect(codeOf(() => move(pause(started(), at(1)), at(2), 1, 'next'))).toBe('illegal_transition');
    const rated = end(started(), at(3)).session;
    expect(codeOf(() => pause(rated, at(4)))).toBe('illegal_transition');
    expect(codeOf(() => end(rated, at(4)))).toBe('illegal_transition');
    expect(codeOf(() => complete(complete(rated, null), null))).toBe('illegal_transition');
  });

  it('records the time spent on each question, pauses excluded', () => {
    let s = started();
    const first = move(s, at(3), 1, 'next');
    expect(first.left).toEqual({ position: 0, spentMs: 3 * MIN });
    s = pause(first.session, at(4));
    s = resume(s, at(10)); // six minutes away
    const second = move(s, at(12), 1, 'skip');
    expect(second.left).toEqual({ position: 1, spentMs: 3 * MIN });
    const back = move(second.session, at(13), -1, 'back');
    expect(back.left).toEqual({ position: 2, spentMs: 1 * MIN });
    expect(back.session.position).toBe(1);
  });

  it('stops at the ends of the queue', () => {
    expect(codeOf(() => move(started(), at(1), -1, 'back'))).toBe('validation');
    expect(codeOf(() => move(started({ position: 2 }), at(1), 1, 'next'))).toBe('validation');
  });

  it('ends at the moment time ran out, not when someone came back', () => {
    const { session, left } = end(started(), at(50));
    expect(session.state).toBe('rating');
    expect(session.endedAt).toBe(at(20).toISOString());
    expect(left.spentMs).toBe(20 * MIN);
    expect(elapsedMs(session, at(99))).toBe(20 * MIN);
  });

  it('ending while paused ends at the pause', () => {
    const { session } = end(pause(started(), at(8)), at(30));
    expect(session.endedAt).toBe(at(8).toISOString());
    expect(elapsedMs(session, at(60))).toBe(8 * MIN);
  });

  it('completes with a note', () => {
    const done = complete(end(started(), at(5)).session, 'Good one');
    expect(done).toMatchObject({ state: 'completed', note: 'Good one' });
  });
});
