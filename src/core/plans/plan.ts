import * as z from 'zod/mini';
import { AreaId } from '../areas.js';
import { validationError, WhetstoneError } from '../errors.js';
import { IdeaId } from '../ideas.js';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import { addDays, type InstantLike, instantString, LocalDate, localDate, toInstant } from '../time-zone.js';
import { parseInput } from '../validation.js';
import { Cadence } from './cadence.js';
import { CadenceObjectInput, parseCadence } from './cadence-parse.js';
import { areaOfSubSkill, type Exercise, ExerciseId, findBuiltinExercise, SubSkill } from './exercises.js';
import { PlanId } from './ids.js';
import {
  PLAN_IDEAS_MAX,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  PLAN_NEXT_ACTION_MAX,
  PLAN_REVIEW_AHEAD_DAYS_MAX,
  PLAN_STATES,
  PLAN_SUCCESS_SIGNAL_MAX,
  PLAN_TITLE_MAX,
} from './vocabulary.js';

export {
  PLAN_IDEAS_MAX,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  PLAN_NEXT_ACTION_MAX,
  PLAN_REVIEW_AHEAD_DAYS_MAX,
  PLAN_STATES,
  PLAN_SUCCESS_SIGNAL_MAX,
  PLAN_TITLE_MAX,
};

/**
 * An improvement plan: what will change, how, and when to look again. It carries an idea through
 * to a tried and reviewed change. Process and environment changes are tried; practice routines
 * are practised in blocks on a cadence.
 */

export const PlanKind = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKind>;

export const PlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof PlanState>;

export { PlanId };

const PlanTitle = trimmedText(PLAN_TITLE_MAX, 1);
const NextAction = trimmedText(PLAN_NEXT_ACTION_MAX, 1);
const SuccessSignal = trimmedText(PLAN_SUCCESS_SIGNAL_MAX, 1);
const PlanIdeaIds = z
  .array(IdeaId)
  .check(z.maxLength(PLAN_IDEAS_MAX, `must list at most ${PLAN_IDEAS_MAX} ideas`));
const instant = () => z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const Plan = z.object({
  id: PlanId,
  /** What will change. */
  title: PlanTitle,
  kind: PlanKind,
  /** The ideas this plan carries out (may become empty when ideas are deleted). */
  ideaIds: PlanIdeaIds,
  areaId: z.nullable(AreaId),
  subSkill: z.nullable(SubSkill),
  exerciseId: z.nullable(ExerciseId),
  /** The concrete next step, small enough to do today. */
  nextAction: NextAction,
  cadence: z.nullable(Cadence),
  /** What will show that it works, e.g. "I finish a paper summary in under an hour". */
  successSignal: SuccessSignal,
  /** The local date (in the person's zone) on which to decide keep, adjust or drop. */
  reviewOn: LocalDate,
  state: PlanState,
  createdAt: instant(),
  updatedAt: instant(),
  /** When the last review decision (keep, adjust, drop) was made. */
  decidedAt: z.nullable(instant()),
});
export type Plan = z.infer<typeof Plan>;

/** A cadence as text (`3x30/week`) or as an object; `parseCadence` reads both. */
export const CadenceInputSchema = z.union([z.string(), CadenceObjectInput]);

export const PlanCreateInput = z.strictObject({
  title: PlanTitle,
  kind: PlanKind,
  ideaIds: z.optional(PlanIdeaIds),
  areaId: z.optional(z.nullable(AreaId)),
  subSkill: z.optional(z.nullable(SubSkill)),
  exerciseId: z.optional(z.nullable(ExerciseId)),
  nextAction: NextAction,
  cadence: z.optional(z.nullable(CadenceInputSchema)),
  successSignal: SuccessSignal,
  reviewOn: LocalDate,
});
export type PlanCreateInput = z.input<typeof PlanCreateInput>;

export const PlanUpdateInput = z.strictObject({
  title: z.optional(PlanTitle),
  kind: z.optional(PlanKind),
  ideaIds: z.optional(PlanIdeaIds),
  areaId: z.optional(z.nullable(AreaId)),
  subSkill: z.optional(z.nullable(SubSkill)),
  exerciseId: z.optional(z.nullable(ExerciseId)),
  nextAction: z.optional(NextAction),
  cadence: z.optional(z.nullable(CadenceInputSchema)),
  successSignal: z.optional(SuccessSignal),
  reviewOn: z.optional(LocalDate),
});
export type PlanUpdateInput = z.input<typeof PlanUpdateInput>;

export interface PlanContext {
  now: InstantLike;
  /** The person's IANA zone: review dates are their local dates. */
  timeZone: string;
  /** The person's own exercise named by `exerciseId`, as the store found it; built-ins are known. */
  exercise?: Exercise | null;
}

/** Refuses a review date before today or more than a year ahead, in the person's zone. */
export function assertReviewDate(reviewOn: string, context: PlanContext, field = 'reviewOn'): void {
  const today = localDate(context.now, context.timeZone);
  if (reviewOn < today)
    throw validationError(field, `must not be in the past (today is ${today} in ${context.timeZone})`);
  const latest = addDays(today, PLAN_REVIEW_AHEAD_DAYS_MAX);
  if (reviewOn > latest)
    throw validationError(field, `must be at most a year ahead (on or before ${latest})`);
}

type PracticeFields = Pick<Plan, 'kind' | 'subSkill' | 'exerciseId' | 'cadence' | 'areaId'>;

/**
 * Fills in what follows from the exercise (its sub-skill) and the sub-skill (its area), and checks
 * that a practice routine says what it practises and how often.
 */
function completePractice(fields: PracticeFields, context: PlanContext): PracticeFields {
  const exercise =
    fields.exerciseId === null
      ? null
      : (findBuiltinExercise(fields.exerciseId) ??
        (context.exercise?.id === fields.exerciseId ? context.exercise : null));
  if (exercise && fields.subSkill !== null && exercise.subSkill !== fields.subSkill)
    throw validationError(
      'exerciseId',
      `exercise ${exercise.id} practises ${exercise.subSkill}, not ${fields.subSkill}`,
    );
  const subSkill = fields.subSkill ?? exercise?.subSkill ?? null;
  const areaId = fields.areaId ?? (subSkill === null ? null : areaOfSubSkill(subSkill));
  if (fields.kind === 'practice') {
    if (subSkill === null && fields.exerciseId === null)
      throw validationError('subSkill', 'a practice routine needs a sub-skill or an exercise to practise');
    if (fields.cadence === null)
      throw validationError('cadence', 'a practice routine needs a cadence, e.g. 3x30/week');
  }
  return { ...fields, subSkill, areaId };
}

/** Idea ids in the order given, each once. */
function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** A new plan in state `active`, validated in the person's zone; all times `now`. */
export function newPlan(input: unknown, context: PlanContext & { id: string }): Plan {
  const parsed = parseInput(PlanCreateInput, input);
  assertReviewDate(parsed.reviewOn, context);
  const cadence = parsed.cadence == null ? null : parseCadence(parsed.cadence);
  const practice = completePractice(
    {
      kind: parsed.kind,
      subSkill: parsed.subSkill ?? null,
      exerciseId: parsed.exerciseId ?? null,
      areaId: parsed.areaId ?? null,
      cadence,
    },
    context,
  );
  const now = instantString(toInstant(context.now));
  return {
    id: context.id,
    title: parsed.title,
    ideaIds: uniqueIds(parsed.ideaIds ?? []),
    nextAction: parsed.nextAction,
    successSignal: parsed.successSignal,
    reviewOn: parsed.reviewOn,
    ...practice,
    state: 'active',
    createdAt: now,
    updatedAt: now,
    decidedAt: null,
  };
}

/** True once a plan's review decision is final: kept and dropped plans no longer change. */
export function isClosed(plan: Pick<Plan, 'state'>): boolean {
  return plan.state === 'kept' || plan.state === 'dropped';
}

/** Edits an open plan; the merged plan is checked as a whole (a practice routine keeps a cadence). */
export function updatePlan(plan: Plan, input: unknown, context: PlanContext): Plan {
  const parsed = parseInput(PlanUpdateInput, input);
  if (isClosed(plan)) {
    const message = `the plan was ${plan.state} and can no longer change`;
    throw new WhetstoneError('conflict', `plan: ${message}`, [{ field: 'state', message }]);
  }
  if (parsed.reviewOn !== undefined && parsed.reviewOn !== plan.reviewOn)
    assertReviewDate(parsed.reviewOn, context);
  const cadence =
    parsed.cadence === undefined
      ? plan.cadence
      : parsed.cadence === null
        ? null
        : parseCadence(parsed.cadence);
  const practice = completePractice(
    {
      kind: parsed.kind ?? plan.kind,
      subSkill: parsed.subSkill === undefined ? plan.subSkill : parsed.subSkill,
      exerciseId: parsed.exerciseId === undefined ? plan.exerciseId : parsed.exerciseId,
      areaId: parsed.areaId === undefined ? plan.areaId : parsed.areaId,
      cadence,
    },
    context,
  );
  return {
    ...plan,
    title: parsed.title ?? plan.title,
    ideaIds: parsed.ideaIds ? uniqueIds(parsed.ideaIds) : plan.ideaIds,
    nextAction: parsed.nextAction ?? plan.nextAction,
    successSignal: parsed.successSignal ?? plan.successSignal,
    reviewOn: parsed.reviewOn ?? plan.reviewOn,
    ...practice,
    updatedAt: instantString(toInstant(context.now)),
  };
}
