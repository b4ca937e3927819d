import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/** The conversation room's tables; each row names its booking, whose room has two people. */
const ROOM_TABLES = ['conversations', 'conversation_note_updates', 'conversation_ideas'] as const;

/**
 * PostgreSQL only: a write in a conversation room reaches both its people's live streams at once
 * (decision 0018's change numbers), so each sees the other's typing, the guide's question and a
 * proposed idea within a second. The room's rows carry a booking id, not a user id, so this
 * trigger function finds the coach and the researcher through `conversations`.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`
    create function conversation_live_notify() returns trigger language plpgsql as $$
    declare
      changed record;
    begin
      for changed in
        insert into live_changes as l (user_id, version)
          select distinct person, 1 from (
            select c.coach_id as person from changed_rows r join conversations c on c.booking_id = r.booking_id
            union
            select c.researcher_id from changed_rows r join conversations c on c.booking_id = r.booking_id
          ) people where person is not null order by person
        on conflict (user_id) do update set version = l.version + 1
        returning l.user_id, l.version
      loop
        perform pg_notify('whetstone_live', changed.user_id || ':' || changed.version);
      end loop;
      return null;
    end $$`.execute(db);
  for (const table of ROOM_TABLES)
    for (const [event, rows] of [
      ['insert', 'new'],
      ['update', 'new'],
    ] as const)
      await sql
        .raw(
          `create trigger ${table}_live_${event} after ${event} on ${table}
           referencing ${rows} table as changed_rows
           for each statement execute function conversation_live_notify()`,
        )
        .execute(db);
}
