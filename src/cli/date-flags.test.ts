import { describe, expect, it } from 'vitest';
import { errorOf } from '../core/errors.test-support.js';
import { futureDateFlag, pastDateFlag, pastInstantFlag } from './date-flags.js';

const TODAY = '2026-03-02';

describe('a past date on the command line', () => {
  it('reads relative days and weeks back from today, across a month end', () => {
    expect(pastDateFlag('--since', 'today', TODAY)).toBe('2026-03-02');
    expect(pastDateFlag('--since', 'Yesterday', TODAY)).toBe('2026-03-01');
    expect(pastDateFlag('--since', '3d', TODAY)).toBe('2026-02-27');
    expect(pastDateFlag('--since', '1w', TODAY)).toBe('2026-02-23');
    expect(pastDateFlag('--since', '2 weeks', TODAY)).toBe('2026-02-16');
  });

  it('passes calendar dates and instants through as given', () => {
    expect(pastDateFlag('--since', '2025-12-31', TODAY)).toBe('2025-12-31');
    expect(pastDateFlag('--since', '2026-03-01T08:00:00Z', TODAY)).toBe('2026-03-01T08:00:00Z');
  });

  it('names the flag and the accepted forms for anything else', () => {
    const error = errorOf(() => pastDateFlag('--since', 'soon', TODAY));
    expect(error?.issues).toEqual([{ field: '--since', message: expect.stringContaining('3d or 1w') }]);
    expect(errorOf(() => pastDateFlag('--since', '5x', TODAY))?.code).toBe('validation');
  });
});

describe('a future date on the command line', () => {
  it('reads today, tomorrow, days and weeks ahead, and calendar dates', () => {
    expect(futureDateFlag('--review', 'tomorrow', TODAY)).toBe('2026-03-03');
    expect(futureDateFlag('--review', '2w', TODAY)).toBe('2026-03-16');
    expect(futureDateFlag('--review', 'in 3 days', TODAY)).toBe('2026-03-05');
    expect(futureDateFlag('--review', '2026-04-01', TODAY)).toBe('2026-04-01');
  });

  it('names the flag for anything else', () => {
    expect(errorOf(() => futureDateFlag('--review', 'someday', TODAY))?.message).toMatch(
      /^--review: "someday" is not a date: .*tomorrow.*2w/,
    );
  });
});

describe('a past instant on the command line (--at)', () => {
  const NOW = new Date('2026-03-02T14:30:00Z');
  it('reads minutes or hours ago, and days at the current time of day in the zone', () => {
    expect(pastInstantFlag('--at', '30m', NOW, 'UTC')).toBe('2026-03-02T14:00:00.000Z');
    expect(pastInstantFlag('--at', '2h', NOW, 'UTC')).toBe('2026-03-02T12:30:00.000Z');
    // 15:30 in Berlin, a day earlier.
    expect(pastInstantFlag('--at', 'yesterday', NOW, 'Europe/Berlin')).toBe('2026-03-01T14:30:00.000Z');
    expect(pastInstantFlag('--at', '1w', NOW, 'UTC')).toBe('2026-02-23T14:30:00.000Z');
    expect(pastInstantFlag('--at', '2026-03-01T08:00:00Z', NOW, 'UTC')).toBe('2026-03-01T08:00:00Z');
  });

  it('names the flag for anything else', () => {
    expect(errorOf(() => pastInstantFlag('--at', 'earlier', NOW, 'UTC'))?.message).toMatch(
      /^--at: "earlier" is not a time/,
    );
  });
});
