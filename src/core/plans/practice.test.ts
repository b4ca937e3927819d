import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { newPracticeLog, PracticeLog } from './practice.js';

const NOW = '2026-11-23T10:00:00.000Z';

function issue(input: unknown) {
  try {
    newPracticeLog(input, { id: 'log1', now: NOW });
  } catch (error) {
    if (error instanceof WhetstoneError) return error.issues[0]!;
    throw error;
  }
  throw new Error('expected a WhetstoneError');
}

describe('newPracticeLog', () => {
  it('logs a block dated now, with the plan, difficulty and note', () => {
    const log = newPracticeLog(
      { minutes: 30, planId: 'plan0001', difficulty: 4, note: '  Summary took 50 minutes  ' },
      { id: 'log1', now: NOW },
    );
    expect(log).toEqual({
      id: 'log1',
      planId: 'plan0001',
      exerciseId: null,
      minutes: 30,
      difficulty: 4,
      note: 'Summary took 50 minutes',
      at: NOW,
      createdAt: NOW,
    });
    expect(PracticeLog.safeParse(log).success).toBe(true);
  });

  it('accepts a one-click log without plan or difficulty, and a past time given with an offset', () => {
    const log = newPracticeLog(
      { minutes: 25, at: '2026-11-22T23:30:00+01:00', note: '' },
      { id: 'l', now: NOW },
    );
    expect(log).toMatchObject({ planId: null, difficulty: null, note: null, at: '2026-11-22T22:30:00.000Z' });
  });

  it('refuses 2,000 minutes in one block, naming minutes', () => {
    const found = issue({ minutes: 2000 });
    expect(found.field).toBe('minutes');
    expect(found.message).toBe(
      'must be at most 480 minutes (8 hours) in one block; log a longer stretch as several blocks',
    );
  });

  it.each([
    [{ minutes: -5 }, 'minutes', 'must be at least 1 minute'],
    [{ minutes: 0 }, 'minutes', 'must be at least 1 minute'],
    [{ minutes: 12.5 }, 'minutes', 'must be a whole number of minutes'],
    [{ minutes: '30' }, 'minutes', 'must be a number'],
    [{}, 'minutes', 'is required'],
    [{ minutes: 30, difficulty: 6 }, 'difficulty', 'must be a whole number from 1 (easy) to 5'],
    [{ minutes: 30, note: 'x'.repeat(1001) }, 'note', 'must be at most 1000 characters'],
    [{ minutes: 30, at: 'yesterday' }, 'at', 'must be an ISO 8601 date-time'],
    [{ minutes: 30, at: '2026-11-23T10:06:00Z' }, 'at', 'must not be in the future'],
    [{ minutes: 30, planId: 'Plan 1' }, 'planId', 'must be a plan id'],
  ])('refuses %j', (input, field, message) => {
    const found = issue(input);
    expect(found.field).toBe(field);
    expect(found.message).toContain(message);
  });

  it('allows a few minutes of clock difference', () => {
    expect(newPracticeLog({ minutes: 30, at: '2026-11-23T10:04:00Z' }, { id: 'l', now: NOW }).at).toBe(
      '2026-11-23T10:04:00.000Z',
    );
  });
});
