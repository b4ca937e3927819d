import * as z from 'zod/mini';
import { validationError } from '../errors.js';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import { instantString, LocalDate, localDate, toInstant, weekdayOfDate, weekOf } from '../time-zone.js';
import { parseInput } from '../validation.js';
import { Cadence } from './cadence.js';
import { CadenceInputSchema, PLAN_NEXT_ACTION_MAX, type Plan, type PlanContext, PlanId } from './plan.js';
import { adjustPlan, dropPlan, keepPlan, resumePlan, startReview } from './transitions.js';
import {
  PLAN_REVIEW_PROMPTS,
  REVIEW_ANSWER_MAX,
  REVIEW_DECISIONS,
  REVIEW_NOTE_MAX,
  WEEKLY_REVIEW_PROMPTS,
} from './vocabulary.js';

export { PLAN_REVIEW_PROMPTS, REVIEW_ANSWER_MAX, REVIEW_DECISIONS, REVIEW_NOTE_MAX, WEEKLY_REVIEW_PROMPTS };

/**
 * Reviews: a weekly review that walks through the week and decides on plans, and the review of a
 * single plan on its review date. Questions only, never advice: the person draws the conclusions.
 */

export const ReviewPrompt = z.object({ id: z.string(), text: z.string() });
export type ReviewPrompt = z.infer<typeof ReviewPrompt>;

export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

const ReviewAnswer = z.strictObject({
  promptId: z.string(),
  text: trimmedText(REVIEW_ANSWER_MAX, 1),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswer>;

const ReviewNote = trimmedText(REVIEW_NOTE_MAX);

/** Answers to known prompts, each prompt at most once (skipping a prompt is fine). */
function answersFor(prompts: readonly ReviewPrompt[]) {
  const ids = prompts.map((p) => p.id);
  return z.array(ReviewAnswer).check(
    z.superRefine((answers, ctx) => {
      const seen = new Set<string>();
      answers.forEach((answer, i) => {
        if (!ids.includes(answer.promptId))
          ctx.addIssue({
            code: 'custom',
            message: `is not a question of this review (known: ${ids.join(', ')})`,
            input: answer.promptId,
            path: [i, 'promptId'],
          });
        else if (seen.has(answer.promptId))
          ctx.addIssue({
            code: 'custom',
            message: 'is answered twice',
            input: answer.promptId,
            path: [i, 'promptId'],
          });
        seen.add(answer.promptId);
      });
    }),
  );
}

const WeeklyDecision = z.strictObject({
  planId: PlanId,
  decision: ReviewDecision,
  note: z.optional(z.nullable(ReviewNote)),
});
export type WeeklyDecision = z.infer<typeof WeeklyDecision>;

export const WeeklyReviewInput = z.strictObject({
  /** The Monday of the week under review. */
  weekOf: LocalDate,
  answers: z._default(answersFor(WEEKLY_REVIEW_PROMPTS), []),
  decisions: z._default(
    z.array(WeeklyDecision).check(
      z.superRefine((decisions, ctx) => {
        const seen = new Set<string>();
        decisions.forEach((d, i) => {
          if (seen.has(d.planId))
            ctx.addIssue({
              code: 'custom',
              message: 'has two decisions',
              input: d.planId,
              path: [i, 'planId'],
            });
          seen.add(d.planId);
        });
      }),
    ),
    [],
  ),
});
export type WeeklyReviewInput = z.input<typeof WeeklyReviewInput>;

const instant = () => z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** A stored weekly review; the history of reviews is a list of these. */
export const WeeklyReview = z.object({
  id: z.string().check(z.minLength(1)),
  weekOf: LocalDate,
  answers: z.array(ReviewAnswer),
  decisions: z.array(z.object({ planId: PlanId, decision: ReviewDecision, note: z.nullable(ReviewNote) })),
  createdAt: instant(),
});
export type WeeklyReview = z.infer<typeof WeeklyReview>;

/** Validates a weekly review: a Monday, not of a future week, answers to known prompts. */
export function newWeeklyReview(
  input: unknown,
  context: { id: string; now: string | Date; timeZone: string },
): WeeklyReview {
  const parsed = parseInput(WeeklyReviewInput, input);
  if (weekdayOfDate(parsed.weekOf) !== 1)
    throw validationError(
      'weekOf',
      `must be a Monday (weeks start on Monday); the week of ${parsed.weekOf} starts on ${weekOf(parsed.weekOf)}`,
    );
  const thisWeek = weekOf(localDate(context.now, context.timeZone));
  if (parsed.weekOf > thisWeek)
    throw validationError('weekOf', `must not be a future week (this week started on ${thisWeek})`);
  return {
    id: context.id,
    weekOf: parsed.weekOf,
    answers: parsed.answers,
    decisions: parsed.decisions.map((d) => ({
      planId: d.planId,
      decision: d.decision,
      note: d.note || null,
    })),
    createdAt: instantString(toInstant(context.now)),
  };
}

export const PlanReviewInput = z.strictObject({
  answers: z._default(answersFor(PLAN_REVIEW_PROMPTS), []),
  decision: ReviewDecision,
  note: z.optional(z.nullable(ReviewNote)),
  /** Only with `adjust`: the new review date; without it the plan waits in `adjusted`. */
  reviewOn: z.optional(LocalDate),
  cadence: z.optional(z.nullable(CadenceInputSchema)),
  nextAction: z.optional(trimmedText(PLAN_NEXT_ACTION_MAX, 1)),
});
export type PlanReviewInput = z.input<typeof PlanReviewInput>;

/** A stored review of one plan. */
export const PlanReview = z.object({
  id: z.string().check(z.minLength(1)),
  planId: PlanId,
  answers: z.array(ReviewAnswer),
  decision: ReviewDecision,
  note: z.nullable(ReviewNote),
  /** The review date the plan had when it was reviewed. */
  reviewOn: LocalDate,
  /** What an adjustment changed (null when not changed). */
  newReviewOn: z.nullable(LocalDate),
  newCadence: z.nullable(Cadence),
  newNextAction: z.nullable(z.string()),
  createdAt: instant(),
});
export type PlanReview = z.infer<typeof PlanReview>;

/** Runs a decision through the state machine; a plan still `active` starts its review first. */
export function applyDecision(plan: Plan, decision: ReviewDecision, now: string | Date): Plan {
  const reviewing = plan.state === 'active' ? startReview(plan, now) : plan;
  if (decision === 'keep') return keepPlan(reviewing, now);
  if (decision === 'drop') return dropPlan(reviewing, now);
  return adjustPlan(reviewing, now);
}

/**
 * Reviews one plan: records the answers and the decision and moves the plan on. `adjust` with a
 * new review date puts the plan straight back to `active` with the changes; without one it waits
 * in `adjusted`.
 */
export function reviewPlan(
  plan: Plan,
  input: unknown,
  context: PlanContext & { id: string },
): { plan: Plan; review: PlanReview } {
  const parsed = parseInput(PlanReviewInput, input);
  if (parsed.decision !== 'adjust')
    for (const field of ['reviewOn', 'cadence', 'nextAction'] as const)
      if (parsed[field] !== undefined)
        throw validationError(field, `can only change when the decision is adjust`);
  let next = applyDecision(plan, parsed.decision, context.now);
  if (parsed.decision === 'adjust' && parsed.reviewOn !== undefined) {
    const { reviewOn, cadence, nextAction } = parsed;
    next = resumePlan(
      next,
      { reviewOn, ...(cadence !== undefined && { cadence }), ...(nextAction && { nextAction }) },
      context,
    );
  } else if (parsed.cadence !== undefined || parsed.nextAction !== undefined) {
    throw validationError(
      'reviewOn',
      'is needed to change the cadence or next action: when will you look again?',
    );
  }
  const changed = next.state === 'active';
  return {
    plan: next,
    review: {
      id: context.id,
      planId: plan.id,
      answers: parsed.answers,
      decision: parsed.decision,
      note: parsed.note || null,
      reviewOn: plan.reviewOn,
      newReviewOn: changed ? next.reviewOn : null,
      newCadence: changed && parsed.cadence !== undefined ? next.cadence : null,
      newNextAction: changed && parsed.nextAction !== undefined ? next.nextAction : null,
      createdAt: instantString(toInstant(context.now)),
    },
  };
}
