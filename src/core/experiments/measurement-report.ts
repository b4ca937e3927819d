import { quantileSorted, mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';
import { seededRandom } from '../decks/draw.js';
import { validationError } from '../errors.js';
import { ALPHA, type BootstrapInterval, mannWhitneyU, median, pValueOrCaveat } from '../stats/index.js';
import type { Favoured, MeasurementDirection } from './experiment.js';
import { checkMeasurementPrediction } from './prediction-check.js';
import { checkMatched, SAME_WITHIN, type Trust, type Verdict } from './report.js';
import type {
  MeasurementObservation,
  MeasurementPhaseSummary,
  MeasurementReport,
  MeasurementTest,
} from './report-view.js';

/** With fewer measurements than this in either phase, the report says too little to judge. */
export const MEASUREMENTS_TOO_FEW = 3;
/** Trust rises from low to moderate only with at least this many measurements in each phase. */
export const MODERATE_TRUST_MEASUREMENTS = 10;
/** Bootstrap resamples for the interval of the difference of medians. */
export const MEASUREMENT_RESAMPLES = 10_000;

export type { MeasurementObservation, MeasurementPhaseSummary, MeasurementReport, MeasurementTest };

export interface MeasurementReportInput {
  /** Baseline (passive) phase first, change (focused) phase second. */
  phases: readonly [{ key: string; label: string }, { key: string; label: string }];
  measurement: { name: string; unit: string | null; better: MeasurementDirection };
  observations: readonly MeasurementObservation[];
  /** The locked prediction: 'focused' means the change phase was predicted to be better. */
  favoured: Favoured;
  /** The prediction's free-text size; named in the check as not compared (default: none). */
  byHowMuch?: string | null;
  /** Seeds the bootstrap, so the same experiment always reports the same interval. */
  seed: string;
  resamples?: number;
}

function summarize(key: string, label: string, values: readonly number[]): MeasurementPhaseSummary {
  if (values.length === 0)
    return { key, label, n: 0, mean: null, median: null, sd: null, min: null, max: null };
  return {
    key,
    label,
    n: values.length,
    mean: sampleMean([...values]),
    median: median(values),
    sd: values.length >= 2 ? sampleStandardDeviation([...values]) : null,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * Percentile bootstrap of median(change) − median(baseline): each group is resampled with
 * replacement on its own (the phases are independent samples), baseline first, then change, from
 * the one seeded sequence; quantiles as in `bootstrapInterval`.
 */
export function bootstrapMedianDifference(
  baseline: readonly number[],
  change: readonly number[],
  options: { random: () => number; resamples?: number; confidence?: number },
): BootstrapInterval {
  const { random, resamples = MEASUREMENT_RESAMPLES, confidence = 0.95 } = options;
  if (baseline.length === 0) throw validationError('baseline', 'needs at least one value');
  if (change.length === 0) throw validationError('change', 'needs at least one value');
  if (!Number.isInteger(resamples) || resamples < 1)
    throw validationError('resamples', 'must be a whole number ≥ 1');
  if (!(confidence > 0 && confidence < 1)) throw validationError('confidence', 'must be between 0 and 1');
  const draw = (values: readonly number[], into: number[]) => {
    for (let i = 0; i < values.length; i++) into[i] = values[Math.floor(random() * values.length)]!;
    return into;
  };
  const a = new Array<number>(baseline.length);
  const b = new Array<number>(change.length);
  const results = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const baselineMedian = median(draw(baseline, a));
    results[r] = median(draw(change, b)) - baselineMedian;
  }
  const sorted = Array.from(results.sort());
  const alpha = 1 - confidence;
  return {
    estimate: median(change) - median(baseline),
    lower: quantileSorted(sorted, alpha / 2),
    upper: quantileSorted(sorted, 1 - alpha / 2),
  };
}

/**
 * The report of a baseline-vs-change experiment: per-phase figures, a Mann-Whitney U test of
 * the two phases, the difference of medians with a seeded bootstrap interval, and a verdict in
 * plain words that takes into account which way the measurement improves.
 */
export function measurementReport(input: MeasurementReportInput): MeasurementReport {
  const { phases, measurement, observations, favoured, seed } = input;
  const byHowMuch = input.byHowMuch ?? null;
  const values: [number[], number[]] = [[], []];
  for (const [i, o] of observations.entries()) {
    if (!Number.isFinite(o.value))
      throw validationError(`observations.${i}.value`, 'must be a finite number');
    const index = phases.findIndex((p) => p.key === o.phase);
    if (index === -1)
      throw validationError(
        `observations.${i}.phase`,
        `must be one of: ${phases.map((p) => p.key).join(', ')}`,
      );
    values[index as 0 | 1].push(o.value);
  }
  const [baselineValues, changeValues] = values;
  const baseline = summarize(phases[0].key, phases[0].label, baselineValues);
  const change = summarize(phases[1].key, phases[1].label, changeValues);

  let mannWhitney: MeasurementTest = { caveat: 'Each phase needs at least one measurement for a test.' };
  // Which phase tends to have the higher values, by the test's own statistic: +1 change, −1 baseline.
  let tendency = 0;
  let medianDifference: BootstrapInterval | null = null;
  if (baseline.n > 0 && change.n > 0) {
    const test = mannWhitneyU(baselineValues, changeValues);
    tendency = Math.sign(test.uB - test.uA);
    mannWhitney = {
      u: test.u,
      method: test.method,
      ...pValueOrCaveat('mann-whitney', [baseline.n, change.n], test.pValue),
    };
    medianDifference = bootstrapMedianDifference(baselineValues, changeValues, {
      random: seededRandom(seed),
      ...(input.resamples === undefined ? {} : { resamples: input.resamples }),
    });
  }
  return {
    measurement: { name: measurement.name, unit: measurement.unit, better: measurement.better },
    phases: [baseline, change],
    mannWhitney,
    medianDifference,
    verdict: verdictOf({
      baseline,
      change,
      measurement,
      mannWhitney,
      tendency,
      medianDifference,
      favoured,
      byHowMuch,
    }),
  };
}

/** At most two decimals, no trailing zeros: 3, 2.5, 0.33. */
const figure = (x: number) => String(Number(x.toFixed(2)));
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

function verdictOf(args: {
  baseline: MeasurementPhaseSummary;
  change: MeasurementPhaseSummary;
  measurement: MeasurementReportInput['measurement'];
  mannWhitney: MeasurementTest;
  tendency: number;
  medianDifference: BootstrapInterval | null;
  favoured: Favoured;
  byHowMuch: string | null;
}): Verdict {
  const { baseline, change, measurement, mannWhitney, tendency, medianDifference, favoured } = args;
  const check = (outcome: Favoured | 'unclear') => {
    const predictionCheck = checkMeasurementPrediction({
      favoured,
      byHowMuch: args.byHowMuch,
      phases: [baseline, change],
      outcome,
    });
    return { predictionMatched: checkMatched(predictionCheck), predictionCheck };
  };
  // The name leads the sentence as a heading, so it needs no verb agreement ("interruptions").
  const name = measurement.name.charAt(0).toUpperCase() + measurement.name.slice(1);
  const unit = measurement.unit ? ` ${measurement.unit}` : '';
  const unclear = (summary: string, trustReason: string): Verdict => ({
    outcome: 'unclear',
    summary,
    trust: 'very-low',
    trustReason,
    ...check('unclear'),
  });

  if (baseline.n < MEASUREMENTS_TOO_FEW || change.n < MEASUREMENTS_TOO_FEW || !medianDifference)
    return unclear(
      `Too few measurements to say much: ${baseline.n} in ${baseline.label} and ${change.n} in ${change.label}.`,
      `With fewer than ${MEASUREMENTS_TOO_FEW} measurements in a phase, any difference is mostly chance.`,
    );

  const medianB = baseline.median!;
  const medianC = change.median!;
  const medians = `median ${figure(medianC)} vs ${figure(medianB)}${unit}`;
  const direction = measurement.better === 'higher' ? 'higher is better' : 'lower is better';
  const base =
    'This is one person and one run, without randomisation: anything else that changed between the phases (workload, season, sleep) moves the measurement too.';

  const moved =
    medianC === medianB
      ? 'the same median with the change as at baseline'
      : `${medianC > medianB ? 'higher' : 'lower'} with the change than at baseline`;
  if ('caveat' in mannWhitney)
    return unclear(
      `${name}: ${moved} (${medians}), but there are too few measurements to tell this from chance.`,
      mannWhitney.caveat,
    );

  const p = mannWhitney.pValue;
  const scale = Math.max(Math.abs(medianB), Math.abs(medianC));
  const difference = medianC - medianB;
  const relative = scale === 0 ? 0 : Math.abs(difference) / scale;
  const fewest = Math.min(baseline.n, change.n);
  const interval = `95% interval of the median difference ${figure(medianDifference.lower)} to ${figure(medianDifference.upper)}${unit}`;

  if (p < ALPHA && tendency !== 0) {
    const changeHigher = tendency > 0;
    const changeBetter = changeHigher === (measurement.better === 'higher');
    const outcome: Favoured = changeBetter ? 'focused' : 'passive';
    const excludesZero = medianDifference.lower > 0 || medianDifference.upper < 0;
    const moderate = fewest >= MODERATE_TRUST_MEASUREMENTS && excludesZero;
    return {
      outcome,
      summary: `${name}: tended to be ${changeHigher ? 'higher' : 'lower'} with the change than at baseline (${medians}); ${direction}, so the change ${changeBetter ? 'helped' : 'made it worse'} (${pText(p)}).`,
      trust: moderate ? 'moderate' : 'low',
      trustReason: moderate
        ? `${base} With ${baseline.n} and ${change.n} measurements and a clear difference (${interval}) it is a fair hint.`
        : `${base} With ${baseline.n} and ${change.n} measurements (${interval}), treat it as a weak hint.`,
      ...check(outcome),
    };
  }

  if (relative <= SAME_WITHIN) {
    // "The same" is only a fair hint when the whole interval lies within the same-within margin.
    const margin = SAME_WITHIN * scale;
    const moderate =
      fewest >= MODERATE_TRUST_MEASUREMENTS &&
      medianDifference.lower >= -margin &&
      medianDifference.upper <= margin;
    const trust: Trust = moderate ? 'moderate' : 'low';
    return {
      outcome: 'no-difference',
      summary: `${name}: about the same with the change as at baseline (${medians}, ${pText(p)}).`,
      trust,
      trustReason: moderate
        ? `${base} With ${baseline.n} and ${change.n} measurements and a narrow interval (${interval}) it is a fair hint that the change made little difference.`
        : `${base} "About the same" is not "no effect": with ${baseline.n} and ${change.n} measurements (${interval}) a real difference could still hide in the noise.`,
      ...check('no-difference'),
    };
  }

  return unclear(
    `${name}: ${moved} (${medians}), but the values vary too much to tell this from chance (${pText(p)}).`,
    `A difference like this, with values spread this widely, turns up by chance more often than 1 time in 20 (${pText(p)}); ${interval}.`,
  );
}
