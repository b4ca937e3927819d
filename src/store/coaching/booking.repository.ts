import type { Insertable, Kysely } from 'kysely';
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
export async function insertBookingIfFree(store: Store, row: NewBookingRow): Promise<BookingWrite> {
  try {
    return await inTransaction(store, async (trx) => {
      const clash = await overlapping(trx, row.coach_id, toIso(row.blocked_from), toIso(row.blocked_until))
        .select('id')
        .executeTakeFirst();
      if (clash) return 'taken';
      await trx.insertInto('bookings').values(row).execute();
      return 'booked';
    });
  } catch (error) {
    if (isExclusionViolation(error)) return 'taken';
    if (isUniqueViolation(error) && row.idempotency_key != null) return 'duplicate-key';
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
