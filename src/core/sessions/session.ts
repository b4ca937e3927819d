import * as z from 'zod/mini';
import { AreaId } from '../areas.js';
import { Effort, IdeaValue } from '../ideas.js';
import '../schema-messages.js';

export const SESSION_STATES = ['running', 'paused', 'rating', 'completed'] as const;
export const SessionState = z.enum(SESSION_STATES);
export type SessionState = z.infer<typeof SessionState>;

/** Sessions that still hold the user's attention: only one may exist at a time. */
export const ACTIVE_STATES: readonly SessionState[] = ['running', 'paused', 'rating'];

export const SESSION_MINUTES_DEFAULT = 20;
export const SESSION_MINUTES_MIN = 1;
export const SESSION_MINUTES_MAX = 180;
export const SESSION_NOTE_MAX = 4000;

/** One question as it was shown in a session (its text is kept: decks change later). */
export const SessionQuestion = z.object({
  position: z.number(),
  questionId: z.string(),
  text: z.string(),
  /** Milliseconds spent on it so far, pauses excluded. */
  spentMs: z.number(),
  skipped: z.boolean(),
});
export type SessionQuestion = z.infer<typeof SessionQuestion>;

/** A focused improvement session; every time figure is derived from these stored instants. */
export interface SessionRecord {
  id: string;
  deckId: string;
  state: SessionState;
  plannedMs: number;
  addedMs: number;
  startedAt: string;
  pausedAt: string | null;
  pausedMs: number;
  endedAt: string | null;
  /** Question ids in the order this session asks them (drawn at start from `seed`). */
  queue: string[];
  seed: string;
  areas: string[];
  /** Index into `queue` of the question on screen. */
  position: number;
  /** Session-clock time (elapsed ms) at which the current question came on screen. */
  positionEnteredMs: number;
  note: string | null;
}

/** A length in whole minutes; the field name is put in front of these messages by parseInput. */
const minutes = () =>
  z
    .number('must be a number of minutes')
    .check(
      z.int('must be a whole number of minutes'),
      z.minimum(SESSION_MINUTES_MIN, `must be at least ${SESSION_MINUTES_MIN} minute`),
      z.maximum(SESSION_MINUTES_MAX, `must be at most ${SESSION_MINUTES_MAX} minutes`),
    );

export const SessionStartInput = z.strictObject({
  minutes: z.optional(minutes()),
  deckId: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  areas: z.optional(z.array(AreaId).check(z.maxLength(20))),
  /** Start it although an experiment's passive phase is running (its ideas will not count there). */
  outsideExperiment: z.optional(z.boolean()),
});
export type SessionStartInput = z.infer<typeof SessionStartInput>;

export const AddTimeInput = z.strictObject({ minutes: minutes() });
export const CompleteInput = z.strictObject({
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(SESSION_NOTE_MAX)))),
});

/** Rating an idea at the end of a session: its value and, optionally, its effort. */
export const RateInput = z.strictObject({
  value: z.optional(z.nullable(IdeaValue)),
  effort: z.optional(z.nullable(Effort)),
});
