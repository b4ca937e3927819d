import { sql } from 'kysely';
import type { Store } from './connect.js';

/**
 * A value that changes whenever a user's data may have changed, cheap enough to poll every
 * second. On SQLite, `data_version` moves when another connection (a `whet` command) commits and
 * `total_changes()` when this one writes: both O(1). PostgreSQL has no such counter, so there it
 * is a fingerprint of the user's rows (ideas, areas, experiments, plans and the logs).
 */
export async function changeToken(store: Store, userId: string): Promise<string> {
  if (store.engine === 'sqlite') {
    const { rows } = await sql<{ v: number; c: number }>`
      select (select data_version from pragma_data_version) as v, total_changes() as c`.execute(store.db);
    return `${rows[0]?.v}:${rows[0]?.c}`;
  }
  const { rows } = await sql<{ fingerprint: string }>`
    select concat_ws(':',
      (select count(*) from ideas where user_id = ${userId}),
      (select max(updated_at) from ideas where user_id = ${userId}),
      (select count(*) from areas where user_id = ${userId}),
      (select string_agg(name || coalesce(archived_at::text, ''), ',') from areas where user_id = ${userId}),
      (select max(updated_at) from experiments where user_id = ${userId}),
      (select max(updated_at) from plans where user_id = ${userId}),
      (select count(*) from practice_logs where user_id = ${userId}),
      (select count(*) from interruptions where user_id = ${userId}),
      (select count(*) from reviews where user_id = ${userId})
    ) as fingerprint`.execute(store.db);
  return rows[0]?.fingerprint ?? '';
}
