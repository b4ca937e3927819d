/** Statistics for self-experiments and pool reports: pure functions, no I/O. */
export { type BootstrapInterval, type BootstrapOptions, bootstrapInterval, median } from './bootstrap.js';
export { type CohensKappa, cohensKappa } from './cohens-kappa.js';
export { type AgreementBand, agreementBand } from './kappa-reading.js';
export { MANN_WHITNEY_EXACT_BELOW, type MannWhitneyResult, mannWhitneyU } from './mann-whitney.js';
export {
  ALPHA,
  canReachSignificance,
  minimumPairs,
  pValueOrCaveat,
  type SampleSizes,
  SIGN_TEST_MIN_N,
  type SmallSampleTest,
  sampleSizeCaveat,
  smallestPossiblePValue,
  WILCOXON_MIN_N,
} from './minimums.js';
export { normalCdf, normalQuantile, twoSidedNormalP } from './normal.js';
export { type SignTestResult, signTest } from './sign-test.js';
export { type KappaResult, type KappaWeights, weightedKappa } from './weighted-kappa.js';
export { WILCOXON_EXACT_MAX_N, type WilcoxonResult, wilcoxonSignedRank } from './wilcoxon.js';
export { type ProportionInterval, wilsonInterval } from './wilson.js';
