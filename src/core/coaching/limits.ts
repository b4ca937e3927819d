/**
 * The coaching numbers and names the browser needs too, as plain data: a page that shows a limit
 * should not have to load the schemas (and their packages) that enforce it.
 */

/** Questions a conversation type may ask at booking. */
export const BOOKING_QUESTIONS_MAX = 5;
/** Times a coach may offer in one follow-up proposal. */
export const FOLLOW_UP_STARTS_MAX = 5;
/** The Yjs text the shared notes live in (both sides and the server use this name). */
export const SHARED_NOTES_FIELD = 'notes';
/** A client is due a follow-up this many days after their last conversation, if none is booked. */
export const FOLLOW_UP_DUE_DAYS = 14;
