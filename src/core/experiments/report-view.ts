import * as z from 'zod/mini';
import { BootstrapInterval } from '../stats/views.js';
import { Favoured, MeasurementDirection } from './experiment.js';
import { ExperimentView } from './view.js';

/**
 * The shapes of an experiment's report (GET /experiments/{id}/report) as schemas: the report
 * functions build them, the API sends them, the OpenAPI document and the web app's types come
 * from here.
 */

export const Trust = z.enum(['very-low', 'low', 'moderate']);
export type Trust = z.infer<typeof Trust>;

/**
 * How the locked prediction compares with the result: the direction and, when the prediction
 * stated a size that can be read, the size.
 */
export const PredictionCheck = z.object({
  match: z.enum([
    /** The favoured phase won by at least (or, for "at most", by at most) the predicted size. */
    'matched',
    /** The favoured phase won; no size was predicted, or it could not be read as a number. */
    'direction',
    'smaller-than-predicted',
    'larger-than-predicted',
    /** The favoured phase was ahead, but by too little to call a winner. */
    'too-small-to-call',
    /** A winner was predicted and the totals were about the same, or a tie was predicted and one phase won. */
    'no-difference',
    'opposite',
    'unclear',
  ]),
  /** Plain language, one line: "Right direction, smaller than predicted (predicted ≥ +33%, observed +12%)". */
  text: z.string(),
  /** The predicted size as read from "by how much"; null when none was given or it could not be read. */
  predicted: z.nullable(z.object({ relative: z.number(), bound: z.enum(['at-least', 'at-most']) })),
  /**
   * The favoured phase's total value relative to the other's, minus 1 (0.12 = 12% more; negative:
   * the other phase was ahead). For a predicted tie: the second phase's relative to the first's.
   * Null when the result is unclear or the template does not compare ideas.
   */
  observed: z.nullable(z.number()),
});
export type PredictionCheck = z.infer<typeof PredictionCheck>;

export const Verdict = z.object({
  outcome: z.enum([...Favoured.options, 'unclear']),
  /** Plain language: what happened. */
  summary: z.string(),
  trust: Trust,
  /** Plain language: how much to trust it, and why. */
  trustReason: z.string(),
  /**
   * Whether the locked prediction matched the outcome: in direction and, when a size was
   * predicted and could be read, in size; null when the outcome is unclear.
   */
  predictionMatched: z.nullable(z.boolean()),
  /** The comparison behind `predictionMatched`, in words and numbers. */
  predictionCheck: PredictionCheck,
});
export type Verdict = z.infer<typeof Verdict>;

/** One phase of an idea experiment, from the blind ratings. */
export const PhaseSummary = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  rated: z.number(),
  totalValue: z.number(),
  /** Mean over rated ideas; null when none was rated. */
  meanValue: z.nullable(z.number()),
  highValueCount: z.number(),
  best: z.array(z.object({ id: z.string(), text: z.string(), value: z.number() })),
});
export type PhaseSummary = z.infer<typeof PhaseSummary>;

/** A phase of an idea experiment's report, with how many ideas got each rating 1..5. */
export const IdeaPhaseReport = z.extend(PhaseSummary, {
  ratings: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  /** Ideas of this phase set aside in the blind triage, by reason; the figures above leave them out. */
  excluded: z.array(z.object({ reason: z.string(), count: z.number() })),
});
export type IdeaPhaseReport = z.infer<typeof IdeaPhaseReport>;

export const MeasurementPhaseSummary = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number(),
  /** null when the phase has no measurement. */
  mean: z.nullable(z.number()),
  median: z.nullable(z.number()),
  /** Sample standard deviation (n − 1); null with fewer than two measurements. */
  sd: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
});
export type MeasurementPhaseSummary = z.infer<typeof MeasurementPhaseSummary>;

/** The name the report, the card and the clients give the agreement measure, everywhere the same. */
export const AGREEMENT_METHOD = 'weighted kappa (quadratic)';

/** One phase as the second rater rated it (their values only). */
export const SecondRaterPhase = z.object({
  key: z.string(),
  label: z.string(),
  rated: z.number(),
  /** Null when the second rater rated none of this phase's ideas. */
  meanValue: z.nullable(z.number()),
  /** Ideas rated 4 or 5. */
  highValueCount: z.number(),
});
export type SecondRaterPhase = z.infer<typeof SecondRaterPhase>;

/**
 * The second, blind rater's results beside the researcher's, and how well the two agree. The
 * verdict is not changed by it: it stays the researcher's own.
 */
export const SecondRaterReport = z.object({
  raterName: z.nullable(z.string()),
  finished: z.boolean(),
  rated: z.number(),
  /** Kept ideas (those not set aside in the triage). */
  total: z.number(),
  phases: z.tuple([SecondRaterPhase, SecondRaterPhase]),
  agreement: z.object({
    method: z.literal(AGREEMENT_METHOD),
    /** Ideas both raters rated. */
    pairs: z.number(),
    /** Null when it cannot be computed (fewer than 2 pairs, or no variation to expect disagreement from). */
    kappa: z.nullable(z.number()),
    /** Landis & Koch (1977): poor, slight, fair, moderate, substantial, almost perfect. */
    band: z.nullable(z.enum(['poor', 'slight', 'fair', 'moderate', 'substantial', 'almost perfect'])),
    /** Plain language, one or two sentences. */
    text: z.string(),
  }),
  /** Says that the verdict rests on the researcher's own ratings. */
  note: z.string(),
});
export type SecondRaterReport = z.infer<typeof SecondRaterReport>;

const method = z.enum(['exact', 'normal']);

/**
 * The two-sided Mann-Whitney U test of baseline against change: `u` is min(U₁, U₂). When the
 * groups are too small for any outcome to reach p < 0.05, or one is empty, a caveat stands in
 * for the p-value.
 */
export const MeasurementTest = z.union([
  z.object({ u: z.number(), method, pValue: z.number() }),
  z.object({ u: z.number(), method, caveat: z.string() }),
  z.object({ caveat: z.string() }),
]);
export type MeasurementTest = z.infer<typeof MeasurementTest>;

export const MeasurementReport = z.object({
  measurement: z.object({ name: z.string(), unit: z.nullable(z.string()), better: MeasurementDirection }),
  phases: z.tuple([MeasurementPhaseSummary, MeasurementPhaseSummary]),
  mannWhitney: MeasurementTest,
  /** Median of the change phase minus median of the baseline, with a bootstrap 95% interval. */
  medianDifference: z.nullable(BootstrapInterval),
  verdict: Verdict,
});
export type MeasurementReport = z.infer<typeof MeasurementReport>;

export const MeasurementObservation = z.object({
  /** The phase key the value was measured in. */
  phase: z.string(),
  value: z.number(),
  at: z.iso.datetime({ offset: true }),
});
export type MeasurementObservation = z.infer<typeof MeasurementObservation>;

/** The report of a reported experiment: per phase and a verdict, or a baseline-vs-change test. */
export const ExperimentReportView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ideas'),
    experiment: ExperimentView,
    phases: z.tuple([IdeaPhaseReport, IdeaPhaseReport]),
    verdict: Verdict,
    /** Present once a second, blind rater has rated at least one idea. */
    secondRater: z.optional(SecondRaterReport),
  }),
  z.object({
    kind: z.literal('measurement'),
    experiment: ExperimentView,
    report: MeasurementReport,
    observations: z.array(MeasurementObservation),
  }),
]);
export type ExperimentReportView = z.infer<typeof ExperimentReportView>;
