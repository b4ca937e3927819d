import { describe, expect, it } from 'vitest';
import { seededRandom } from '../decks/draw.js';
import { WhetstoneError } from '../errors.js';
import { bootstrapInterval, median } from './bootstrap.js';

const sample = [3, -1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(WhetstoneError);
  });
});

describe('bootstrapInterval', () => {
  it('is reproducible with the same seed', () => {
    const first = bootstrapInterval(sample, median, { random: seededRandom('pool-1') });
    const again = bootstrapInterval(sample, median, { random: seededRandom('pool-1') });
    expect(again).toEqual(first);
    const other = bootstrapInterval(sample, median, { random: seededRandom('pool-2'), resamples: 200 });
    expect(other.estimate).toBe(first.estimate);
  });

  it('brackets the sample median', () => {
    const result = bootstrapInterval(sample, median, { random: seededRandom('median') });
    expect(result.estimate).toBe(5);
    expect(result.lower).toBeLessThanOrEqual(5);
    expect(result.upper).toBeGreaterThanOrEqual(5);
    expect(result.lower).toBeGreaterThanOrEqual(-1);
    expect(result.upper).toBeLessThanOrEqual(9);
    expect(result.lower).toBeLessThan(result.upper);
  });

  it('narrows as confidence drops and collapses for a constant sample', () => {
    const wide = bootstrapInterval(sample, median, { random: seededRandom('s'), confidence: 0.99 });
    const narrow = bootstrapInterval(sample, median, { random: seededRandom('s'), confidence: 0.5 });
    expect(narrow.upper - narrow.lower).toBeLessThanOrEqual(wide.upper - wide.lower);
    expect(bootstrapInterval([2, 2, 2], median, { random: seededRandom('c') })).toEqual({
      estimate: 2,
      lower: 2,
      upper: 2,
    });
  });

  it('takes the percentiles of the resampled statistic', () => {
    // A source that always picks the first value makes every resample [3, 3, …]: the interval is 3–3.
    const result = bootstrapInterval(sample, median, { random: () => 0, resamples: 10 });
    expect(result).toEqual({ estimate: 5, lower: 3, upper: 3 });
  });

  it('rejects empty samples and bad options', () => {
    const random = seededRandom('x');
    expect(() => bootstrapInterval([], median, { random })).toThrow(WhetstoneError);
    expect(() => bootstrapInterval([1], median, { random, resamples: 0 })).toThrow(WhetstoneError);
    expect(() => bootstrapInterval([1], median, { random, confidence: 1.5 })).toThrow(WhetstoneError);
  });
});
