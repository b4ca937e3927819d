/**
 * The coach's private bookings feed: one ICS calendar a calendar app subscribes to, with one
 * event per confirmed booking. Each event keeps the booking's invitation UID and SEQUENCE, so an
 * app that also accepted the mailed invitation sees one event, not two.
 *
 * Pure: every instant, DTSTAMP included, comes from the input.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface FeedBooking {
  /** The booking's invitation UID (its `ical_uid`). */
  uid: string;
  sequence: number;
  /** UTC ISO instants. */
  start: string;
  end: string;
  typeTitle: string;
  booker: { name: string; email: string };
  answers: readonly { prompt: string; answer: string }[];
  location: string;
}

export interface BookingsFeedInput {
  /** The calendar's display name, e.g. "Cora Coach: bookings". */
  name: string;
  bookings: readonly FeedBooking[];
  /** UTC ISO instant used for every DTSTAMP. */
  stamp: string;
}

export const BOOKINGS_FEED_PROD_ID = '//Whetstone//Coach bookings//EN';
/** How often an app should poll: bookings arrive any time, so more often than a day. */
const REFRESH_SECONDS = 15 * 60;

/** The event text the coach reads: who booked, and what they answered. */
export function feedDescription(booking: FeedBooking): string {
  const lines = [`Booked by ${booking.booker.name} <${booking.booker.email}>`];
  for (const { prompt, answer } of booking.answers) if (answer) lines.push('', prompt, answer);
  return lines.join('\n');
}

export function bookingsFeedIcs(input: BookingsFeedInput): string {
  const calendar = ical({
    prodId: BOOKINGS_FEED_PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: input.name,
    ttl: REFRESH_SECONDS,
  });
  const stamp = new Date(input.stamp);
  for (const booking of input.bookings)
    calendar.createEvent({
      id: booking.uid,
      sequence: booking.sequence,
      stamp,
      start: new Date(booking.start),
      end: new Date(booking.end),
      summary: `${booking.typeTitle}: ${booking.booker.name}`,
      description: feedDescription(booking),
      location: booking.location || null,
      status: ICalEventStatus.CONFIRMED,
    });
  return calendar.toString();
}
