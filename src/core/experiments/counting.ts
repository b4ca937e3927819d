import { WhetstoneError } from '../errors.js';
import type { ExperimentPhase, ExperimentRecord } from './experiment.js';

/*
 * Which ideas count to an experiment, and the rule that keeps their rating blind: while the
 * experiment runs, an idea that counts to one of its phases gets its value only in the blind
 * queue, where its phase is hidden. A value given at capture or on a session's end screen would
 * be given knowing the phase, and the later blind rating could no longer undo that knowledge.
 * Plain code: the web app runs the same rule to hide a value picker (src/web-imports.test.ts).
 */

/** A phase's time window [from, to): from its start until it ended, or until now while it runs. */
export function phaseWindow(phase: ExperimentPhase, now: Date): { from: string; to: string } | null {
  if (!phase.startedAt) return null;
  // A focused phase not ended by hand closes at its planned end, as startRating will record it.
  const overdue = phase.role === 'focused' && Date.parse(phase.plannedEnd) < now.getTime();
  return { from: phase.startedAt, to: phase.endedAt ?? (overdue ? phase.plannedEnd : now.toISOString()) };
}

/** States in which the counted ideas are still to be rated blind. */
const BLIND_STATES: ReadonlySet<ExperimentRecord['state']> = new Set(['passive', 'focused', 'rating']);

/**
 * The phase an idea captured at `createdAt` counts to, if the experiment still rates its ideas
 * blind; null otherwise (no idea experiment, not started, finished, or outside both phases).
 */
export function blindPhaseOf(
  record: Pick<ExperimentRecord, 'state' | 'measurement' | 'phases'>,
  createdAt: string,
  now: Date,
): ExperimentPhase | null {
  if (record.measurement || !BLIND_STATES.has(record.state)) return null;
  const at = Date.parse(createdAt);
  // An idea captured this very instant counts to the running phase, whose window ends "now".
  const until = Math.max(now.getTime(), at) + 1;
  for (const phase of record.phases) {
    const window = phaseWindow(phase, new Date(until));
    if (window && Date.parse(window.from) <= at && at < Date.parse(window.to)) return phase;
  }
  return null;
}

/** Why a value for a counted idea is refused, on the field the person filled. */
export const BLIND_VALUE_REASON =
  'is given later, in the blind rating: this idea counts to your running experiment, and a value given now would be given knowing its phase';

export function blindValueRefused(field = 'value'): WhetstoneError {
  return new WhetstoneError('conflict', `${field}: ${BLIND_VALUE_REASON}`, [
    { field, message: BLIND_VALUE_REASON },
  ]);
}
