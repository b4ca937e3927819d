import { requireFinite } from './inputs.js';

/** Result of an exact two-sided sign test; `n` counts the non-zero differences only. */
export interface SignTestResult {
  n: number;
  positive: number;
  negative: number;
  ties: number;
  pValue: number;
}

/**
 * P(X ≤ k) for X ~ Binomial(n, 1/2). Up to n = 1000 the binomial coefficients fit in a double (and
 * are exact while below 2^53), then one exact scaling by 2^−n; beyond that, summed in log space.
 */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (n <= 1000) {
    let choose = 1;
    let sum = 1;
    for (let i = 1; i <= k; i++) {
      choose = (choose * (n - i + 1)) / i;
      sum += choose;
    }
    return Math.min(1, sum * 2 ** -n);
  }
  let logChoose = 0;
  let sum = 0;
  const logHalfPowN = -n * Math.LN2;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log((n - i + 1) / i);
    sum += Math.exp(logChoose + logHalfPowN);
  }
  return Math.min(1, sum);
}

/**
 * Exact two-sided sign test on paired differences: zero differences (ties) are dropped and the
 * rest compared with Binomial(n, 1/2); p = 2·P(X ≤ min(positive, negative)), capped at 1.
 * With no non-zero difference, p is 1.
 */
export function signTest(differences: readonly number[]): SignTestResult {
  requireFinite(differences, 'differences');
  const positive = differences.filter((d) => d > 0).length;
  const negative = differences.filter((d) => d < 0).length;
  const n = positive + negative;
  const ties = differences.length - n;
  const pValue = n === 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(positive, negative), n));
  return { n, positive, negative, ties, pValue };
}
