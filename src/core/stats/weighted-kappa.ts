/**
 * Cohen's kappa for two raters who put the same items into ordered categories 1..k, unweighted or
 * with linear or quadratic disagreement weights (Cohen 1968).
 *
 * With observed proportions O[i][j] (rater A said i, rater B said j), the marginals a[i] and b[j],
 * and a disagreement weight w[i][j] (0 on the diagonal):
 *
 *   κ_w = 1 − Σ w[i][j]·O[i][j] / Σ w[i][j]·a[i]·b[j]
 *
 * unweighted: w = 0 if i = j, else 1; linear: |i − j| / (k − 1); quadratic: ((i − j) / (k − 1))².
 * Unweighted, this is the familiar (p_o − p_e) / (1 − p_e). Quadratic weights give nearly the
 * intraclass correlation of the two raters (Fleiss & Cohen 1973).
 */

export type KappaWeights = 'unweighted' | 'linear' | 'quadratic';

export type KappaResult =
  | { kappa: number; n: number }
  | {
      kappa: null;
      n: number;
      /** too-few-pairs: under 2 items rated by both; no-expected-disagreement: chance alone explains the agreement (e.g. both raters gave one value throughout). */
      reason: 'too-few-pairs' | 'no-expected-disagreement';
    };

/** Pairs of ratings (rater A's, rater B's) of the same items, each a whole number from 1 to `categories`. */
export function weightedKappa(
  pairs: readonly (readonly [number, number])[],
  categories: number,
  weights: KappaWeights = 'quadratic',
): KappaResult {
  if (!Number.isInteger(categories) || categories < 2)
    throw new RangeError('categories must be a whole number ≥ 2');
  for (const [a, b] of pairs)
    if (![a, b].every((v) => Number.isInteger(v) && v >= 1 && v <= categories))
      throw new RangeError(`ratings must be whole numbers from 1 to ${categories}`);
  const n = pairs.length;
  if (n < 2) return { kappa: null, n, reason: 'too-few-pairs' };

  const weight = (i: number, j: number): number => {
    const d = Math.abs(i - j) / (categories - 1);
    return weights === 'unweighted' ? (i === j ? 0 : 1) : weights === 'linear' ? d : d * d;
  };
  const rowShare = new Array<number>(categories + 1).fill(0);
  const colShare = new Array<number>(categories + 1).fill(0);
  let observed = 0;
  for (const [a, b] of pairs) {
    rowShare[a]! += 1 / n;
    colShare[b]! += 1 / n;
    observed += weight(a, b) / n;
  }
  let expected = 0;
  for (let i = 1; i <= categories; i++)
    for (let j = 1; j <= categories; j++) expected += weight(i, j) * rowShare[i]! * colShare[j]!;
  // Rounding can leave a hair above zero when the true value is zero.
  if (expected < 1e-12) return { kappa: null, n, reason: 'no-expected-disagreement' };
  return { kappa: 1 - observed / expected, n };
}
