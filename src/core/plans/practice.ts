import * as z from 'zod/mini';
import { validationError } from '../errors.js';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import { type InstantLike, instantString, toInstant } from '../time-zone.js';
import { parseInput } from '../validation.js';
import { ExerciseId } from './exercises.js';
import { PlanId } from './ids.js';
import {
  DIFFICULTY_LABELS,
  DIFFICULTY_MAX,
  DIFFICULTY_MIN,
  PRACTICE_MINUTES_MAX,
  PRACTICE_NOTE_MAX,
} from './vocabulary.js';

export { DIFFICULTY_LABELS, DIFFICULTY_MAX, DIFFICULTY_MIN, PRACTICE_MINUTES_MAX, PRACTICE_NOTE_MAX };

/** A logged block of deliberate practice: how long, how hard relative to one's ability, what happened. */

/** Clocks differ a little between devices; a block logged this far ahead of `now` is still accepted. */
export const FUTURE_TOLERANCE_MINUTES = 5;

export const PracticeMinutes = z
  .number()
  .check(
    z.int('must be a whole number of minutes'),
    z.minimum(1, 'must be at least 1 minute'),
    z.maximum(
      PRACTICE_MINUTES_MAX,
      `must be at most ${PRACTICE_MINUTES_MAX} minutes (8 hours) in one block; log a longer stretch as several blocks`,
    ),
  );

const difficultyMessage = `must be a whole number from ${DIFFICULTY_MIN} (easy) to ${DIFFICULTY_MAX} (beyond your ability)`;
export const PracticeDifficulty = z
  .number(difficultyMessage)
  .check(
    z.int(difficultyMessage),
    z.minimum(DIFFICULTY_MIN, difficultyMessage),
    z.maximum(DIFFICULTY_MAX, difficultyMessage),
  );

const PracticeNote = trimmedText(PRACTICE_NOTE_MAX);
const instant = () =>
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' });

export const PracticeLog = z.object({
  id: z.string().check(z.minLength(1)),
  /** The plan the block belongs to; null for practice outside any plan. */
  planId: z.nullable(PlanId),
  exerciseId: z.nullable(ExerciseId),
  minutes: PracticeMinutes,
  /** Null when the person did not say (one-click logging). */
  difficulty: z.nullable(PracticeDifficulty),
  note: z.nullable(PracticeNote),
  /** When the block was practised (its start or end, as the person logs it). */
  at: instant(),
  createdAt: instant(),
});
export type PracticeLog = z.infer<typeof PracticeLog>;

export const PracticeInput = z.strictObject({
  planId: z.optional(z.nullable(PlanId)),
  exerciseId: z.optional(z.nullable(ExerciseId)),
  minutes: PracticeMinutes,
  difficulty: z.optional(z.nullable(PracticeDifficulty)),
  note: z.optional(z.nullable(PracticeNote)),
  /** When it was practised; default: now. */
  at: z.optional(instant()),
});
export type PracticeInput = z.input<typeof PracticeInput>;

/** Refuses an instant later than `now` (beyond a few minutes of clock difference). */
export function assertNotFuture(at: string, now: InstantLike, field = 'at'): void {
  const latest = toInstant(now).add({ minutes: FUTURE_TOLERANCE_MINUTES });
  if (toInstant(at).epochMilliseconds > latest.epochMilliseconds)
    throw validationError(field, 'must not be in the future');
}

/** Validates a practice block and builds its log entry; it is dated `now` unless `at` is given. */
export function newPracticeLog(input: unknown, context: { id: string; now: InstantLike }): PracticeLog {
  const parsed = parseInput(PracticeInput, input);
  const createdAt = instantString(toInstant(context.now));
  const at = parsed.at ? instantString(toInstant(parsed.at)) : createdAt;
  assertNotFuture(at, context.now);
  return {
    id: context.id,
    planId: parsed.planId ?? null,
    exerciseId: parsed.exerciseId ?? null,
    minutes: parsed.minutes,
    difficulty: parsed.difficulty ?? null,
    note: parsed.note || null,
    at,
    createdAt,
  };
}
