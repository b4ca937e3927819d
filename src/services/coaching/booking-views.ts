import type { Booking, BookingStatus, ManagedBooking } from '../../core/coaching/booking.js';
import type { CoachProfile } from '../../core/coaching/coach-profile.js';
import type { BookingRecord } from '../../store/coaching/booking.repository.js';
import { toIso, toIsoOrNull } from '../../store/rows.js';

/** One answer as kept with the booking: the prompt asked then, and what the booker wrote. */
export interface KeptAnswer {
  questionId: string;
  prompt: string;
  answer: string;
}

export const answersOf = (record: BookingRecord): KeptAnswer[] => JSON.parse(record.answers) as KeptAnswer[];

/** A booking as its coach sees it. */
export function coachView(record: BookingRecord): Booking {
  return {
    id: record.id,
    status: record.status as BookingStatus,
    type: {
      id: record.type_id,
      slug: record.type_slug,
      title: record.type_title,
      durationMinutes: Number(record.type_duration_minutes),
    },
    start: toIso(record.start_at),
    end: toIso(record.end_at),
    booker: { name: record.booker_name, email: record.booker_email },
    bookerTimeZone: record.booker_time_zone,
    researcherId: record.researcher_id,
    answers: answersOf(record),
    location: record.location,
    sequence: Number(record.sequence),
    createdAt: toIso(record.created_at),
    cancelledAt: toIsoOrNull(record.cancelled_at),
    cancelReason: record.cancel_reason,
  };
}

/** A booking as the holder of its private link sees it. */
export function bookerView(record: BookingRecord, coach: CoachProfile, now: string): ManagedBooking {
  const start = toIso(record.start_at);
  return {
    status: record.status as BookingStatus,
    coach: { handle: coach.handle, displayName: coach.displayName },
    type: {
      slug: record.type_slug,
      title: record.type_title,
      durationMinutes: Number(record.type_duration_minutes),
    },
    start,
    end: toIso(record.end_at),
    booker: { name: record.booker_name, email: record.booker_email },
    bookerTimeZone: record.booker_time_zone,
    location: record.location,
    changeable: record.status === 'confirmed' && now < start,
  };
}
