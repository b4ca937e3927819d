import * as z from 'zod/mini';
import { validationError, WhetstoneError } from '../errors.js';
import { trimmedText } from '../text.js';
import { type InstantLike, instantString, LocalDate, localDate, toInstant } from '../time-zone.js';
import { parseInput } from '../validation.js';
import { parseCadence } from './cadence-parse.js';
import {
  assertReviewDate,
  CadenceInputSchema,
  PLAN_NEXT_ACTION_MAX,
  type Plan,
  type PlanContext,
  type PlanState,
} from './plan.js';

/**
 * The review state machine:
 *
 *   active --startReview--> reviewing --keep--> kept (final)
 *     ^                       |  |--drop--> dropped (final)
 *     |<----cancelReview------|  '--adjust--> adjusted --resume--> active
 *
 * A review may start any time (it is *due* once the review date has come); `adjust` records the
 * decision to change the plan, and `resume` puts the changed plan back to work with a new review
 * date (and optionally a new cadence and next action).
 */
export const PLAN_ACTIONS = ['startReview', 'cancelReview', 'keep', 'adjust', 'drop', 'resume'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

const ALLOWED: Record<PlanState, readonly PlanAction[]> = {
  active: ['startReview'],
  reviewing: ['keep', 'adjust', 'drop', 'cancelReview'],
  adjusted: ['resume'],
  kept: [],
  dropped: [],
};

export function allowedPlanActions(state: PlanState): readonly PlanAction[] {
  return ALLOWED[state];
}

/** Throws an `illegal_transition` error naming the plan's state and the allowed next steps. */
export function assertPlanAction(state: PlanState, action: PlanAction): void {
  const allowed = ALLOWED[state];
  if (allowed.includes(action)) return;
  const next = allowed.length
    ? `allowed next steps: ${allowed.join(', ')}`
    : 'its review is decided; no further steps';
  const message = `the plan is ${state}; ${next}`;
  throw new WhetstoneError('illegal_transition', `plan: cannot ${action}: ${message}`, [
    { field: 'state', message },
  ]);
}

function stamp(plan: Plan, now: InstantLike): string {
  const at = instantString(toInstant(now));
  if (at < plan.updatedAt)
    throw validationError('now', 'is earlier than the last change recorded on this plan');
  return at;
}

/** True when the plan waits for its review: it is open and its review date has come in the person's zone. */
export function reviewDue(
  plan: Pick<Plan, 'state' | 'reviewOn'>,
  context: { now: InstantLike; timeZone: string },
): boolean {
  if (plan.state !== 'active' && plan.state !== 'reviewing') return false;
  return plan.reviewOn <= localDate(context.now, context.timeZone);
}

export function startReview(plan: Plan, now: InstantLike): Plan {
  assertPlanAction(plan.state, 'startReview');
  return { ...plan, state: 'reviewing', updatedAt: stamp(plan, now) };
}

/** Leaves a review undecided; the plan goes on as before. */
export function cancelReview(plan: Plan, now: InstantLike): Plan {
  assertPlanAction(plan.state, 'cancelReview');
  return { ...plan, state: 'active', updatedAt: stamp(plan, now) };
}

function decide(plan: Plan, action: 'keep' | 'adjust' | 'drop', state: PlanState, now: InstantLike): Plan {
  assertPlanAction(plan.state, action);
  const at = stamp(plan, now);
  return { ...plan, state, updatedAt: at, decidedAt: at };
}

/** The change works: it becomes part of how the person works. Final. */
export const keepPlan = (plan: Plan, now: InstantLike): Plan => decide(plan, 'keep', 'kept', now);
/** The change did not earn its place. Final. */
export const dropPlan = (plan: Plan, now: InstantLike): Plan => decide(plan, 'drop', 'dropped', now);
/** The change is worth going on with, differently; `resumePlan` says how and until when. */
export const adjustPlan = (plan: Plan, now: InstantLike): Plan => decide(plan, 'adjust', 'adjusted', now);

export const PlanResumeInput = z.strictObject({
  reviewOn: LocalDate,
  cadence: z.optional(z.nullable(CadenceInputSchema)),
  nextAction: z.optional(trimmedText(PLAN_NEXT_ACTION_MAX, 1)),
});
export type PlanResumeInput = z.input<typeof PlanResumeInput>;

/** Puts an adjusted plan back to work with a new review date and, optionally, a new cadence and next action. */
export function resumePlan(plan: Plan, input: unknown, context: PlanContext): Plan {
  assertPlanAction(plan.state, 'resume');
  const parsed = parseInput(PlanResumeInput, input);
  assertReviewDate(parsed.reviewOn, context);
  const cadence =
    parsed.cadence === undefined
      ? plan.cadence
      : parsed.cadence === null
        ? null
        : parseCadence(parsed.cadence);
  if (plan.kind === 'practice' && cadence === null)
    throw validationError('cadence', 'a practice routine needs a cadence, e.g. 3x30/week');
  return {
    ...plan,
    state: 'active',
    reviewOn: parsed.reviewOn,
    cadence,
    nextAction: parsed.nextAction ?? plan.nextAction,
    updatedAt: stamp(plan, context.now),
  };
}
