import type { Kysely } from 'kysely';
import { toIso, toIsoOrNull } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface CalendarFeedRow {
  id: string;
  userId: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Calendar subscription tokens, stored as hashes only. */
export class CalendarFeedRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, feed: { id: string; tokenHash: string; createdAt: string }): Promise<void> {
    await this.db
      .insertInto('calendar_feeds')
      .values({ id: feed.id, user_id: userId, token_hash: feed.tokenHash, created_at: feed.createdAt })
      .execute();
  }

  /** The live (not revoked) feed with this token hash, of any user. */
  async findLive(tokenHash: string): Promise<CalendarFeedRow | undefined> {
    const row = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && mapRow(row);
  }

  async list(userId: string): Promise<CalendarFeedRow[]> {
    const rows = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(mapRow);
  }

  /** Returns false when there is no such live feed. */
  async revoke(userId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function mapRow(row: {
  id: string;
  user_id: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
}): CalendarFeedRow {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: toIso(row.created_at),
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}
