import { requireFinite } from './inputs.js';
import { twoSidedNormalP } from './normal.js';
import { averageRanks, tieSum } from './ranks.js';

/** Up to this many non-zero differences without tied magnitudes, the p-value is exact. */
export const WILCOXON_EXACT_MAX_N = 25;

/** Result of a two-sided Wilcoxon signed-rank test; `statistic` is W+ (R's `V`). */
export interface WilcoxonResult {
  /** Non-zero differences (zeros are dropped). */
  n: number;
  wPlus: number;
  wMinus: number;
  statistic: number;
  method: 'exact' | 'normal';
  /** The standardised statistic, with continuity correction; only for the normal approximation. */
  z?: number;
  pValue: number;
}

/** Number of subsets of {1..n} with each rank sum s (index s), i.e. the null distribution of W+ times 2^n. */
export function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let s = (rank * (rank + 1)) / 2; s >= rank; s--) counts[s]! += counts[s - rank]!;
  }
  return counts;
}

/**
 * Wilcoxon signed-rank test on paired differences, two-sided. Zeros are dropped (as R's
 * `wilcox.test` does); tied magnitudes get their average rank. With at most 25 non-zero differences
 * and no ties the p-value is exact, from the distribution of W+ enumerated by dynamic programming;
 * otherwise it uses the normal approximation with the tie correction of the variance and a
 * continuity correction of 1/2 — the same rules as R, except that R also falls back to the normal
 * approximation when zeros were dropped. With no non-zero difference, p is 1.
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonResult {
  requireFinite(differences, 'differences');
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  const { ranks, tieGroups } = averageRanks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((sum, rank, i) => (nonZero[i]! > 0 ? sum + rank : sum), 0);
  const total = (n * (n + 1)) / 2;
  const wMinus = total - wPlus;
  const base = { n, wPlus, wMinus, statistic: wPlus };
  if (n === 0) return { ...base, method: 'exact', pValue: 1 };

  if (n <= WILCOXON_EXACT_MAX_N && tieGroups.length === 0) {
    const counts = signedRankCounts(n);
    const all = 2 ** n;
    // The distribution is symmetric about total/2: take the tail on the statistic's side.
    const tail = Math.min(wPlus, wMinus);
    let tailCount = 0;
    for (let s = 0; s <= tail; s++) tailCount += counts[s]!;
    return { ...base, method: 'exact', pValue: Math.min(1, (2 * tailCount) / all) };
  }

  const mean = total / 2;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum(tieGroups) / 48;
  const diff = wPlus - mean;
  const z = (diff - Math.sign(diff) * 0.5) / Math.sqrt(variance);
  return { ...base, method: 'normal', z, pValue: twoSidedNormalP(z) };
}
