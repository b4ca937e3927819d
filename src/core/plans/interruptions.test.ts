import { describe, expect, it } from 'vitest';
import { heatMap, newInterruption } from './interruptions.js';

const NOW = '2026-11-23T10:00:00.000Z';

describe('newInterruption', () => {
  it('logs one keystroke as an interruption now, without reason or duration', () => {
    expect(newInterruption(undefined, { id: 'i1', now: NOW })).toEqual({
      id: 'i1',
      at: NOW,
      reason: null,
      durationMinutes: null,
      createdAt: NOW,
    });
    expect(newInterruption({ reason: ' Slack ', durationMinutes: 15 }, { id: 'i2', now: NOW })).toMatchObject(
      {
        reason: 'Slack',
        durationMinutes: 15,
      },
    );
  });

  it('refuses bad durations, long reasons and future times, naming the field', () => {
    expect(() => newInterruption({ durationMinutes: 0 }, { id: 'i', now: NOW })).toThrow(
      'durationMinutes: must be a whole number of minutes from 1 to 480',
    );
    expect(() => newInterruption({ durationMinutes: 2000 }, { id: 'i', now: NOW })).toThrow(
      /^durationMinutes:/,
    );
    expect(() => newInterruption({ reason: 'x'.repeat(201) }, { id: 'i', now: NOW })).toThrow(
      'reason: must be at most 200 characters',
    );
    expect(() => newInterruption({ at: '2026-11-24T10:00:00Z' }, { id: 'i', now: NOW })).toThrow(
      'at: must not be in the future',
    );
  });
});

describe('heatMap', () => {
  it('counts by local weekday and hour, DST-correct in Berlin', () => {
    const map = heatMap(
      [
        // Wed 2026-01-14 09:15 CET (UTC+1) and Wed 2026-07-15 09:15 CEST (UTC+2): both hour 9 on Wednesday.
        { at: '2026-01-14T08:15:00Z' },
        { at: '2026-07-15T07:15:00Z' },
        // Sunday 2026-10-25: 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) both fall in local hour 2.
        { at: '2026-10-25T00:30:00Z' },
        { at: '2026-10-25T01:30:00Z' },
        // 23:30 Berlin on Monday 2026-03-30 is 21:30Z (CEST); it counts on Monday, hour 23.
        { at: '2026-03-30T21:30:00Z' },
        // 00:30 Berlin on Tuesday 2026-03-31 is 22:30Z on Monday in UTC; it counts on Tuesday, hour 0.
        { at: '2026-03-30T22:30:00Z' },
      ],
      'Europe/Berlin',
    );
    expect(map.counts).toHaveLength(7);
    expect(map.counts.every((row) => row.length === 24)).toBe(true);
    expect(map.counts[2]![9]).toBe(2); // Wednesday 09:00-10:00
    expect(map.counts[6]![2]).toBe(2); // Sunday 02:00-03:00
    expect(map.counts[0]![23]).toBe(1); // Monday 23:00
    expect(map.counts[1]![0]).toBe(1); // Tuesday 00:00
    expect(map.total).toBe(6);
    expect(map.max).toBe(2);
    // Every interruption lands in exactly one cell.
    expect(map.counts.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('puts the same instants elsewhere in New York', () => {
    // 2026-03-30T21:30Z is 17:30 EDT (UTC-4) on Monday.
    const map = heatMap([{ at: '2026-03-30T21:30:00Z' }], 'America/New_York');
    expect(map.counts[0]![17]).toBe(1);
  });

  it('is all zeros when empty', () => {
    const map = heatMap([], 'UTC');
    expect(map).toMatchObject({ total: 0, max: 0 });
    expect(map.counts.flat().every((n) => n === 0)).toBe(true);
  });
});
