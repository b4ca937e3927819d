import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { trimmedText } from '../text.js';
import { Slug } from './coach-profile.js';
import '../schema-messages.js';

export const LOCATION_KINDS = ['video', 'place'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

import { BOOKING_QUESTIONS_MAX } from './limits.js';

export { BOOKING_QUESTIONS_MAX };
export const BOOKING_ANSWER_MAX = 1000;

const minutes = (min: number, max: number) =>
  z.int().check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`));

/** A question asked when booking ("What would you most like to get better at?"). */
export const BookingQuestion = z.strictObject({
  /** Stable within the type, so answers survive a reworded prompt: `q1`, `goal`… */
  id: z.string().check(z.regex(/^[a-z0-9-]{1,20}$/, 'must be 1–20 lower-case letters, digits or hyphens')),
  prompt: trimmedText(200, 1),
  required: z.boolean(),
});
export type BookingQuestion = z.infer<typeof BookingQuestion>;

/**
 * A kind of conversation a coach offers ("60-minute debugging conversation"): its length, where it
 * happens and the rules that shape its slots. All durations in minutes.
 */
export const ConversationTypeInput = z.strictObject({
  slug: Slug,
  title: trimmedText(100, 1),
  description: trimmedText(1000),
  durationMinutes: minutes(10, 240),
  locationKind: z.enum(LOCATION_KINDS),
  /** A video link (https://…) or a place ("Room 2.14, Physics building"). */
  location: trimmedText(500, 1),
  bufferBeforeMinutes: minutes(0, 120),
  bufferAfterMinutes: minutes(0, 120),
  /** How soon a slot may start after the booking is made. */
  minimumNoticeMinutes: minutes(0, 60 * 24 * 14),
  /** How far ahead one may book, in days from today. */
  horizonDays: minutes(1, 365),
  /** Most bookings of this coach (all types) that start on one day / in one ISO week; null: no limit. */
  dailyLimit: z.nullable(minutes(1, 24)),
  weeklyLimit: z.nullable(minutes(1, 100)),
  /** Slots start every this many minutes from the start of each available range. */
  slotIncrementMinutes: minutes(5, 240),
  questions: z
    .array(BookingQuestion)
    .check(z.maxLength(BOOKING_QUESTIONS_MAX, `at most ${BOOKING_QUESTIONS_MAX} questions`)),
  /** Hidden types keep their bookings but take no new ones and have no public page. */
  active: z.boolean(),
});
export type ConversationTypeInput = z.infer<typeof ConversationTypeInput>;

/** A type as its coach sees it: what they set, with its id and times. */
export const ConversationType = z.extend(ConversationTypeInput, {
  id: z.string(),
  coachId: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ConversationType = z.infer<typeof ConversationType>;
export const ConversationTypeList = listOf(ConversationType);
export type ConversationTypeList = z.infer<typeof ConversationTypeList>;

/** A type as the public booking page sees it: the location is told only in the confirmation. */
export const PublicConversationType = z.pick(ConversationTypeInput, {
  slug: true,
  title: true,
  description: true,
  durationMinutes: true,
  locationKind: true,
  questions: true,
});
export type PublicConversationType = z.infer<typeof PublicConversationType>;
