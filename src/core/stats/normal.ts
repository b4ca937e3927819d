import { errorFunction, probit } from 'simple-statistics';

/**
 * The standard normal distribution. The cumulative probability comes from simple-statistics'
 * `errorFunction` (fractional error below 1.2e-7). Its `probit` is a rough closed form (error
 * around 1e-3), so the quantile starts there and is refined with Newton steps on the accurate
 * cumulative probability.
 */

/** Density of the standard normal distribution at z. */
export function normalDensity(z: number): number {
  return Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  // Take the smaller tail from the complement directly so small p-values keep their digits.
  const tail = (1 - errorFunction(Math.abs(z) / Math.SQRT2)) / 2;
  return z < 0 ? tail : 1 - tail;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** The z with P(Z ≤ z) = p, for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile: p must be between 0 and 1');
  let z = probit(p);
  for (let step = 0; step < 8; step++) {
    const delta = (normalCdf(z) - p) / normalDensity(z);
    z -= delta;
    if (Math.abs(delta) < 1e-12) break;
  }
  return z;
}
