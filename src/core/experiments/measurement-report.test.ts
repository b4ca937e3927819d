import { describe, expect, it } from 'vitest';
import { seededRandom } from '../decks/draw.js';
import { errorOf } from '../errors.test-support.js';
import type { Favoured } from './experiment.js';
import {
  bootstrapMedianDifference,
  type MeasurementReportInput,
  measurementReport,
} from './measurement-report.js';

const PHASES = [
  { key: 'baseline', label: 'Baseline' },
  { key: 'change', label: 'With the change' },
] as const;
const INTERRUPTIONS = { name: 'interruptions', unit: 'per day', better: 'lower' } as const;

function observe(baseline: readonly number[], change: readonly number[]) {
  const at = '2026-11-23T10:00:00.000Z';
  return [
    ...baseline.map((value) => ({ phase: 'baseline', value, at })),
    ...change.map((value) => ({ phase: 'change', value, at })),
  ];
}

function run(
  baseline: readonly number[],
  change: readonly number[],
  patch: Partial<MeasurementReportInput> = {},
) {
  return measurementReport({
    phases: PHASES,
    measurement: INTERRUPTIONS,
    observations: observe(baseline, change),
    favoured: 'focused' satisfies Favoured,
    seed: 'e1',
    resamples: 2000,
    ...patch,
  });
}

describe('measurementReport: per-phase figures', () => {
  it('gives n, mean, median, sample sd, min and max by hand', () => {
    const r = run([6, 8, 9, 12], [3, 4, 7, 10]);
    // Baseline: mean 35/4 = 8.75; median (8+9)/2 = 8.5; squared deviations 7.5625 + 0.5625 +
    // 0.0625 + 10.5625 = 18.75, / (4−1) = 6.25, sd = 2.5.
    expect(r.phases[0]).toEqual({
      key: 'baseline',
      label: 'Baseline',
      n: 4,
      mean: 8.75,
      median: 8.5,
      sd: 2.5,
      min: 6,
      max: 12,
    });
    // Change: mean 24/4 = 6; median (4+7)/2 = 5.5; squared deviations 9 + 4 + 1 + 16 = 30,
    // / 3 = 10, sd = √10.
    expect(r.phases[1]).toMatchObject({ n: 4, mean: 6, median: 5.5, min: 3, max: 10 });
    expect(r.phases[1].sd).toBeCloseTo(Math.sqrt(10), 12);
    expect(r.medianDifference?.estimate).toBe(-3); // 5.5 − 8.5: change minus baseline
  });

  it('leaves figures empty for an empty phase and the sd for a single value', () => {
    const r = run([5], []);
    expect(r.phases[0]).toMatchObject({ n: 1, mean: 5, median: 5, sd: null, min: 5, max: 5 });
    expect(r.phases[1]).toMatchObject({ n: 0, mean: null, median: null, sd: null, min: null, max: null });
    expect(r.mannWhitney).toEqual({ caveat: 'Each phase needs at least one measurement for a test.' });
    expect(r.medianDifference).toBeNull();
    expect(r.verdict.outcome).toBe('unclear');
    expect(r.verdict.trust).toBe('very-low');
    expect(r.verdict.predictionMatched).toBeNull();
  });
});

describe('measurementReport: the Mann-Whitney test', () => {
  it('matches the exact p found by enumerating every split (overlapping groups)', () => {
    // Baseline beats change in 2+3+3+4 = 12 of 16 pairs (U₁ = 12, U₂ = 4). Of the C(8,4) = 70 ways
    // to split the 8 values, 12 give U ≤ 4 (partitions of 0..4 into at most 4 parts ≤ 4:
    // 1+1+2+3+5), and as many give U ≥ 12: p = 24/70 = 0.342857… (R: wilcox.test(c(6,8,9,12),
    // c(3,4,7,10)) gives W = 12, p-value = 0.3429).
    const r = run([6, 8, 9, 12], [3, 4, 7, 10]);
    expect(r.mannWhitney).toEqual({ u: 4, method: 'exact', pValue: 24 / 70 });
    // Not significant, and the medians differ by 3/8.5 = 35% (over the 20% "about the same").
    expect(r.verdict.outcome).toBe('unclear');
    expect(r.verdict.summary).toBe(
      'Interruptions: lower with the change than at baseline (median 5.5 vs 8.5 per day), but the values vary too much to tell this from chance (p = 0.343).',
    );
    expect(r.verdict.predictionMatched).toBeNull();
  });

  it('matches the exact p for separated groups: 2/C(8,4) = 2/70 (R: W = 16, p = 0.02857)', () => {
    const r = run([9, 10, 11, 12], [1, 2, 3, 4]);
    expect(r.mannWhitney).toEqual({ u: 0, method: 'exact', pValue: 2 / 70 });
  });

  it('3 against 5 can reach significance: 2/C(8,3) = 2/56 = 0.0357 (R: W = 15, p = 0.03571)', () => {
    const r = run([10, 11, 12], [1, 2, 3, 4, 5]);
    expect(r.mannWhitney).toEqual({ u: 0, method: 'exact', pValue: 2 / 56 });
    expect(r.verdict.outcome).toBe('focused');
  });

  it('3 against 3 cannot (smallest p 2/C(6,3) = 0.1): a caveat instead of a p-value', () => {
    const r = run([10, 11, 12], [1, 2, 3]);
    expect(r.mannWhitney).toEqual({
      u: 0,
      method: 'exact',
      caveat:
        'Groups of 3 and 3 are too small: the Mann-Whitney U test cannot reach p < 0.05 with them, so no p-value is shown.',
    });
    expect(r.verdict.outcome).toBe('unclear');
    expect(r.verdict.trust).toBe('very-low');
    expect(r.verdict.summary).toContain('too few measurements to tell this from chance');
    expect(r.verdict.trustReason).toContain('Groups of 3 and 3 are too small');
  });

  it('uses the normal approximation with ties (R: wilcox.test(c(1,1,2,2), c(3,3,4,4)), p = 0.02652)', () => {
    // U₁ = 0; tie correction Σ(t³−t) = 4·6 = 24; var = 16/12 · (9 − 24/56) = 11.428571;
    // z = (0 − 8 + 0.5)/√11.428571 = −2.21853; p = 2Φ(−2.21853) = 0.026518.
    const r = run([1, 1, 2, 2], [3, 3, 4, 4]);
    expect(r.mannWhitney).toMatchObject({ u: 0, method: 'normal' });
    expect('pValue' in r.mannWhitney && r.mannWhitney.pValue).toBeCloseTo(0.026518, 5);
  });
});

describe('measurementReport: the verdict', () => {
  it('calls a clear drop in interruptions a win for the change when lower is better', () => {
    const r = run([9, 10, 11, 12], [1, 2, 3, 4]);
    expect(r.verdict).toEqual({
      outcome: 'focused',
      summary:
        'Interruptions: tended to be lower with the change than at baseline (median 2.5 vs 10.5 per day); lower is better, so the change helped (p = 0.029).',
      trust: 'low', // only 4 measurements a phase
      trustReason: expect.stringContaining('treat it as a weak hint'),
      predictionMatched: true,
      predictionCheck: {
        match: 'direction',
        text: 'Matched in direction.',
        predicted: null,
        observed: null,
      },
    });
  });

  it('calls the same drop a loss when higher is better', () => {
    const r = run([9, 10, 11, 12], [1, 2, 3, 4], {
      measurement: { name: 'words written', unit: null, better: 'higher' },
    });
    expect(r.verdict.outcome).toBe('passive');
    expect(r.verdict.summary).toContain('higher is better, so the change made it worse');
    expect(r.verdict.predictionMatched).toBe(false);
  });

  it('trusts a clear result with ten measurements a phase moderately, never more', () => {
    const baseline = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const change = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = run(baseline, change, { favoured: 'passive' });
    // Exact p = 2/C(20,10) = 2/184756.
    expect(r.mannWhitney).toEqual({ u: 0, method: 'exact', pValue: 2 / 184_756 });
    expect(r.verdict.trust).toBe('moderate');
    expect(r.verdict.summary).toContain('(p < 0.001)');
    expect(r.verdict.predictionMatched).toBe(false);
  });

  it('calls medians within 20% about the same, and says that is not "no effect"', () => {
    // Baseline beats change in 0+1+2+3+4 = 10 of 25 pairs; enumerating the C(10,5) = 252 splits,
    // 87 give U ≤ 10 and 87 give U ≥ 15: p = 174/252 = 0.690 (R: W = 10, p-value = 0.6905).
    const r = run([10, 11, 12, 13, 14], [10.5, 11.5, 12.5, 13.5, 14.5], { favoured: 'no-difference' });
    expect(r.mannWhitney).toEqual({ u: 10, method: 'exact', pValue: 174 / 252 });
    expect(r.verdict.outcome).toBe('no-difference');
    expect(r.verdict.summary).toBe(
      'Interruptions: about the same with the change as at baseline (median 12.5 vs 12 per day, p = 0.690).',
    );
    expect(r.verdict.trust).toBe('low');
    expect(r.verdict.trustReason).toContain('"About the same" is not "no effect"');
    expect(r.verdict.predictionMatched).toBe(true);
  });

  it('says too few below three measurements a phase', () => {
    const r = run([1, 2], [5, 6, 7]);
    expect(r.verdict.outcome).toBe('unclear');
    expect(r.verdict.summary).toBe(
      'Too few measurements to say much: 2 in Baseline and 3 in With the change.',
    );
  });

  it('refuses observations of an unknown phase or with a non-finite value', () => {
    const at = '2026-11-23T10:00:00.000Z';
    const base = { phases: PHASES, measurement: INTERRUPTIONS, favoured: 'focused' as const, seed: 's' };
    const unknown = errorOf(() =>
      measurementReport({
        ...base,
        observations: [
          { phase: 'baseline', value: 1, at },
          { phase: 'x', value: 1, at },
        ],
      }),
    );
    expect(unknown?.issues[0]).toEqual({
      field: 'observations.1.phase',
      message: 'must be one of: baseline, change',
    });
    const nan = errorOf(() =>
      measurementReport({ ...base, observations: [{ phase: 'baseline', value: Number.NaN, at }] }),
    );
    expect(nan?.issues[0]?.field).toBe('observations.0.value');
  });
});

describe('bootstrapMedianDifference', () => {
  it('is exact when both groups are constant', () => {
    expect(bootstrapMedianDifference([5, 5, 5], [2, 2, 2], { random: seededRandom('s') })).toEqual({
      estimate: -3,
      lower: -3,
      upper: -3,
    });
  });

  it('resamples each group on its own', () => {
    // Baseline [0] always has median 0. A resample of change [0, 10] has median 0, 5 or 10 with
    // chances 1/4, 1/2, 1/4, so the 2.5% and 97.5% quantiles are 0 and 10. Resampling the three
    // values pooled would sometimes put 10 in the baseline and give differences below 0.
    const r = bootstrapMedianDifference([0], [0, 10], { random: seededRandom('s'), resamples: 4000 });
    expect(r).toEqual({ estimate: 5, lower: 0, upper: 10 });
  });

  it('gives the same interval for the same seed, so a report never changes on reload', () => {
    const a = run([6, 8, 9, 12, 7], [3, 4, 7, 10, 2]);
    const b = run([6, 8, 9, 12, 7], [3, 4, 7, 10, 2]);
    expect(a.medianDifference).toEqual(b.medianDifference);
    const { lower, upper, estimate } = a.medianDifference!;
    expect(lower).toBeLessThanOrEqual(estimate);
    expect(upper).toBeGreaterThanOrEqual(estimate);
    // Every resampled difference lies between min(change) − max(baseline) and max − min.
    expect(lower).toBeGreaterThanOrEqual(2 - 12);
    expect(upper).toBeLessThanOrEqual(10 - 6);
  });

  it('refuses an empty group', () => {
    expect(errorOf(() => bootstrapMedianDifference([], [1], { random: Math.random }))?.issues[0]?.field).toBe(
      'baseline',
    );
  });
});
