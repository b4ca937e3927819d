import type { ExperimentPhase, ExperimentRecord, ExperimentState } from './experiment.js';
import type { ExperimentTemplate } from './templates.js';
import { allowedSteps, type ExperimentAction, ratingOpensAt } from './transitions.js';

/** What the user should do next, as the web app and the CLI offer it. */
export type NextStep = Exclude<ExperimentAction, 'revisePrediction' | 'abandon'>;

export interface ExperimentStatus {
  /** One line for the banner on every page and for `whet` output, e.g. "Experiment: a week of noticing — 5 days left". */
  headline: string;
  /** The phase that is running (or waiting to be closed), if any. */
  phaseKey: string | null;
  /** When the running phase is planned to end, or when rating opens. */
  endsAt: string | null;
  /** Milliseconds until `endsAt`; 0 once it has passed. */
  msLeft: number | null;
  /** The running phase's planned end has passed: the next step is due. */
  due: boolean;
  nextStep: NextStep | null;
}

export interface ExperimentPhaseView extends ExperimentPhase {
  instructions: string;
}

/** An experiment as the web app and the CLI see it; times are computed for `now`. */
export interface ExperimentView {
  id: string;
  templateId: string;
  templateVersion: number;
  title: string;
  question: string;
  measures: ExperimentTemplate['measures'];
  state: ExperimentState;
  prediction: ExperimentRecord['prediction'];
  measurement: ExperimentRecord['measurement'];
  phases: [ExperimentPhaseView, ExperimentPhaseView];
  ratingDelayHours: number;
  ratingOpensAt: string | null;
  createdAt: string;
  ratingStartedAt: string | null;
  reportedAt: string | null;
  abandonedAt: string | null;
  /** Ideas (or measurements) recorded so far in each phase, by phase key. */
  recorded: Record<string, number>;
  allowedSteps: ExperimentAction[];
  status: ExperimentStatus;
}

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
            : `Experiment: ${first.label} is over — start ${second.label.toLowerCase()}`,
        phaseKey: first.key,
        endsAt: first.plannedEnd,
        msLeft: ms,
        due: ms === 0,
        nextStep: 'startFocused',
      };
    }
    case 'focused': {
      const opens = ratingOpensAt(record);
      const over = second.endedAt !== null || now.getTime() >= Date.parse(second.plannedEnd);
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
        headline: `Experiment: ${second.label} — ${durationInWords(ms)} left`,
        phaseKey: second.key,
        endsAt: second.plannedEnd,
        msLeft: ms,
        due: false,
        nextStep: 'endFocused',
      };
    }
    case 'rating':
      return { ...none, headline: 'Experiment: blind rating in progress', nextStep: 'report' };
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
  })) as [ExperimentPhaseView, ExperimentPhaseView];
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
    allowedSteps: [...allowedSteps(record.state)],
    status: statusOf(record, template.measures, now),
  };
}

/** Experiments in these states are unfinished; a user runs at most one at a time. */
export const ACTIVE_EXPERIMENT_STATES: readonly ExperimentState[] = ['draft', 'passive', 'focused', 'rating'];
