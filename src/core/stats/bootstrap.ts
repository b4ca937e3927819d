import { quantileSorted, median as sampleMedian } from 'simple-statistics';
import { validationError } from '../errors.js';
import { requireConfidence, requireFinite } from './inputs.js';
import type { BootstrapInterval } from './views.js';

/** A statistic of a sample with its bootstrap confidence interval. */
export type { BootstrapInterval };

export interface BootstrapOptions {
  /** How many resamples to draw; default 10 000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
  /** A seeded source of numbers in [0, 1), e.g. `seededRandom(seed)` from core/decks/draw.ts. */
  random: () => number;
}

/** The median of a non-empty sample (the mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw validationError('values', 'needs at least one value');
  requireFinite(values, 'values');
  return sampleMedian([...values]);
}

/**
 * Percentile bootstrap interval of `statistic`: resample the values with replacement, compute the
 * statistic on each resample, and take the (1−c)/2 and (1+c)/2 quantiles (R type 7) of those
 * results. The same `random` sequence gives the same interval.
 */
export function bootstrapInterval(
  values: readonly number[],
  statistic: (xs: readonly number[]) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  const { resamples = 10_000, confidence = 0.95, random } = options;
  if (values.length === 0) throw validationError('values', 'needs at least one value');
  requireFinite(values, 'values');
  requireConfidence(confidence);
  if (!Number.isInteger(resamples) || resamples < 1)
    throw validationError('resamples', 'must be a whole number ≥ 1');

  const n = values.length;
  const results = new Float64Array(resamples);
  const resample = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) resample[i] = values[Math.floor(random() * n)]!;
    results[r] = statistic(resample);
  }
  const sorted = Array.from(results.sort());
  const alpha = 1 - confidence;
  return {
    estimate: statistic(values),
    lower: quantileSorted(sorted, alpha / 2),
    upper: quantileSorted(sorted, 1 - alpha / 2),
  };
}
