import { type Kysely, sql } from 'kysely';

/**
 * The channel PostgreSQL announces live changes on, `userId:number` (migration 0008 wrote it into
 * `live_change_notify()`; change both together, in a new migration).
 */
export const LIVE_CHANNEL = 'whetstone_live';

/**
 * Makes every statement writing `table` (which has a `user_id`) raise the change number of each
 * user it touched and notify it, through migration 0008's `live_change_notify()`. A new table
 * whose rows an open page shows calls this in its own migration, on PostgreSQL only.
 */
export async function addLiveTriggers(db: Kysely<unknown>, table: string): Promise<void> {
  // A trigger with a transition table names one event, so each table gets three.
  for (const [event, rows] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql
      .raw(
        `create trigger ${table}_live_${event} after ${event} on ${table}
         referencing ${rows} table as changed_rows
         for each statement execute function live_change_notify()`,
      )
      .execute(db);
  }
}
