import { describe, expect, it } from 'vitest';
import { signedRankCounts, wilcoxonSignedRank } from './wilcoxon.js';

/** Two-sided exact p by enumerating all 2^n sign patterns of ranks 1..n — independent of the DP. */
function bruteForceP(wPlus: number, n: number): number {
  const mean = (n * (n + 1)) / 4;
  let extreme = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let sum = 0;
    for (let rank = 1; rank <= n; rank++) if (mask & (1 << (rank - 1))) sum += rank;
    if (Math.abs(sum - mean) >= Math.abs(wPlus - mean)) extreme++;
  }
  return extreme / 2 ** n;
}

describe('wilcoxonSignedRank', () => {
  it("matches R's documented example (Hollander & Wolfe 1973, p. 29): V = 40, p = 0.03906", () => {
    // R: example(wilcox.test) — depression scale before (x) and after (y) therapy,
    // wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.03906.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = wilcoxonSignedRank(x.map((value, i) => value - y[i]!));
    expect(result).toMatchObject({ n: 9, wPlus: 40, wMinus: 5, statistic: 40, method: 'exact' });
    expect(result.pValue).toBeCloseTo(0.03906, 5);
    expect(result.pValue).toBeCloseTo(bruteForceP(40, 9), 12);
  });

  it('enumerates the null distribution correctly', () => {
    // n = 3: subsets of {1,2,3} by sum 0..6 → 1,1,1,2,1,1,1.
    expect(signedRankCounts(3)).toEqual([1, 1, 1, 2, 1, 1, 1]);
    const counts = signedRankCounts(12);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2 ** 12);
    for (const [w, n] of [
      [10, 12],
      [60, 12],
      [39, 12],
    ] as const) {
      // Build differences with the requested W+ greedily from the largest rank down.
      let remaining = w;
      const differences = Array.from({ length: n }, (_, i) => n - i).map((rank) => {
        if (rank <= remaining) {
          remaining -= rank;
          return rank;
        }
        return -rank;
      });
      const result = wilcoxonSignedRank(differences);
      expect(result.wPlus).toBe(w);
      expect(result.pValue).toBeCloseTo(bruteForceP(w, n), 12);
    }
  });

  it('drops zeros and stays exact without ties', () => {
    const result = wilcoxonSignedRank([0, 0, 1, 2, 3, 4, 5, 6]);
    expect(result).toMatchObject({ n: 6, wPlus: 21, wMinus: 0, method: 'exact' });
    expect(result.pValue).toBeCloseTo(2 / 64, 12);
    expect(wilcoxonSignedRank([0, 0]).pValue).toBe(1);
  });

  it('uses average ranks and the tie-corrected normal approximation when magnitudes tie', () => {
    // By hand: zero dropped, n = 9; |d| = 1,1,2,2,3,3,3,4,5 get ranks 1.5,1.5,3.5,3.5,6,6,6,8,9.
    // Only −1 is negative, so W− = 1.5 and W+ = 45 − 1.5 = 43.5.
    // Var = 9·10·19/24 − Σ(t³−t)/48 = 71.25 − (6 + 6 + 24)/48 = 70.5.
    // z = (43.5 − 22.5 − 0.5)/√70.5 = 20.5/8.39643 = 2.44151; p = 2(1 − Φ(2.4415)) ≈ 0.01463
    // (normal table: Φ(2.44) = 0.99266, Φ(2.45) = 0.99286).
    const result = wilcoxonSignedRank([1, -1, 2, 2, 3, 3, 3, 4, 0, 5]);
    expect(result).toMatchObject({ n: 9, wPlus: 43.5, wMinus: 1.5, method: 'normal' });
    expect(result.z).toBeCloseTo(20.5 / Math.sqrt(70.5), 10);
    expect(result.z).toBeCloseTo(2.44151, 5);
    expect(result.pValue).toBeCloseTo(0.01463, 4);
  });

  it('switches to the normal approximation above 25 pairs, matching a hand computation', () => {
    // n = 30, differences ±1..±30 with ranks 20..30 negative: W− = 20+…+30 = 275, W+ = 465 − 275 = 190.
    // Mean 232.5, Var = 30·31·61/24 = 2363.75, z = (190 − 232.5 + 0.5)/√2363.75 = −42/48.6184 = −0.86386.
    // p = 2Φ(−0.86386) ≈ 0.3877 (normal table: Φ(0.86) = 0.8051, Φ(0.87) = 0.8078).
    const differences = Array.from({ length: 30 }, (_, i) => (i + 1 >= 20 ? -(i + 1) : i + 1));
    const result = wilcoxonSignedRank(differences);
    expect(result).toMatchObject({ n: 30, wPlus: 190, wMinus: 275, method: 'normal' });
    expect(result.z).toBeCloseTo(-42 / Math.sqrt(2363.75), 10);
    expect(result.pValue).toBeCloseTo(0.3877, 3);
    // At n = 25 without ties it is still exact.
    expect(wilcoxonSignedRank(differences.slice(0, 25)).method).toBe('exact');
  });
});
