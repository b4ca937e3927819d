import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { Problem } from '../problem.js';
import { Email, PersonName } from '../team/account.js';
import { TimeZone } from '../time-zone.js';
import { PublicCoach } from './coach-profile.js';
import { BOOKING_ANSWER_MAX, PublicConversationType } from './conversation-type.js';
import '../schema-messages.js';

/** One bookable start, in the booker's zone for display (`localDate`, `localTime`). */
export const Slot = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localDate: z.string(),
  localTime: z.string(),
});
export type Slot = z.infer<typeof Slot>;

/** `GET /public/book/{handle}/{type}/slots?timeZone=…&from=…&to=…`: free slots grouped by local day. */
export const SlotList = z.object({
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), slots: z.array(Slot) })),
});
export type SlotList = z.infer<typeof SlotList>;

/** `GET /public/book/{handle}`: a coach's public page, with the types one can book. */
export const PublicCoachPage = z.object({ coach: PublicCoach, types: z.array(PublicConversationType) });
export type PublicCoachPage = z.infer<typeof PublicCoachPage>;

/** `GET /public/book/{handle}/{type}`: what the booking page shows before the slots. */
export const PublicBookingPage = z.object({ coach: PublicCoach, type: PublicConversationType });
export type PublicBookingPage = z.infer<typeof PublicBookingPage>;

/** The slot list's query: the visitor's zone and, optionally, a window of starts (default: all). */
export const SlotQuery = z.strictObject({
  timeZone: TimeZone,
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});
export type SlotQuery = z.infer<typeof SlotQuery>;

/** A visitor's booking of one slot. */
export const BookingRequest = z.strictObject({
  /** The slot's start (an instant from the slot list). */
  start: z.iso.datetime({ offset: true }),
  name: PersonName,
  email: Email,
  /** The booker's zone, for their mails and pages. */
  timeZone: TimeZone,
  /** Answers to the type's questions, by question id. */
  answers: z.record(
    z.string(),
    z
      .string()
      .check(z.trim(), z.maxLength(BOOKING_ANSWER_MAX, `must be at most ${BOOKING_ANSWER_MAX} characters`)),
  ),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const RescheduleRequest = z.strictObject({ start: z.iso.datetime({ offset: true }) });
export const CancelRequest = z.strictObject({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});

export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Why a requested start cannot be booked (422, or 409 for `taken`). */
export const SLOT_REFUSALS = [
  'taken',
  'outside-availability',
  'past',
  'inside-notice',
  'beyond-horizon',
  'limit-reached',
  'not-on-increment',
] as const;
export type SlotRefusal = (typeof SLOT_REFUSALS)[number];

const person = z.object({ name: z.string(), email: z.string() });

/** A booking as its coach sees it. */
export const Booking = z.object({
  id: z.string(),
  status: z.enum(BOOKING_STATUSES),
  type: z.object({ id: z.string(), slug: z.string(), title: z.string(), durationMinutes: z.number() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  booker: person,
  bookerTimeZone: z.string(),
  /** The researcher's account, when the booker is a member (matched by email) or signed up since. */
  researcherId: z.nullable(z.string()),
  answers: z.array(z.object({ questionId: z.string(), prompt: z.string(), answer: z.string() })),
  location: z.string(),
  sequence: z.number(),
  createdAt: z.iso.datetime(),
  cancelledAt: z.nullable(z.iso.datetime()),
  cancelReason: z.nullable(z.string()),
});
export type Booking = z.infer<typeof Booking>;
export const BookingList = listOf(Booking);
export type BookingList = z.infer<typeof BookingList>;

/**
 * What the holder of a booking's private link sees (`/public/bookings/{token}`): enough to
 * reschedule or cancel, and to open the conversation, without an account.
 */
export const ManagedBooking = z.object({
  status: z.enum(BOOKING_STATUSES),
  coach: z.object({ handle: z.string(), displayName: z.string() }),
  type: z.object({ slug: z.string(), title: z.string(), durationMinutes: z.number() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  booker: person,
  bookerTimeZone: z.string(),
  location: z.string(),
  /** True until the conversation's start; afterwards a change needs the coach. */
  changeable: z.boolean(),
});
export type ManagedBooking = z.infer<typeof ManagedBooking>;

/** The answer to a booking (201): the booking as the booker sees it and the private manage link. */
export const BookingConfirmation = z.object({
  booking: ManagedBooking,
  /** The absolute address of the manage page (reschedule, cancel, open the conversation). */
  manageUrl: z.string(),
});
export type BookingConfirmation = z.infer<typeof BookingConfirmation>;

/**
 * The problem document of a refused booking: `reason` says why (one of SLOT_REFUSALS); for a time
 * taken in the meantime (409) `slots` holds the free slots around it, fresh.
 */
export const BookingProblem = z.extend(Problem, {
  reason: z.optional(z.enum(SLOT_REFUSALS)),
  slots: z.optional(SlotList),
});
export type BookingProblem = z.infer<typeof BookingProblem>;

/** `POST /public/bookings/{token}/account`: where the mail went. */
export const AccountRequested = z.object({ sentTo: z.string() });
export type AccountRequested = z.infer<typeof AccountRequested>;
