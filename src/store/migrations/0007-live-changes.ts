import { type Kysely, sql } from 'kysely';
import { LIVE_CHANNEL, LIVE_TABLES } from '../live/live-tables.js';
import type { Engine } from '../schema.js';

/**
 * PostgreSQL only: the live event stream by LISTEN/NOTIFY (decision 0018). Every statement that
 * writes a user's rows in one of LIVE_TABLES raises that user's change number in `live_changes`
 * and notifies LIVE_CHANNEL with `userId:number`, in the writing transaction — so the notice goes
 * out at commit, from the server and from a `whet` command alike. SQLite has one process and
 * keeps watching its own counters (see `live/sqlite-change-feed.ts`).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`create table live_changes (user_id text primary key, version bigint not null)`.execute(db);
  // One statement, one upsert and one notice per user it touched, however many rows; the
  // upsert's row lock makes a user's numbers rise one at a time, in commit order.
  await sql`
    create function live_change_notify() returns trigger language plpgsql as $$
    declare
      changed record;
    begin
      for changed in
        insert into live_changes as l (user_id, version)
          select distinct user_id, 1 from changed_rows where user_id is not null order by user_id
        on conflict (user_id) do update set version = l.version + 1
        returning l.user_id, l.version
      loop
        perform pg_notify(${sql.lit(LIVE_CHANNEL)}, changed.user_id || ':' || changed.version);
      end loop;
      return null;
    end $$`.execute(db);
  for (const table of LIVE_TABLES) {
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
}
