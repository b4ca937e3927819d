import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { blindPhaseOf } from './counting.js';
import {
  ExperimentPhase,
  type ExperimentRecord,
  ExperimentState,
  Measurement,
  Prediction,
} from './experiment.js';
import { ExperimentTemplate } from './templates.js';
import {
  allowedSteps,
  EXPERIMENT_ACTIONS,
  type ExperimentAction,
  focusedPhaseEnded,
  passiveEndedEarly,
  ratingOpensAt,
} from './transitions.js';

/** The steps the status banner can offer: every step but revising the prediction and abandoning. */
const NEXT_STEPS = [
  'lockPrediction',
  'startPassive',
  'startFocused',
  'endFocused',
  'startRating',
  'finishTriage',
  'report',
] as const satisfies readonly ExperimentAction[];

/** What the user should do next, as the web app and the CLI offer it. */
export const NextStep = z.enum(NEXT_STEPS);
export type NextStep = z.infer<typeof NextStep>;

const instant = () => z.iso.datetime({ offset: true });

export const ExperimentStatus = z.object({
  /** One line for the banner on every page and for `whet` output, e.g. "Experiment: a week of noticing — 5 days left". */
  headline: z.string(),
  /** The phase that is running (or waiting to be closed), if any. */
  phaseKey: z.nullable(z.string()),
  /** When the running phase is planned to end, or when rating opens. */
  endsAt: z.nullable(instant()),
  /** Milliseconds until `endsAt`; 0 once it has passed. */
  msLeft: z.nullable(z.number()),
  /** The running phase's planned end has passed: the next step is due. */
  due: z.boolean(),
  nextStep: z.nullable(NextStep),
});
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

export const ExperimentPhaseView = z.extend(ExperimentPhase, { instructions: z.string() });
export type ExperimentPhaseView = z.infer<typeof ExperimentPhaseView>;

/** An experiment as the web app and the CLI see it; times are computed for `now`. */
export const ExperimentView = z.object({
  id: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  title: z.string(),
  question: z.string(),
  measures: z.enum(['ideas', 'measurement']),
  state: ExperimentState,
  prediction: Prediction,
  measurement: z.nullable(Measurement),
  phases: z.tuple([ExperimentPhaseView, ExperimentPhaseView]),
  ratingDelayHours: z.number(),
  ratingOpensAt: z.nullable(instant()),
  createdAt: instant(),
  ratingStartedAt: z.nullable(instant()),
  reportedAt: z.nullable(instant()),
  abandonedAt: z.nullable(instant()),
  /** Ideas (or measurements) recorded so far in each phase, by phase key. */
  recorded: z.record(z.string(), z.number()),
  /**
   * Whether an idea captured now counts to a phase, so its value waits for the blind rating; by
   * the server's clock, which decides it (a browser's clock may be off).
   */
  blindCapture: z.boolean(),
  /** The first phase was ended before its planned end (the person confirmed it); reports say so. */
  passiveEndedEarly: z.boolean(),
  allowedSteps: z.array(z.enum(EXPERIMENT_ACTIONS)),
  status: ExperimentStatus,
});
export type ExperimentView = z.infer<typeof ExperimentView>;

/** GET /experiments: newest first. */
export const ExperimentList = listOf(ExperimentView);
export type ExperimentList = z.infer<typeof ExperimentList>;

/** GET /experiments/active: the unfinished experiment the status banner shows, or null. */
export const ActiveExperiment = z.object({ experiment: z.nullable(ExperimentView) });
export type ActiveExperiment = z.infer<typeof ActiveExperiment>;

/** GET /experiment-templates: the experiments one can start. */
export const TemplateList = listOf(ExperimentTemplate);
export type TemplateList = z.infer<typeof TemplateList>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** "5 days", "3 hours", "12 minutes", "less than a minute": the coarsest unit that is at least 1. */
export function durationInWords(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Whole units left, counting a unit that is less than a minute short as whole (a phase that
  // started a moment ago has its full 7 days left, not 6).
  if (ms >= 2 * DAY_MS) return unit(Math.floor((ms + MINUTE_MS) / DAY_MS), 'day');
  if (ms >= 2 * HOUR_MS) return unit(Math.floor((ms + MINUTE_MS) / HOUR_MS), 'hour');
  if (ms >= MINUTE_MS) return unit(Math.ceil(ms / MINUTE_MS), 'minute');
  return 'less than a minute';
}

function statusOf(
  record: ExperimentRecord,
  measures: ExperimentTemplate['measures'],
  now: Date,
): ExperimentStatus {
  const [first, second] = record.phases;
  const left = (iso: string) => Math.max(0, Date.parse(iso) - now.getTime());
  const none = { phaseKey: null, endsAt: null, msLeft: null, due: false };
  switch (record.state) {
    case 'draft':
      return {
        ...none,
        headline: record.prediction.lockedAt
          ? 'Experiment ready: start the first phase when you are'
          : 'Experiment draft: write and lock your prediction',
        nextStep: record.prediction.lockedAt ? 'startPassive' : 'lockPrediction',
      };
    case 'passive': {
      const ms = left(first.plannedEnd);
      return {
        headline:
          ms > 0
            ? `Experiment: ${first.label} — ${durationInWords(ms)} left`
            : `Experiment: ${first.label} is over; ideas you note now count to no phase until you start ${second.label.toLowerCase()}`,
        phaseKey: first.key,
        endsAt: first.plannedEnd,
        msLeft: ms,
        due: ms === 0,
        nextStep: 'startFocused',
      };
    }
    case 'focused': {
      const opens = ratingOpensAt(record);
      const over = focusedPhaseEnded(record, now);
      if (over && opens) {
        // Ended by hand or run to its planned end: what is left is the wait for the rating.
        const ms = left(opens);
        return {
          headline:
            measures === 'measurement'
              ? ms > 0
                ? `Experiment: ${second.label} is over — the report is ready in ${durationInWords(ms)}`
                : `Experiment: ${second.label} is over — finish it to see the report`
              : ms > 0
                ? `Experiment: blind rating opens in ${durationInWords(ms)}`
                : 'Experiment: time to rate your ideas blind',
          phaseKey: null,
          endsAt: opens,
          msLeft: ms,
          due: ms === 0,
          nextStep: 'startRating',
        };
      }
      const ms = left(second.plannedEnd);
      return {
        headline: second.sessionId
          ? `Experiment: ${second.label} — the phase ends when your session ends`
          : `Experiment: ${second.label} — ${durationInWords(ms)} left`,
        phaseKey: second.key,
        endsAt: second.plannedEnd,
        msLeft: ms,
        due: false,
        nextStep: 'endFocused',
      };
    }
    case 'rating':
      return record.triagedAt
        ? { ...none, headline: 'Experiment: blind rating in progress', nextStep: 'report' }
        : {
            ...none,
            headline: 'Experiment: blind triage — set aside what is not an improvement idea, then rate',
            nextStep: 'finishTriage',
          };
    case 'reported':
      return { ...none, headline: 'Experiment finished: the report is ready', nextStep: null };
    case 'abandoned':
      return { ...none, headline: 'Experiment abandoned', nextStep: null };
  }
}

export function experimentView(
  record: ExperimentRecord,
  template: ExperimentTemplate,
  recorded: Record<string, number>,
  now: Date,
): ExperimentView {
  const phases = record.phases.map((phase, i) => ({
    ...phase,
    instructions: template.phases[i]?.instructions ?? '',
  })) as ExperimentView['phases'];
  return {
    id: record.id,
    templateId: record.templateId,
    templateVersion: record.templateVersion,
    title: template.title,
    question: template.question,
    measures: template.measures,
    state: record.state,
    prediction: record.prediction,
    measurement: record.measurement,
    phases,
    ratingDelayHours: record.ratingDelayHours,
    ratingOpensAt: ratingOpensAt(record),
    createdAt: record.createdAt,
    ratingStartedAt: record.ratingStartedAt,
    reportedAt: record.reportedAt,
    abandonedAt: record.abandonedAt,
    recorded,
    blindCapture: blindPhaseOf(record, { createdAt: now.toISOString(), sessionId: null }, now) !== null,
    passiveEndedEarly: passiveEndedEarly(record),
    allowedSteps: [...allowedSteps(record.state)],
    status: statusOf(record, template.measures, now),
  };
}

/** Experiments in these states are unfinished; a user runs at most one at a time. */
export const ACTIVE_EXPERIMENT_STATES: readonly ExperimentState[] = ['draft', 'passive', 'focused', 'rating'];
