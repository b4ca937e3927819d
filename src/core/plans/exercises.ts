import * as z from 'zod/mini';
import { WhetstoneError } from '../errors.js';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import { parseInput } from '../validation.js';
import { BUILTIN_EXERCISE_DATA } from './exercise-library.js';
import {
  EXERCISE_HARDER_MAX,
  EXERCISE_INSTRUCTIONS_MAX,
  EXERCISE_MINUTES_MAX,
  EXERCISE_MINUTES_MIN,
  EXERCISE_TITLE_MAX,
} from './vocabulary.js';

export {
  EXERCISE_HARDER_MAX,
  EXERCISE_INSTRUCTIONS_MAX,
  EXERCISE_MINUTES_MAX,
  EXERCISE_MINUTES_MIN,
  EXERCISE_TITLE_MAX,
};

/**
 * Exercises for deliberate practice: one block's worth of work at the edge of one's ability, in
 * a sub-skill. A library ships as data (`exercise-library.ts`); people add their own.
 */

const slug = (what: string) =>
  z
    .string(`must be ${what}`)
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(60, 'must be at most 60 characters'),
      z.regex(/^[a-z0-9][a-z0-9-]*$/, `must be ${what} (lowercase letters, digits and dashes)`),
    );

/** A sub-skill id: one of `BUILTIN_SUB_SKILLS` or one a person names for their own exercises. */
export const SubSkill = slug('a sub-skill id');
export const ExerciseId = slug('an exercise id');

/** Sub-skills with built-in exercises, each filed under the default area it improves. */
export const BUILTIN_SUB_SKILLS = [
  { id: 'coding', label: 'Coding', areaId: 'coding' },
  { id: 'writing', label: 'Writing', areaId: 'writing' },
  { id: 'reading', label: 'Reading papers', areaId: 'reading' },
  { id: 'research-ideas', label: 'Finding research ideas', areaId: 'research-ideas' },
  { id: 'decomposition', label: 'Problem decomposition', areaId: 'decomposition' },
  { id: 'prioritisation', label: 'Prioritisation', areaId: 'prioritisation' },
  { id: 'learning', label: 'Learning', areaId: 'learning' },
  { id: 'collaboration', label: 'Collaboration', areaId: 'collaborators' },
] as const;
export type BuiltinSubSkill = (typeof BUILTIN_SUB_SKILLS)[number]['id'];

/** The default area a sub-skill's practice counts towards, or null for a person's own sub-skill. */
export function areaOfSubSkill(subSkill: string): string | null {
  return BUILTIN_SUB_SKILLS.find((s) => s.id === subSkill)?.areaId ?? null;
}

/** How hard an exercise is to start with; `harder` says how to raise it once it feels easy. */
export const EXERCISE_LEVELS = ['starter', 'stretch', 'advanced'] as const;
export const ExerciseLevel = z.enum(EXERCISE_LEVELS);
export type ExerciseLevel = z.infer<typeof ExerciseLevel>;

const minutesMessage = `must be a whole number of minutes from ${EXERCISE_MINUTES_MIN} to ${EXERCISE_MINUTES_MAX}`;
const ExerciseMinutes = z
  .number(minutesMessage)
  .check(
    z.int(minutesMessage),
    z.minimum(EXERCISE_MINUTES_MIN, minutesMessage),
    z.maximum(EXERCISE_MINUTES_MAX, minutesMessage),
  );

const ExerciseTitle = trimmedText(EXERCISE_TITLE_MAX, 1);
const ExerciseInstructions = trimmedText(EXERCISE_INSTRUCTIONS_MAX, 1);
const ExerciseHarder = trimmedText(EXERCISE_HARDER_MAX, 1);

export const Exercise = z.strictObject({
  id: ExerciseId,
  subSkill: SubSkill,
  title: ExerciseTitle,
  /** What to do in one block. */
  instructions: ExerciseInstructions,
  /** Suggested block length. */
  minutes: ExerciseMinutes,
  level: ExerciseLevel,
  /** How to make it harder once it stops being at the edge of one's ability. */
  harder: z.nullable(ExerciseHarder),
  builtin: z.boolean(),
  /** When a person added it; null for the built-in library. */
  createdAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type Exercise = z.infer<typeof Exercise>;

/** A person's own exercise; the suggested block length defaults to 30 minutes. */
export const ExerciseInput = z.strictObject({
  subSkill: SubSkill,
  title: ExerciseTitle,
  instructions: ExerciseInstructions,
  minutes: z.optional(ExerciseMinutes),
  level: z.optional(ExerciseLevel),
  harder: z.optional(z.nullable(ExerciseHarder)),
});
export type ExerciseInput = z.input<typeof ExerciseInput>;

export const DEFAULT_EXERCISE_MINUTES = 30;

/** Validates a person's own exercise and builds it. */
export function newExercise(input: unknown, context: { id: string; now: string }): Exercise {
  const parsed = parseInput(ExerciseInput, input);
  if (BUILTIN_EXERCISES.some((e) => e.id === context.id))
    throw new WhetstoneError('conflict', `exercise: id ${context.id} belongs to a built-in exercise`);
  return {
    id: context.id,
    subSkill: parsed.subSkill,
    title: parsed.title,
    instructions: parsed.instructions,
    minutes: parsed.minutes ?? DEFAULT_EXERCISE_MINUTES,
    level: parsed.level ?? 'stretch',
    harder: parsed.harder || null,
    builtin: false,
    createdAt: new Date(context.now).toISOString(),
  };
}

/** The built-in library, in the order it is shown (by sub-skill, then as written). */
export const BUILTIN_EXERCISES: readonly Exercise[] = BUILTIN_EXERCISE_DATA.map((e) => ({
  ...e,
  builtin: true,
  createdAt: null,
}));

/** The built-in exercise with this id, if any. */
export function findBuiltinExercise(id: string): Exercise | undefined {
  return BUILTIN_EXERCISES.find((e) => e.id === id);
}

/** Exercises for a sub-skill: built-in ones first, then a person's own, each in the given order. */
export function exercisesFor(subSkill: string, own: readonly Exercise[] = []): Exercise[] {
  return [...BUILTIN_EXERCISES, ...own].filter((e) => e.subSkill === subSkill);
}
