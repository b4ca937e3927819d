import { WhetstoneError } from '../errors.js';
import type { ExperimentPhase, ExperimentRecord } from './experiment.js';

/*
 * Which ideas count to an experiment, and the rule that keeps their rating blind: while the
 * experiment runs, an idea that counts to one of its phases gets its value only in the blind
 * queue, where its phase is hidden. A value given at capture or on a session's end screen would
 * be given knowing the phase, and the later blind rating could no longer undo that knowledge.
 * Plain code: the web app runs the same rule to hide a value picker (src/web-imports.test.ts).
 */

/** What the counting rule needs to know of an idea. */
export interface CountedIdea {
  createdAt: string;
  /** The focused session it was captured in, if any. */
  sessionId: string | null;
}

/**
 * A phase's time window [from, to): from its start until it ended or, while it is not ended,
 * until now — but never past its planned end, so a phase nobody closed ends on time by itself
 * (ideas noted after that count to no phase). A phase run as one focused session is the
 * exception: it stays open while that session runs and ends when the session ends.
 */
export function phaseWindow(phase: ExperimentPhase, now: Date): { from: string; to: string } | null {
  if (!phase.startedAt) return null;
  if (phase.endedAt) return { from: phase.startedAt, to: phase.endedAt };
  const nowIso = now.toISOString();
  if (phase.sessionId) return { from: phase.startedAt, to: nowIso };
  return {
    from: phase.startedAt,
    to: Date.parse(phase.plannedEnd) < now.getTime() ? phase.plannedEnd : nowIso,
  };
}

/**
 * Whether a phase counts ideas captured in focused sessions. The passive phase is "noticing while
 * you work": a focused session run during it is something else, so its ideas do not count there.
 */
export function countsSessionIdeas(phase: Pick<ExperimentPhase, 'role'>): boolean {
  return phase.role === 'focused';
}

/** The phase an idea counts to, by the rule above, or null. */
export function phaseOf(
  phases: readonly ExperimentPhase[],
  idea: CountedIdea,
  now: Date,
): ExperimentPhase | null {
  const at = Date.parse(idea.createdAt);
  // An idea captured this very instant counts to the running phase, whose window ends "now".
  const until = new Date(Math.max(now.getTime(), at) + 1);
  for (const phase of phases) {
    if (idea.sessionId !== null && !countsSessionIdeas(phase)) continue;
    const window = phaseWindow(phase, until);
    if (window && Date.parse(window.from) <= at && at < Date.parse(window.to)) return phase;
  }
  return null;
}

/** States in which the counted ideas are still to be rated blind. */
const BLIND_STATES: ReadonlySet<ExperimentRecord['state']> = new Set(['passive', 'focused', 'rating']);

/**
 * The phase an idea counts to, if the experiment still rates its ideas blind; null otherwise (no
 * idea experiment, not started, finished, or the idea is outside both phases).
 */
export function blindPhaseOf(
  record: Pick<ExperimentRecord, 'state' | 'measurement' | 'phases'>,
  idea: CountedIdea,
  now: Date,
): ExperimentPhase | null {
  if (record.measurement || !BLIND_STATES.has(record.state)) return null;
  return phaseOf(record.phases, idea, now);
}

/** Why a value for a counted idea is refused, on the field the person filled. */
export const BLIND_VALUE_REASON =
  'is given later, in the blind rating: this idea counts to your running experiment, and a value given now would be given knowing its phase';

export function blindValueRefused(field = 'value'): WhetstoneError {
  return new WhetstoneError('conflict', `${field}: ${BLIND_VALUE_REASON}`, [
    { field, message: BLIND_VALUE_REASON },
  ]);
}
