import * as z from 'zod/mini';
import '../schema-messages.js';

/**
 * A second, blind rater: the shapes the API takes and sends. The rater sees idea texts behind
 * opaque tokens and nothing else — no phase, time, source, id or the researcher's values.
 */

export const RATER_NAME_MAX = 80;

/** The web page a second rater opens: `/rate/TOKEN`. */
export const SECOND_RATER_PATH = '/rate';

/** Inviting: optionally the rater's name, so the researcher's card says who it is for. */
export const SecondRaterInviteInput = z.strictObject({
  name: z.optional(
    z.nullable(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(RATER_NAME_MAX))),
  ),
});

/** Where the second rating stands, as the researcher sees it (no values: the rater's are blind too). */
export const SecondRaterInvitation = z.object({
  id: z.string(),
  raterName: z.nullable(z.string()),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  /**
   * True for an invitation restored from a backup: its values count, but its link no longer works;
   * inviting again starts a new rating.
   */
  linkEnded: z.boolean(),
  /** Ideas the second rater has rated, of `total` kept ideas. */
  rated: z.number(),
  total: z.number(),
});
export type SecondRaterInvitation = z.infer<typeof SecondRaterInvitation>;

export const SecondRaterStatus = z.object({ invitation: z.nullable(SecondRaterInvitation) });
export type SecondRaterStatus = z.infer<typeof SecondRaterStatus>;

/** The answer to an invitation: the link, shown this once (only its SHA-256 is kept). */
export const NewSecondRaterLink = z.object({
  invitation: SecondRaterInvitation,
  token: z.string(),
  link: z.string(),
});
export type NewSecondRaterLink = z.infer<typeof NewSecondRaterLink>;

const ShownIdea = z.object({ token: z.string(), text: z.string() });

/** What the token holder sees: one idea text at a time, and their own ratings to undo or change. */
export const SecondRaterQueueView = z.object({
  raterName: z.nullable(z.string()),
  total: z.number(),
  rated: z.number(),
  /** Once finished, the ratings are the researcher's to read and can no longer change. */
  finished: z.boolean(),
  /** Null once every idea is rated (then the rating can be finished). */
  next: z.nullable(ShownIdea),
  /** The ratings given so far, the most recent first (what "undo" takes back). */
  ratings: z.array(z.extend(ShownIdea, { value: z.number() })),
});
export type SecondRaterQueueView = z.infer<typeof SecondRaterQueueView>;
