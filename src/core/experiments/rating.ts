import * as z from 'zod/mini';
import '../schema-messages.js';
import { RATING_MAX, RATING_MIN } from './card.js';
import { EXCLUSION_REASON_MAX } from './exclusion-reasons.js';
import { EXPERIMENT_ACTIONS } from './transitions.js';

/** One blind rating: the opaque token of the item on screen and its value. */
export const RatingInput = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(64)),
  value: z
    .number('must be a number')
    .check(
      z.int('must be a whole number'),
      z.minimum(RATING_MIN, `must be from ${RATING_MIN} to ${RATING_MAX}`),
      z.maximum(RATING_MAX, `must be from ${RATING_MIN} to ${RATING_MAX}`),
    ),
});

/** A step of the experiment's state machine, as the API and the CLI request it. */
export const StepInput = z.strictObject({
  action: z.enum(EXPERIMENT_ACTIONS.filter((a) => a !== 'revisePrediction') as [string, ...string[]]),
  /** With startFocused: the person confirms ending the passive phase before its planned end. */
  early: z.optional(z.boolean()),
});

/** One triage decision: set the idea behind `token` aside (with a reason), or take it back (null). */
export const TriageInput = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(64)),
  excluded: z.nullable(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'give a short reason, e.g. "Not an improvement idea"'),
        z.maxLength(EXCLUSION_REASON_MAX),
      ),
  ),
});
export type TriageInput = z.infer<typeof TriageInput>;

const ShownIdea = z.object({ token: z.string(), text: z.string() });

/**
 * What the rater gets — texts and opaque tokens only, never a phase, time, source or id.
 * `stage` is `triage` first (every counted idea, mixed, to set aside what is not an improvement
 * idea), then `rating` (one idea at a time; `next` is null once all are rated and the rating can
 * be finished). Until it is finished, `ratings` (the last one first) can be undone or changed.
 */
export const RatingQueueView = z.object({
  stage: z.enum(['triage', 'rating']),
  /** Ideas to rate: those not set aside. */
  total: z.number(),
  rated: z.number(),
  /** Ideas set aside in the triage. */
  excluded: z.number(),
  next: z.nullable(ShownIdea),
  /** The ratings given so far, the most recent first (what "undo" takes back). */
  ratings: z.array(z.extend(ShownIdea, { value: z.number() })),
  /** In the triage: every idea in the shown order, and why it is set aside (null: kept). */
  triage: z.array(z.extend(ShownIdea, { excluded: z.nullable(z.string()) })),
});
export type RatingQueueView = z.infer<typeof RatingQueueView>;
