import { validationError } from '../errors.js';

/**
 * How small a sample can be before a test cannot reach significance at all. With few pairs even
 * the most lopsided outcome has a two-sided p above 0.05, so a report says that in words instead
 * of printing a meaningless p-value.
 */

/** The tests whose smallest useful sample is known here. */
export type SmallSampleTest = 'sign' | 'wilcoxon' | 'mann-whitney';

/** Sample size(s) of a test: non-zero pairs for 'sign' and 'wilcoxon', [|a|, |b|] for 'mann-whitney'. */
export type SampleSizes = number | readonly [number, number];

/** Default two-sided significance level. */
export const ALPHA = 0.05;

/** Sign test: the most lopsided n pairs give p = 2/2^n, below 0.05 from n = 6 (2/64 = 0.031). */
export const SIGN_TEST_MIN_N = 6;
/** Wilcoxon signed-rank (exact): smallest p is also 2/2^n (all differences one way), so n = 6. */
export const WILCOXON_MIN_N = 6;

const TEST_NAMES: Record<SmallSampleTest, string> = {
  sign: 'the sign test',
  wilcoxon: 'the Wilcoxon signed-rank test',
  'mann-whitney': 'the Mann-Whitney U test',
};

/** log C(n, k), exact enough to compare with a significance level. */
function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
  return sum;
}

/** The smallest two-sided p-value the exact test can produce for these sample sizes. */
export function smallestPossiblePValue(test: SmallSampleTest, sizes: SampleSizes): number {
  if (test === 'mann-whitney') {
    if (typeof sizes === 'number') throw validationError('sizes', 'Mann-Whitney needs two group sizes');
    const [m, n] = sizes;
    if (m === 0 || n === 0) return 1;
    return Math.min(1, 2 * Math.exp(-logChoose(m + n, Math.min(m, n))));
  }
  if (typeof sizes !== 'number') throw validationError('sizes', `${TEST_NAMES[test]} needs one count`);
  return Math.min(1, 2 * 2 ** -sizes);
}

/** Whether the test could reach p < alpha (two-sided) at all with these sample sizes. */
export function canReachSignificance(test: SmallSampleTest, sizes: SampleSizes, alpha = ALPHA): boolean {
  return smallestPossiblePValue(test, sizes) < alpha;
}

/** The smallest n at which a paired test ('sign' or 'wilcoxon') can reach p < alpha two-sided. */
export function minimumPairs(test: 'sign' | 'wilcoxon', alpha = ALPHA): number {
  let n = 1;
  while (!canReachSignificance(test, n, alpha)) n++;
  return n;
}

/** A sentence explaining why no p-value is shown, or undefined when the sample is large enough. */
export function sampleSizeCaveat(
  test: SmallSampleTest,
  sizes: SampleSizes,
  alpha = ALPHA,
): string | undefined {
  if (canReachSignificance(test, sizes, alpha)) return undefined;
  const level = `p < ${alpha}`;
  if (typeof sizes === 'number') {
    const needed = test === 'mann-whitney' ? 0 : minimumPairs(test, alpha);
    const pairs = sizes === 1 ? '1 pair' : `${sizes} pairs`;
    return `Only ${pairs} with a difference: ${TEST_NAMES[test]} needs at least ${needed} before any result could reach ${level}, so no p-value is shown.`;
  }
  const [m, n] = sizes;
  return `Groups of ${m} and ${n} are too small: ${TEST_NAMES[test]} cannot reach ${level} with them, so no p-value is shown.`;
}

/** Either the p-value, or a caveat in words when the sample is too small for the test to mean anything. */
export function pValueOrCaveat(
  test: SmallSampleTest,
  sizes: SampleSizes,
  pValue: number,
  alpha = ALPHA,
): { pValue: number } | { caveat: string } {
  const caveat = sampleSizeCaveat(test, sizes, alpha);
  return caveat === undefined ? { pValue } : { caveat };
}
