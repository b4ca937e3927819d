import { WhetstoneError } from '../errors.js';
import { parseInput } from '../validation.js';
import { phaseWindow } from './counting.js';
import {
  type ExperimentPhase,
  type ExperimentRecord,
  type ExperimentState,
  PredictionInput,
} from './experiment.js';
import { preregistrationText } from './preregistration.js';
import { UNIT_MS } from './templates.js';

export const EXPERIMENT_ACTIONS = [
  'revisePrediction',
  'lockPrediction',
  'startPassive',
  'startFocused',
  'endFocused',
  'startRating',
  'finishTriage',
  'report',
  'abandon',
] as const;
export type ExperimentAction = (typeof EXPERIMENT_ACTIONS)[number];

/** What each state allows; anything else is refused with the state and the allowed next steps. */
const ALLOWED: Record<ExperimentState, readonly ExperimentAction[]> = {
  draft: ['revisePrediction', 'lockPrediction', 'startPassive', 'abandon'],
  passive: ['startFocused', 'abandon'],
  focused: ['endFocused', 'startRating', 'abandon'],
  rating: ['finishTriage', 'report', 'abandon'],
  reported: [],
  abandoned: [],
};

export function allowedSteps(state: ExperimentState): readonly ExperimentAction[] {
  return ALLOWED[state];
}

export function assertAllowed(state: ExperimentState, action: ExperimentAction): void {
  const allowed = ALLOWED[state];
  if (allowed.includes(action)) return;
  const next = allowed.length
    ? `allowed next steps: ${allowed.join(', ')}`
    : 'it is finished; no further steps';
  const message = `the experiment is in state ${state}; ${next}`;
  throw new WhetstoneError('illegal_transition', `experiment: cannot ${action}: ${message}`, [
    { field: 'state', message },
  ]);
}

function conflict(message: string, field = 'state'): WhetstoneError {
  return new WhetstoneError('conflict', `experiment: ${message}`, [{ field, message }]);
}

/** The latest instant already recorded on the experiment; no step may be dated before it. */
function latestInstant(record: ExperimentRecord): number {
  const instants = [
    record.createdAt,
    record.prediction.lockedAt,
    record.ratingStartedAt,
    ...record.phases.flatMap((p) => [p.startedAt, p.endedAt]),
  ].filter((s): s is string => s !== null);
  return Math.max(...instants.map((s) => Date.parse(s)));
}

function checkClock(record: ExperimentRecord, now: Date): void {
  if (now.getTime() < latestInstant(record))
    throw new WhetstoneError(
      'validation',
      'now: is earlier than a step already recorded on this experiment',
      [{ field: 'now', message: 'is earlier than a step already recorded on this experiment' }],
    );
}

/** Starts phase `index` now; the next phase is pushed back if it would otherwise overlap. */
function startPhase(
  phases: ExperimentRecord['phases'],
  index: 0 | 1,
  now: Date,
): [ExperimentPhase, ExperimentPhase] {
  const out = phases.map((p) => ({ ...p })) as [ExperimentPhase, ExperimentPhase];
  const phase = out[index];
  const end = now.getTime() + phase.length * UNIT_MS[phase.unit];
  out[index] = {
    ...phase,
    startedAt: now.toISOString(),
    plannedStart: now.toISOString(),
    plannedEnd: new Date(end).toISOString(),
  };
  if (index === 0 && Date.parse(out[1].plannedStart) < end) {
    const next = out[1];
    out[1] = {
      ...next,
      plannedStart: new Date(end).toISOString(),
      plannedEnd: new Date(end + next.length * UNIT_MS[next.unit]).toISOString(),
    };
  }
  return out;
}

/** Rewrites the prediction; only possible while it is not locked. */
export function revisePrediction(record: ExperimentRecord, input: unknown): ExperimentRecord {
  assertAllowed(record.state, 'revisePrediction');
  if (record.prediction.lockedAt)
    throw conflict('the prediction is locked and can no longer change', 'prediction');
  const parsed = parseInput(PredictionInput, input);
  return {
    ...record,
    prediction: {
      text: parsed.text,
      favoured: parsed.favoured,
      byHowMuch: parsed.byHowMuch || null,
      lockedAt: null,
      seal: null,
    },
  };
}

/**
 * Locks the prediction and seals it: the canonical text of what is locked and its digest, from
 * `sha256` (injected: the core does no crypto I/O; the services pass node:crypto's).
 */
export function lockPrediction(
  record: ExperimentRecord,
  now: Date,
  sha256: (text: string) => string,
): ExperimentRecord {
  assertAllowed(record.state, 'lockPrediction');
  if (record.prediction.lockedAt)
    throw conflict(
      `the prediction was locked at ${record.prediction.lockedAt} and can no longer change`,
      'prediction',
    );
  checkClock(record, now);
  const locked = { ...record, prediction: { ...record.prediction, lockedAt: now.toISOString() } };
  const text = preregistrationText(locked);
  return { ...locked, prediction: { ...locked.prediction, seal: { text, sha256: sha256(text) } } };
}

export function startPassive(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'startPassive');
  if (!record.prediction.lockedAt)
    throw conflict('lock your prediction before the experiment starts', 'prediction');
  checkClock(record, now);
  return { ...record, state: 'passive', phases: startPhase(record.phases, 0, now) };
}

/** Options of `startFocused`. */
export interface StartFocusedOptions {
  /** The person confirmed ending the passive phase before its planned end. */
  early?: boolean;
}

/** Whether starting the focused phase now would cut the passive phase short. */
export function wouldEndPassiveEarly(record: ExperimentRecord, now: Date): boolean {
  const passive = record.phases[0];
  return record.state === 'passive' && now.getTime() < Date.parse(passive.plannedEnd);
}

/**
 * Starts the focused phase. The passive phase ended by itself at its planned end if that has
 * passed (ideas noted since count to no phase); before it, ending the passive phase early needs
 * the person's confirmation, and the record keeps its early end for the report.
 */
export function startFocused(
  record: ExperimentRecord,
  now: Date,
  options: StartFocusedOptions = {},
): ExperimentRecord {
  assertAllowed(record.state, 'startFocused');
  checkClock(record, now);
  const [passive, focused] = record.phases;
  if (wouldEndPassiveEarly(record, now) && !options.early) {
    const message = `${passive.label} runs until ${passive.plannedEnd}; starting ${focused.label.toLowerCase()} now ends it early, which the report will record — confirm to go on`;
    throw new WhetstoneError('conflict', `experiment: ${message}`, [{ field: 'early', message }]);
  }
  // Closed where its window ends: now, or its planned end if that came first.
  const endedAt = phaseWindow(passive, now)?.to ?? now.toISOString();
  const phases = startPhase([{ ...passive, endedAt }, focused], 1, now);
  return { ...record, state: 'focused', phases };
}

/** Whether the passive phase was ended before its planned end (confirmed when it was). */
export function passiveEndedEarly(record: Pick<ExperimentRecord, 'phases'>): boolean {
  const passive = record.phases[0];
  return passive.endedAt !== null && Date.parse(passive.endedAt) < Date.parse(passive.plannedEnd);
}

/** Ends the focused phase early (e.g. the focused session was completed before its planned end). */
export function endFocused(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'endFocused');
  const [passive, focused] = record.phases;
  if (focused.endedAt) throw conflict(`the ${focused.key} phase already ended at ${focused.endedAt}`);
  checkClock(record, now);
  return { ...record, phases: [passive, { ...focused, endedAt: now.toISOString() }] };
}

/**
 * Whether a session started now is the focused phase itself: the template's focused phase is
 * one session (measured in minutes), that phase is open, and no session was linked yet.
 */
export function takesSession(
  record: ExperimentRecord,
  measures: 'ideas' | 'measurement',
  now: Date,
): boolean {
  const focused = record.phases[1];
  return (
    measures === 'ideas' &&
    record.state === 'focused' &&
    focused.unit === 'minutes' &&
    focused.sessionId === null &&
    focused.endedAt === null &&
    now.getTime() < Date.parse(focused.plannedEnd)
  );
}

/** Runs the focused phase as this session: it stays open while the session runs. */
export function linkSession(record: ExperimentRecord, sessionId: string): ExperimentRecord {
  const [passive, focused] = record.phases;
  return { ...record, phases: [passive, { ...focused, sessionId }] };
}

/** The focused phase's session ended: so does the phase (a no-op for any other session). */
export function sessionEnded(record: ExperimentRecord, sessionId: string, now: Date): ExperimentRecord {
  const focused = record.phases[1];
  if (record.state !== 'focused' || focused.sessionId !== sessionId || focused.endedAt) return record;
  return endFocused(record, now);
}

/**
 * True once the focused phase was ended or its planned end has passed — unless it is run as a
 * session, which ends it.
 */
export function focusedPhaseEnded(record: ExperimentRecord, now: Date): boolean {
  const focused = record.phases[1];
  if (focused.endedAt !== null) return true;
  return focused.sessionId === null && now.getTime() >= Date.parse(focused.plannedEnd);
}

const HOUR_MS = 3_600_000;

/**
 * When blind rating may start: the focused phase's end (its recorded end, else its planned end)
 * plus the chosen rating delay; null while the focused phase has not started.
 */
export function ratingOpensAt(record: ExperimentRecord): string | null {
  const focused = record.phases[1];
  if (!focused.startedAt) return null;
  const end = Date.parse(focused.endedAt ?? focused.plannedEnd);
  return new Date(end + record.ratingDelayHours * HOUR_MS).toISOString();
}

/**
 * Moves to blind rating; refused while the focused phase is still running and, after it, until
 * the chosen rating delay has passed.
 */
export function startRating(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'startRating');
  const [passive, focused] = record.phases;
  if (!focusedPhaseEnded(record, now))
    throw conflict(`the ${focused.key} phase runs until ${focused.plannedEnd}; end it first, then rate`);
  const opensAt = ratingOpensAt(record);
  if (opensAt !== null && now.getTime() < Date.parse(opensAt)) {
    const hours = record.ratingDelayHours === 1 ? '1 hour' : `${record.ratingDelayHours} hours`;
    throw conflict(`rating opens at ${opensAt} (${hours} after the ${focused.key} phase ends, as you chose)`);
  }
  checkClock(record, now);
  const endedAt = focused.endedAt ?? focused.plannedEnd;
  return {
    ...record,
    state: 'rating',
    phases: [passive, { ...focused, endedAt }],
    ratingStartedAt: now.toISOString(),
  };
}

/** Ends the blind triage: what is set aside stays aside, and the rating proper begins. */
export function finishTriage(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'finishTriage');
  if (record.triagedAt) throw conflict(`the triage was finished at ${record.triagedAt}`, 'triage');
  checkClock(record, now);
  return { ...record, triagedAt: now.toISOString() };
}

/** Where the blind rating stands: sorting out first, then rating. */
export function ratingStage(record: Pick<ExperimentRecord, 'triagedAt'>): 'triage' | 'rating' {
  return record.triagedAt ? 'rating' : 'triage';
}

export function report(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'report');
  // Ideas are triaged before they are rated; a measurement has nothing to triage.
  if (!record.measurement && !record.triagedAt)
    throw conflict('finish the blind triage first, then rate the ideas kept', 'triage');
  checkClock(record, now);
  return { ...record, state: 'reported', reportedAt: now.toISOString() };
}

/** Stops the experiment for good; a phase still running is closed now. */
export function abandon(record: ExperimentRecord, now: Date): ExperimentRecord {
  assertAllowed(record.state, 'abandon');
  checkClock(record, now);
  // A phase still open closes where its window ends (counting.ts): now, or at its planned end.
  const close = (p: ExperimentPhase): ExperimentPhase =>
    p.startedAt && !p.endedAt ? { ...p, endedAt: phaseWindow(p, now)?.to ?? now.toISOString() } : p;
  return {
    ...record,
    state: 'abandoned',
    phases: [close(record.phases[0]), close(record.phases[1])],
    abandonedAt: now.toISOString(),
  };
}
