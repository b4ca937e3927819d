import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { mannWhitneyCounts, mannWhitneyU } from './mann-whitney.js';

/** P(U_a ≥ u) by enumerating every way to choose which of the m+n ranks belong to a. */
function bruteForceUpper(u: number, m: number, n: number): number {
  let hits = 0;
  let all = 0;
  const visit = (start: number, chosen: number[]) => {
    if (chosen.length === m) {
      all++;
      const rankSum = chosen.reduce((sum, rank) => sum + rank, 0);
      if (rankSum - (m * (m + 1)) / 2 >= u) hits++;
      return;
    }
    for (let rank = start; rank <= m + n; rank++) visit(rank + 1, [...chosen, rank]);
  };
  visit(1, []);
  return hits / all;
}

describe('mannWhitneyU', () => {
  it("matches R's documented example (Hollander & Wolfe 1973, p. 69): W = 35, one-sided p = 0.1272", () => {
    // R: example(wilcox.test) — permeability constants, wilcox.test(x, y, alternative = "greater")
    // gives W = 35, p-value = 0.1272; the two-sided p is twice that, 0.2544.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitneyU(x, y);
    expect(result).toMatchObject({ uA: 35, uB: 15, u: 15, method: 'exact' });
    expect(result.pValue / 2).toBeCloseTo(0.1272, 4);
    expect(result.pValue).toBeCloseTo(0.2544, 4);
    expect(result.pValue).toBeCloseTo(2 * bruteForceUpper(35, 10, 5), 12);
  });

  it('builds the null distribution of U', () => {
    // m = n = 2: orderings of AABB → U = 0,1,2,2,3,4 → counts 1,1,2,1,1 (out of C(4,2) = 6).
    expect(mannWhitneyCounts(2, 2)).toEqual([1, 1, 2, 1, 1]);
    expect(mannWhitneyCounts(6, 7).reduce((a, b) => a + b, 0)).toBe(1716); // C(13, 6)
    const far = mannWhitneyU([10, 11, 12, 13], [1, 2, 3, 4]);
    expect(far).toMatchObject({ uA: 16, uB: 0, u: 0, method: 'exact' });
    expect(far.pValue).toBeCloseTo(2 / 70, 12);
  });

  it('uses the tie-corrected normal approximation with ties, matching a hand computation', () => {
    // By hand: pooled 1,2,2,3,3,4,5,5,6,7,8 → a's ranks 1, 2.5, 2.5, 4.5, 6 sum to 16.5,
    // so U_a = 16.5 − 15 = 1.5, U_b = 30 − 1.5 = 28.5. Ties: three pairs, Σ(t³−t) = 18.
    // Var = (30/12)·(12 − 18/(11·10)) = 29.590909; z = (1.5 − 15 + 0.5)/√29.590909 = −2.38981.
    // p = 2Φ(−2.3898) ≈ 0.01685 (normal table: Φ(2.38) = 0.99134, Φ(2.39) = 0.99158).
    const result = mannWhitneyU([1, 2, 2, 3, 4], [3, 5, 5, 6, 7, 8]);
    expect(result).toMatchObject({ uA: 1.5, uB: 28.5, u: 1.5, method: 'normal' });
    expect(result.z).toBeCloseTo(-13 / Math.sqrt(2.5 * (12 - 18 / 110)), 10);
    expect(result.z).toBeCloseTo(-2.38981, 5);
    expect(result.pValue).toBeCloseTo(0.01685, 4);
  });

  it('uses the normal approximation for large samples and handles all-equal values', () => {
    const a = Array.from({ length: 60 }, (_, i) => i * 2);
    const b = Array.from({ length: 60 }, (_, i) => i * 2 + 1);
    const result = mannWhitneyU(a, b);
    expect(result.method).toBe('normal');
    // U_a = Σ_i (number of b below a_i) = 0+1+…+59 = 1770; mean 1800; Var = 3600·121/12 = 36300.
    expect(result.uA).toBe(1770);
    expect(result.z).toBeCloseTo(-29.5 / Math.sqrt(36300), 10);
    expect(mannWhitneyU([1, 1], [1, 1, 1]).pValue).toBe(1);
  });

  it('rejects empty samples', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(WhetstoneError);
    expect(() => mannWhitneyU([1], [])).toThrow(WhetstoneError);
  });
});
