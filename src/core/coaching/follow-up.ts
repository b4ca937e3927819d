import * as z from 'zod/mini';
import { trimmedText } from '../text.js';
import { Slug } from './coach-profile.js';
import '../schema-messages.js';

import { FOLLOW_UP_STARTS_MAX } from './limits.js';

export { FOLLOW_UP_STARTS_MAX };

/**
 * The follow-up a coach proposes at the end of a conversation: one of their conversation types,
 * optionally with a few start times they offer (the researcher books one on the public page).
 */
export const FollowUpInput = z.strictObject({
  typeSlug: Slug,
  starts: z
    .array(z.iso.datetime({ offset: true }))
    .check(z.maxLength(FOLLOW_UP_STARTS_MAX, `at most ${FOLLOW_UP_STARTS_MAX} times`)),
  note: z.optional(trimmedText(500)),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

/** The follow-up as both people see it, with the booking page's address. */
export const FollowUp = z.object({
  typeSlug: z.string(),
  typeTitle: z.string(),
  bookUrl: z.string(),
  starts: z.array(z.iso.datetime()),
  note: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Ending a conversation, with the follow-up to propose (optional). */
export const EndConversationInput = z.strictObject({ followUp: z.optional(FollowUpInput) });
