import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from './mann-whitney.js';
import {
  canReachSignificance,
  minimumPairs,
  pValueOrCaveat,
  SIGN_TEST_MIN_N,
  sampleSizeCaveat,
  smallestPossiblePValue,
  WILCOXON_MIN_N,
} from './minimums.js';
import { signTest } from './sign-test.js';
import { wilcoxonSignedRank } from './wilcoxon.js';

const allPositive = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('minimum sample sizes', () => {
  it('sign and Wilcoxon tests need 6 pairs: the most lopsided 5 give p = 0.0625, 6 give 0.03125', () => {
    expect(SIGN_TEST_MIN_N).toBe(6);
    expect(WILCOXON_MIN_N).toBe(6);
    expect(minimumPairs('sign')).toBe(SIGN_TEST_MIN_N);
    expect(minimumPairs('wilcoxon')).toBe(WILCOXON_MIN_N);
    for (const n of [5, 6]) {
      expect(signTest(allPositive(n)).pValue).toBeCloseTo(smallestPossiblePValue('sign', n), 12);
      expect(wilcoxonSignedRank(allPositive(n)).pValue).toBeCloseTo(
        smallestPossiblePValue('wilcoxon', n),
        12,
      );
    }
    expect(signTest(allPositive(5)).pValue).toBe(0.0625);
    expect(signTest(allPositive(6)).pValue).toBe(0.03125);
  });

  it('Mann-Whitney depends on both group sizes: 2/C(m+n, m) must be below 0.05', () => {
    expect(canReachSignificance('mann-whitney', [3, 4])).toBe(false); // 2/35
    expect(canReachSignificance('mann-whitney', [4, 4])).toBe(true); // 2/70
    expect(canReachSignificance('mann-whitney', [3, 5])).toBe(true); // 2/56
    expect(canReachSignificance('mann-whitney', [2, 7])).toBe(false); // 2/36
    expect(canReachSignificance('mann-whitney', [2, 8])).toBe(true); // 2/45
    const separated = mannWhitneyU([10, 11, 12], [1, 2, 3, 4]);
    expect(separated.pValue).toBeCloseTo(smallestPossiblePValue('mann-whitney', [3, 4]), 12);
  });

  it('returns a caveat in words instead of a p-value when the sample is too small', () => {
    expect(sampleSizeCaveat('sign', 6)).toBeUndefined();
    expect(sampleSizeCaveat('sign', 4)).toBe(
      'Only 4 pairs with a difference: the sign test needs at least 6 before any result could reach p < 0.05, so no p-value is shown.',
    );
    expect(sampleSizeCaveat('wilcoxon', 1)).toMatch(/^Only 1 pair with a difference: the Wilcoxon/);
    expect(sampleSizeCaveat('mann-whitney', [3, 4])).toMatch(/Groups of 3 and 4 are too small/);
    const small = wilcoxonSignedRank([1, 2, 3]);
    expect(pValueOrCaveat('wilcoxon', small.n, small.pValue)).toEqual({
      caveat: sampleSizeCaveat('wilcoxon', 3),
    });
    expect(pValueOrCaveat('sign', 10, 0.021)).toEqual({ pValue: 0.021 });
  });
});
