import { describe, expect, it } from 'vitest';
import { errorOf } from '../core/errors.test-support.js';
import { pastDateFlag } from './date-flags.js';

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
