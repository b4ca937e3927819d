/**
 * The calendar invitation (ICS text) sent with a booked conversation.
 *
 * Follows RFC 5546 (iTIP) so calendar apps keep one event per booking: a
 * reschedule is a `METHOD:REQUEST` with the same UID and a higher SEQUENCE,
 * and a cancel is `METHOD:CANCEL` with `STATUS:CANCELLED`. Apps then update or
 * remove the event they already hold instead of adding another one.
 *
 * Pure: every instant, DTSTAMP included, comes from the input.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { CalendarMethod } from '../mail.js';

/** The outbox carries these invitations, so the method list is the mail's (core/mail.ts). */
export type InvitationMethod = CalendarMethod;

export interface InvitationInput {
  method: InvitationMethod;
  /** Stable across reschedules, e.g. `${bookingId}@whetstone`. */
  uid: string;
  /** 0 on booking, +1 on each reschedule or cancel. */
  sequence: number;
  /** UTC ISO instants. */
  start: string;
  end: string;
  summary: string;
  /** Plain text: answers, manage link. */
  description: string;
  /** Video link or place. */
  location: string;
  /** The manage link. */
  url?: string;
  organizer: { name: string; email: string }; // the coach
  attendee: { name: string; email: string }; // the researcher
  /** UTC ISO instant used for DTSTAMP. */
  stamp: string;
}

export const INVITATION_PROD_ID = '//Whetstone//Debugging conversations//EN';

function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} is not a valid instant: ${value}`);
  return date;
}

/** The ICS text of a one-event iTIP message (REQUEST or CANCEL) for a booking. */
export function invitationIcs(input: InvitationInput): string {
  const start = instant(input.start, 'start');
  const end = instant(input.end, 'end');
  const stamp = instant(input.stamp, 'stamp');
  if (end.getTime() <= start.getTime()) throw new RangeError('Invitation end must be after its start');
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError(`Invitation sequence must be a non-negative integer, got ${input.sequence}`);
  }
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: INVITATION_PROD_ID,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp,
    start,
    end,
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      },
    ],
  });
  return calendar.toString();
}
