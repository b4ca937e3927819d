import * as z from 'zod/mini';
import { WhetstoneError } from '../errors.js';
import '../schema-messages.js';
import { parseInput } from '../validation.js';
import { type ExperimentTemplate, findTemplate, PhaseRole, PhaseUnit, UNIT_MS } from './templates.js';

export const EXPERIMENT_STATES = ['draft', 'passive', 'focused', 'rating', 'reported', 'abandoned'] as const;
export const ExperimentState = z.enum(EXPERIMENT_STATES);
export type ExperimentState = z.infer<typeof ExperimentState>;

export const PREDICTION_TEXT_MAX = 1000;
export const PREDICTION_BY_HOW_MUCH_MAX = 200;
/** No phase may be planned to start further ahead than this. */
export const PLAN_AHEAD_DAYS_MAX = 365;
/** Blind rating may be put off by up to two weeks after the focused phase, so memories fade. */
export const RATING_DELAY_HOURS_MAX = 336;

export const Favoured = z.enum(['focused', 'passive', 'no-difference']);
export type Favoured = z.infer<typeof Favoured>;

const isoInstant = () => z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });

/**
 * The sealed prediction: the canonical text of what was locked (preregistration.ts) and its
 * SHA-256, so anyone given the text can check it was not changed after the lock.
 */
export const PredictionSeal = z.strictObject({
  text: z.string().check(z.minLength(1)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
});
export type PredictionSeal = z.infer<typeof PredictionSeal>;

export const Prediction = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(PREDICTION_TEXT_MAX)),
  favoured: Favoured,
  byHowMuch: z.nullable(z.string().check(z.maxLength(PREDICTION_BY_HOW_MUCH_MAX))),
  /** Set once by `lockPrediction`; a locked prediction never changes. */
  lockedAt: z.nullable(isoInstant()),
  /** Set with the lock. Predictions locked before seals existed have none. */
  seal: z._default(z.nullable(PredictionSeal), null),
});
export type Prediction = z.infer<typeof Prediction>;

/** Which way a measurement improves: more words written is better, fewer interruptions is better. */
export const MeasurementDirection = z.enum(['higher', 'lower']);
export type MeasurementDirection = z.infer<typeof MeasurementDirection>;

export const Measurement = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  unit: z.nullable(z.string().check(z.trim(), z.maxLength(60))),
  // Records stored before the direction existed meant "higher is better".
  better: z._default(MeasurementDirection, 'higher'),
});
export type Measurement = z.infer<typeof Measurement>;

export const ExperimentPhase = z.strictObject({
  key: z.string(),
  role: PhaseRole,
  label: z.string(),
  unit: PhaseUnit,
  length: z.number().check(z.int(), z.positive()),
  plannedStart: isoInstant(),
  plannedEnd: isoInstant(),
  startedAt: z.nullable(isoInstant()),
  endedAt: z.nullable(isoInstant()),
  /**
   * The focused session this phase is run as (templates whose focused phase is one session): the
   * phase stays open while it runs and ends when it ends. Null otherwise, and in older records.
   */
  sessionId: z._default(z.nullable(z.string()), null),
});
export type ExperimentPhase = z.infer<typeof ExperimentPhase>;

const ratingDelayHours = () =>
  z
    .number('must be a number')
    .check(
      z.int('must be a whole number of hours'),
      z.minimum(0, 'must not be negative'),
      z.maximum(RATING_DELAY_HOURS_MAX, `must be at most ${RATING_DELAY_HOURS_MAX} hours (two weeks)`),
    );

export const ExperimentRecord = z.strictObject({
  id: z.string().check(z.minLength(1)),
  templateId: z.string(),
  templateVersion: z.number().check(z.int(), z.positive()),
  state: ExperimentState,
  prediction: Prediction,
  /** Only for templates that measure a user-named quantity. */
  measurement: z.nullable(Measurement),
  phases: z.tuple([ExperimentPhase, ExperimentPhase]),
  /** Hours between the end of the focused phase and the start of blind rating. */
  // Records stored before the delay existed have none; they rated right away.
  ratingDelayHours: z._default(ratingDelayHours(), 0),
  createdAt: isoInstant(),
  ratingStartedAt: z.nullable(isoInstant()),
  /** When the blind triage was finished and the rating proper began (older records: none). */
  triagedAt: z._default(z.nullable(isoInstant()), null),
  reportedAt: z.nullable(isoInstant()),
  abandonedAt: z.nullable(isoInstant()),
});
export type ExperimentRecord = z.infer<typeof ExperimentRecord>;

export const PredictionInput = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(PREDICTION_TEXT_MAX)),
  favoured: Favoured,
  byHowMuch: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(PREDICTION_BY_HOW_MUCH_MAX)))),
});
export type PredictionInput = z.infer<typeof PredictionInput>;

export const PhasePlanInput = z.strictObject({
  /** In the template phase's unit (days or minutes); bounds come from the template. */
  length: z.optional(z.number('must be a number').check(z.int('must be a whole number'), z.positive())),
  plannedStart: z.optional(isoInstant()),
});

export const CreateExperimentInput = z.strictObject({
  templateId: z.string().check(z.minLength(1), z.maxLength(60)),
  prediction: PredictionInput,
  measurement: z.optional(
    z.strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
      unit: z.optional(z.string().check(z.trim(), z.maxLength(60))),
      /** Whether a higher or a lower value is the improvement; default higher. */
      better: z.optional(MeasurementDirection),
    }),
  ),
  /** When the first phase is planned to start; default: now. */
  startsAt: z.optional(isoInstant()),
  /** Per phase key: its length and, optionally, its planned start (default: when the previous ends). */
  phases: z.optional(z.record(z.string(), PhasePlanInput)),
  /** Whole hours to wait after the focused phase before rating blind; default 0. */
  ratingDelayHours: z.optional(ratingDelayHours()),
});
export type CreateExperimentInput = z.infer<typeof CreateExperimentInput>;

/** POST /experiments: the experiment, and `start: true` to lock the prediction and begin at once. */
export const StartExperimentInput = z.extend(CreateExperimentInput, { start: z.optional(z.boolean()) });
export type StartExperimentInput = z.input<typeof StartExperimentInput>;

function invalid(field: string, message: string): WhetstoneError {
  return new WhetstoneError('validation', `${field}: ${message}`, [{ field, message }]);
}

/** Builds the phase plan from the template and the requested lengths and starts, validating both. */
export function planPhases(
  template: ExperimentTemplate,
  plans: CreateExperimentInput['phases'],
  startsAt: Date,
  now: Date,
): [ExperimentPhase, ExperimentPhase] {
  const requested = plans ?? {};
  for (const key of Object.keys(requested)) {
    if (!template.phases.some((p) => p.key === key))
      throw invalid(
        `phases.${key}`,
        `is not a phase of ${template.id}; its phases are ${template.phases.map((p) => p.key).join(', ')}`,
      );
  }
  const latestStart = now.getTime() + PLAN_AHEAD_DAYS_MAX * UNIT_MS.days;
  let previousEnd: number | null = null;
  let previousKey = '';
  const phases = template.phases.map((tp) => {
    const plan = requested[tp.key] ?? {};
    const length = plan.length ?? tp.defaultLength;
    if (length < tp.minLength || length > tp.maxLength)
      throw invalid(
        `phases.${tp.key}.length`,
        `must be from ${tp.minLength} to ${tp.maxLength} ${tp.unit} for this template`,
      );
    const start = plan.plannedStart ? Date.parse(plan.plannedStart) : (previousEnd ?? startsAt.getTime());
    if (start > latestStart)
      throw invalid(`phases.${tp.key}.plannedStart`, `must be at most ${PLAN_AHEAD_DAYS_MAX} days ahead`);
    if (previousEnd !== null && start < previousEnd)
      throw invalid(
        `phases.${tp.key}.plannedStart`,
        `overlaps the ${previousKey} phase, which is planned to end at ${new Date(previousEnd).toISOString()}`,
      );
    const end = start + length * UNIT_MS[tp.unit];
    previousEnd = end;
    previousKey = tp.key;
    return {
      key: tp.key,
      role: tp.role,
      label: tp.label,
      unit: tp.unit,
      length,
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(end).toISOString(),
      startedAt: null,
      endedAt: null,
      sessionId: null,
    } satisfies ExperimentPhase;
  });
  return [phases[0]!, phases[1]!];
}

/** A new experiment in `draft`, its prediction written but not yet locked. */
export function createExperiment(input: unknown, context: { id: string; now: Date }): ExperimentRecord {
  const parsed = parseInput(CreateExperimentInput, input);
  const template = findTemplate(parsed.templateId);
  if (template.measures === 'measurement' && !parsed.measurement)
    throw invalid('measurement', 'name the quantity you will measure, e.g. "interruptions per day"');
  if (template.measures === 'ideas' && parsed.measurement)
    throw invalid('measurement', 'this template compares ideas; it takes no measurement');
  const startsAt = parsed.startsAt ? new Date(parsed.startsAt) : context.now;
  return {
    id: context.id,
    templateId: template.id,
    templateVersion: template.version,
    state: 'draft',
    prediction: {
      text: parsed.prediction.text,
      favoured: parsed.prediction.favoured,
      byHowMuch: parsed.prediction.byHowMuch || null,
      lockedAt: null,
      seal: null,
    },
    measurement: parsed.measurement
      ? {
          name: parsed.measurement.name,
          unit: parsed.measurement.unit || null,
          better: parsed.measurement.better ?? 'higher',
        }
      : null,
    phases: planPhases(template, parsed.phases, startsAt, context.now),
    ratingDelayHours: parsed.ratingDelayHours ?? 0,
    createdAt: context.now.toISOString(),
    ratingStartedAt: null,
    triagedAt: null,
    reportedAt: null,
    abandonedAt: null,
  };
}
