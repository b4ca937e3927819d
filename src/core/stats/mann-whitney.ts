import { validationError } from '../errors.js';
import { requireFinite } from './inputs.js';
import { twoSidedNormalP } from './normal.js';
import { averageRanks, tieSum } from './ranks.js';

/** Both groups smaller than this and no ties: the p-value is exact (R's rule). */
export const MANN_WHITNEY_EXACT_BELOW = 50;

/** Result of a two-sided Mann-Whitney U test. `uA` is R's `W` for `wilcox.test(a, b)`. */
export interface MannWhitneyResult {
  /** min(uA, uB), the statistic tables list. */
  u: number;
  /** Pairs (x from a, y from b) with x > y, ties counting 1/2. */
  uA: number;
  /** Pairs with y > x; uA + uB = |a|·|b|. */
  uB: number;
  method: 'exact' | 'normal';
  /** The standardised uA, with continuity correction; only for the normal approximation. */
  z?: number;
  pValue: number;
}

/**
 * Null distribution of U for group sizes m and n, as counts: index u holds the number of orderings
 * (out of C(m+n, m)) where the m-group beats the n-group in exactly u pairs. Only additions, so the
 * tails keep full relative precision.
 */
export function mannWhitneyCounts(m: number, n: number): number[] {
  // previous[j] holds the counts for sizes (i-1, j); current[j] for (i, j).
  let previous: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const current: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const counts = new Array<number>(i * j + 1).fill(0);
      // The largest value overall is from the m-group (it beats all j others) or from the n-group.
      previous[j]!.forEach((count, u) => {
        counts[u + j]! += count;
      });
      current[j - 1]!.forEach((count, u) => {
        counts[u]! += count;
      });
      current.push(counts);
    }
    previous = current;
  }
  return previous[n]!;
}

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples. Exact when both
 * samples have fewer than 50 values and there are no ties; otherwise the normal approximation
 * with the tie correction of the variance and a continuity correction of 1/2 (as R does).
 * Each sample needs at least one value.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  if (a.length === 0) throw validationError('a', 'needs at least one value');
  if (b.length === 0) throw validationError('b', 'needs at least one value');
  const m = a.length;
  const n = b.length;
  const { ranks, tieGroups } = averageRanks([...a, ...b]);
  const rankSumA = ranks.slice(0, m).reduce((sum, rank) => sum + rank, 0);
  const uA = rankSumA - (m * (m + 1)) / 2;
  const uB = m * n - uA;
  const base = { u: Math.min(uA, uB), uA, uB };

  if (m < MANN_WHITNEY_EXACT_BELOW && n < MANN_WHITNEY_EXACT_BELOW && tieGroups.length === 0) {
    const counts = mannWhitneyCounts(m, n);
    const all = counts.reduce((sum, count) => sum + count, 0);
    // Symmetric about mn/2: take the tail on the statistic's side.
    const tail = Math.min(uA, uB);
    let tailCount = 0;
    for (let u = 0; u <= tail; u++) tailCount += counts[u]!;
    return { ...base, method: 'exact', pValue: Math.min(1, (2 * tailCount) / all) };
  }

  const total = m + n;
  const variance = ((m * n) / 12) * (total + 1 - tieSum(tieGroups) / (total * (total - 1)));
  const diff = uA - (m * n) / 2;
  if (variance === 0) return { ...base, method: 'normal', z: 0, pValue: 1 };
  const z = (diff - Math.sign(diff) * 0.5) / Math.sqrt(variance);
  return { ...base, method: 'normal', z, pValue: twoSidedNormalP(z) };
}
