import { type Kysely, sql } from 'kysely';
import type { Store } from './connect.js';
import type { Database } from './schema.js';

/**
 * Runs `work` in one transaction: all of it is written, or none. On SQLite the transaction takes
 * the write lock up front (BEGIN IMMEDIATE), so a concurrent writer in another process makes it
 * wait for busy_timeout instead of failing half-way with SQLITE_BUSY.
 */
export async function inTransaction<T>(
  store: Store,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (store.engine === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
