import type { Insertable, Kysely, Selectable } from 'kysely';
import type { BookedTime } from '../../core/coaching/slots.js';
import type { Store } from '../connect.js';
import { toIso } from '../rows.js';
import type { BookingsTable, Database } from '../schema.js';
import { inTransaction } from '../transaction.js';
import { isUniqueViolation } from '../unique-violation.js';

type Db = Kysely<Database>;

/** A new booking row; instants as canonical UTC ISO text (SQLite compares them as text). */
export type NewBookingRow = Insertable<BookingsTable> & { status: 'confirmed' };

/** What became of an attempt to book: written, refused because the time is kept, or a retry. */
export type BookingWrite = 'booked' | 'taken' | 'duplicate-key';

/** PostgreSQL's exclusion_violation: `bookings_no_overlap` refused an overlapping booking. */
const isExclusionViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23P01';

/**
 * Writes the booking if its kept time is free: two confirmed bookings of one coach never keep
 * overlapping time, whatever races them. The check answers the common case; the guarantee is the
 * database's (decision 0023): on PostgreSQL the exclusion constraint, on SQLite the write lock
 * `inTransaction` takes before the check, so no other writer can insert between check and insert.
 */
export async function insertBookingIfFree(
  store: Store,
  row: NewBookingRow,
  /** Written in the same transaction once the booking is (its mails): all of it or nothing. */
  alsoWrite: (trx: Db) => Promise<void> = async () => {},
): Promise<BookingWrite> {
  try {
    return await inTransaction(store, async (trx) => {
      const clash = await overlapping(trx, row.coach_id, toIso(row.blocked_from), toIso(row.blocked_until))
        .select('id')
        .executeTakeFirst();
      if (clash) return 'taken';
      await trx.insertInto('bookings').values(row).execute();
      await alsoWrite(trx);
      return 'booked';
    });
  } catch (error) {
    if (isExclusionViolation(error)) return 'taken';
    if (isUniqueViolation(error) && row.idempotency_key != null) return 'duplicate-key';
    throw error;
  }
}

/** A confirmed booking's new time: start, end and the buffered time it keeps. */
export interface BookingMove {
  startAt: string;
  endAt: string;
  blockedFrom: string;
  blockedUntil: string;
  sequence: number;
  manageTokenHash: string;
}

/**
 * Moves a confirmed booking if its new kept time is free of the coach's other bookings, with the
 * same guarantee as `insertBookingIfFree`; 'gone' when it is no longer confirmed at `sequence - 1`
 * (cancelled or moved by a racing request meanwhile).
 */
export async function moveBookingIfFree(
  store: Store,
  booking: { id: string; coachId: string },
  move: BookingMove,
  alsoWrite: (trx: Db) => Promise<void> = async () => {},
): Promise<'moved' | 'taken' | 'gone'> {
  try {
    return await inTransaction(store, async (trx) => {
      const clash = await overlapping(trx, booking.coachId, move.blockedFrom, move.blockedUntil)
        .where('id', '!=', booking.id)
        .select('id')
        .executeTakeFirst();
      if (clash) return 'taken';
      const result = await trx
        .updateTable('bookings')
        .set({
          start_at: move.startAt,
          end_at: move.endAt,
          blocked_from: move.blockedFrom,
          blocked_until: move.blockedUntil,
          sequence: move.sequence,
          manage_token_hash: move.manageTokenHash,
          // A new time deserves new reminders.
          reminded_day_at: null,
          reminded_hour_at: null,
        })
        .where('id', '=', booking.id)
        .where('status', '=', 'confirmed')
        .where('sequence', '=', move.sequence - 1)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'gone';
      await alsoWrite(trx);
      return 'moved';
    });
  } catch (error) {
    if (isExclusionViolation(error)) return 'taken';
    throw error;
  }
}

function overlapping(db: Db, coachId: string, from: string, to: string) {
  return db
    .selectFrom('bookings')
    .where('coach_id', '=', coachId)
    .where('status', '=', 'confirmed')
    .where('blocked_from', '<', to)
    .where('blocked_until', '>', from);
}

/** A booking row with its type's title, slug and length. */
export type BookingRecord = Selectable<BookingsTable> & {
  type_slug: string;
  type_title: string;
  type_duration_minutes: number;
};

/** Which reminder: a day or an hour before the start. */
export type ReminderKind = 'day' | 'hour';

/** Reads and plain updates of bookings; the writes that must not overlap are the functions above. */
export class BookingRepository {
  constructor(private readonly db: Db) {}

  private withType() {
    return this.db
      .selectFrom('bookings')
      .innerJoin('conversation_types', 'conversation_types.id', 'bookings.type_id')
      .selectAll('bookings')
      .select([
        'conversation_types.slug as type_slug',
        'conversation_types.title as type_title',
        'conversation_types.duration_minutes as type_duration_minutes',
      ]);
  }

  async byId(coachId: string, id: string): Promise<BookingRecord | undefined> {
    return this.withType()
      .where('bookings.coach_id', '=', coachId)
      .where('bookings.id', '=', id)
      .executeTakeFirst();
  }

  /** Confirmed bookings `userId` takes part in — as the coach or as the researcher — with the room's end. */
  async conversationsOf(userId: string): Promise<(BookingRecord & { ended_at: string | Date | null })[]> {
    return this.withType()
      .leftJoin('conversations', 'conversations.booking_id', 'bookings.id')
      .select('conversations.ended_at')
      .where('bookings.status', '=', 'confirmed')
      .where((eb) => eb.or([eb('bookings.coach_id', '=', userId), eb('bookings.researcher_id', '=', userId)]))
      .orderBy('bookings.start_at')
      .limit(500)
      .execute();
  }

  /** A booking by id alone, for the room (the service checks the caller is one of its two people). */
  async find(id: string): Promise<BookingRecord | undefined> {
    return this.withType().where('bookings.id', '=', id).executeTakeFirst();
  }

  async byManageTokenHash(hash: string): Promise<BookingRecord | undefined> {
    return this.withType().where('bookings.manage_token_hash', '=', hash).executeTakeFirst();
  }

  async byIdempotencyKey(key: string): Promise<BookingRecord | undefined> {
    return this.withType().where('bookings.idempotency_key', '=', key).executeTakeFirst();
  }

  /** The coach's bookings starting in `[from, to)`, earliest first. */
  async listForCoach(
    coachId: string,
    window: { from?: string | undefined; to?: string | undefined; status?: string | undefined },
  ): Promise<BookingRecord[]> {
    let query = this.withType().where('bookings.coach_id', '=', coachId);
    if (window.from) query = query.where('bookings.start_at', '>=', window.from);
    if (window.to) query = query.where('bookings.start_at', '<', window.to);
    if (window.status) query = query.where('bookings.status', '=', window.status);
    return query.orderBy('bookings.start_at').orderBy('bookings.id').limit(500).execute();
  }

  /** The coach's confirmed bookings whose kept time meets `[from, to)`, for slot computation. */
  async bookedTimes(coachId: string, from: string, to: string, except?: string): Promise<BookedTime[]> {
    let query = overlapping(this.db, coachId, from, to);
    // A booking being moved does not stand in its own way.
    if (except) query = query.where('id', '!=', except);
    const rows = await query.select(['start_at', 'blocked_from', 'blocked_until']).execute();
    return rows.map((row) => ({
      start: toIso(row.start_at),
      blockedFrom: toIso(row.blocked_from),
      blockedUntil: toIso(row.blocked_until),
    }));
  }

  /** Confirmed bookings of this coach by this address that have not started yet. */
  async countUpcomingFor(coachId: string, email: string, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('coach_id', '=', coachId)
      .where('booker_email', '=', email)
      .where('status', '=', 'confirmed')
      .where('start_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Cancels a confirmed booking at `sequence`; false when it was cancelled or moved meanwhile. */
  async cancel(id: string, sequence: number, at: string, reason: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelled_at: at, cancel_reason: reason, sequence: sequence + 1 })
      .where('id', '=', id)
      .where('status', '=', 'confirmed')
      .where('sequence', '=', sequence)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Confirmed bookings starting in `(now, until]` whose `kind` reminder is not out yet. */
  async dueForReminder(
    kind: ReminderKind,
    now: string,
    until: string,
    limit: number,
  ): Promise<BookingRecord[]> {
    const column = kind === 'day' ? 'reminded_day_at' : 'reminded_hour_at';
    return this.withType()
      .where('bookings.status', '=', 'confirmed')
      .where(`bookings.${column}`, 'is', null)
      .where('bookings.start_at', '>', now)
      .where('bookings.start_at', '<=', until)
      .orderBy('bookings.start_at')
      .limit(limit)
      .execute();
  }

  /**
   * Marks the reminder as sent if nobody has yet; one conditional update, so of several server
   * processes exactly one sends it. True for the one that took it.
   */
  async claimReminder(id: string, kind: ReminderKind, at: string): Promise<boolean> {
    const column = kind === 'day' ? 'reminded_day_at' : 'reminded_hour_at';
    const result = await this.db
      .updateTable('bookings')
      .set({ [column]: at })
      .where('id', '=', id)
      .where('status', '=', 'confirmed')
      .where(column, 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * A new account takes over the bookings made with its address that no account had yet, and their
   * rooms: the conversations a booker had before signing up are theirs from then on.
   */
  async linkBooker(email: string, researcherId: string): Promise<void> {
    const unlinked = this.db
      .selectFrom('bookings')
      .select('id')
      .where('booker_email', '=', email.toLowerCase())
      .where('researcher_id', 'is', null);
    await this.db
      .updateTable('conversations')
      .set({ researcher_id: researcherId })
      .where('booking_id', 'in', unlinked)
      .execute();
    await this.db
      .updateTable('bookings')
      .set({ researcher_id: researcherId })
      .where('booker_email', '=', email.toLowerCase())
      .where('researcher_id', 'is', null)
      .execute();
  }
}
