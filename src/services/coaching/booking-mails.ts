import type { Kysely } from 'kysely';
import { type BookingMailKind, bookingMail } from '../../core/coaching/booking-mail.js';
import type { CoachProfile } from '../../core/coaching/coach-profile.js';
import type { OutgoingMail } from '../../core/mail.js';
import type { BookingRecord } from '../../store/coaching/booking.repository.js';
import { toIso } from '../../store/rows.js';
import type { Database } from '../../store/schema.js';
import { answersOf } from './booking-views.js';

/** Where booking mails go: the outbox, written in the booking's own transaction. */
export interface BookingMailer {
  enqueue(mail: OutgoingMail, trx: Kysely<Database>): Promise<string>;
  /** After the commit: deliver soon rather than at the next poll. */
  wake(): void;
}

export interface BookingMailContext {
  kind: BookingMailKind;
  /** The booking as it is after the change (new time, new sequence, or cancelled). */
  booking: BookingRecord;
  coach: CoachProfile;
  /** The coach's account address; undefined when the account is gone (then only the booker hears). */
  coachEmail: string | undefined;
  /** The booker's private page, or for a cancellation the coach's booking page. */
  bookerLink: string;
  coachLink: string;
  stamp: string;
  previousStart?: string | undefined;
}

/**
 * Writes one booking event's mails, to the booker and to the coach, inside `trx`: they are sent
 * only if the change commits. Without a mail server nothing is written.
 */
export async function writeBookingMails(
  mailer: BookingMailer | null,
  trx: Kysely<Database>,
  context: BookingMailContext,
): Promise<void> {
  if (!mailer) return;
  const { booking, coach } = context;
  const facts = {
    kind: context.kind,
    coach: { name: coach.displayName, email: context.coachEmail ?? '', timeZone: coach.timeZone },
    booker: { name: booking.booker_name, email: booking.booker_email, timeZone: booking.booker_time_zone },
    typeTitle: booking.type_title,
    start: toIso(booking.start_at),
    end: toIso(booking.end_at),
    previousStart: context.previousStart,
    location: booking.location,
    answers: answersOf(booking),
    uid: booking.ical_uid,
    sequence: Number(booking.sequence),
    stamp: context.stamp,
    cancelReason: booking.cancel_reason,
  };
  await mailer.enqueue(bookingMail({ ...facts, recipient: 'booker', link: context.bookerLink }), trx);
  if (context.coachEmail)
    await mailer.enqueue(bookingMail({ ...facts, recipient: 'coach', link: context.coachLink }), trx);
}
