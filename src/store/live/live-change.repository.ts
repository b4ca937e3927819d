import { sql } from 'kysely';
import type { Store } from '../connect.js';

/**
 * PostgreSQL's per-user change numbers (migration 0008): each statement writing a user's live
 * rows raises the user's number by one, in commit order, and notifies it.
 */
export class LiveChangeRepository {
  constructor(private readonly store: Store) {}

  /** The current number of each of `userIds`; a user nothing was written for yet has 0. */
  async versionsOf(userIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await sql<{ user_id: string; version: string }>`
      select user_id, version from live_changes where user_id = any(${[...userIds]})`.execute(this.store.db);
    const versions = new Map(userIds.map((id) => [id, 0]));
    for (const row of rows) versions.set(row.user_id, Number(row.version));
    return versions;
  }
}
