import { validationError } from '../errors.js';
import { requireConfidence } from './inputs.js';
import { normalQuantile } from './normal.js';
import type { ProportionInterval } from './views.js';

export type { ProportionInterval };

/**
 * Wilson score interval for a binomial proportion (Newcombe 1998, method 3; no continuity
 * correction). Impossible inputs — non-integers, negatives, more successes than trials — and
 * zero trials (there is no proportion to estimate) throw a WhetstoneError 'validation'; callers
 * with possibly empty pools check `trials > 0` first and say so in words.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(trials) || trials < 0) throw validationError('trials', 'must be a whole number ≥ 0');
  if (trials === 0) throw validationError('trials', 'must be at least 1 to estimate a proportion');
  if (!Number.isInteger(successes) || successes < 0)
    throw validationError('successes', 'must be a whole number ≥ 0');
  if (successes > trials) throw validationError('successes', 'cannot exceed trials');
  requireConfidence(confidence);

  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: p,
    // At 0 or n successes the bound is exactly 0 or 1; clamp away rounding dust.
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}
