import * as z from 'zod/mini';
import '../schema-messages.js';
import { RATING_MAX, RATING_MIN } from './card.js';
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

/** What the rater gets: how far they are and the next idea's text — nothing else. */
export const RatingQueueView = z.object({
  total: z.number(),
  rated: z.number(),
  next: z.nullable(z.object({ token: z.string(), text: z.string() })),
});
export type RatingQueueView = z.infer<typeof RatingQueueView>;
