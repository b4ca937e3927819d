import { type Kysely, sql } from 'kysely';
import { addLiveTriggers } from '../live/live-triggers.js';
import type { Engine } from '../schema.js';

/**
 * The tables whose writes an open page shows, as of this migration: the user's data, and what
 * decides whether a stream's session still stands (sessions, memberships, tokens). Frozen here;
 * a later table gets its triggers in its own migration.
 */
const LIVE_TABLES = [
  'ideas',
  'areas',
  'sessions',
  'decks',
  'experiments',
  'measurements',
  'pools',
  'plans',
  'plan_ideas',
  'practice_logs',
  'interruptions',
  'reviews',
  'auth_sessions',
  'memberships',
  'access_tokens',
];

/**
 * PostgreSQL only: the live event stream by LISTEN/NOTIFY (decision 0018). Every statement that
 * writes a user's rows in one of LIVE_TABLES raises that user's change number in `live_changes`
 * and notifies `whetstone_live` with `userId:number`, in the writing transaction — so the notice
 * goes out at commit, whether the server or a `whet` command wrote. SQLite has one serving
 * process and keeps watching its own counters (`live/sqlite-change-feed.ts`).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`create table live_changes (user_id text primary key, version bigint not null)`.execute(db);
  // One upsert and one notice per user a statement touched, however many rows; the upsert's row
  // lock makes a user's numbers rise one at a time, in commit order.
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
        perform pg_notify('whetstone_live', changed.user_id || ':' || changed.version);
      end loop;
      return null;
    end $$`.execute(db);
  for (const table of LIVE_TABLES) await addLiveTriggers(db, table);
}
