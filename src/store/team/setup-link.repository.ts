import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** One-time links that create the organisation; any use spends them all. */
export class SetupLinkRepository {
  constructor(private readonly db: Db) {}

  async insert(tokenHash: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('setup_links')
      .values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt })
      .execute();
  }

  /** Spends the link if it is live; false when it is unknown, used or expired. */
  async spend(tokenHash: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('setup_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.db.updateTable('setup_links').set({ used_at: now }).where('used_at', 'is', null).execute();
    return true;
  }

  async isLive(tokenHash: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('setup_links')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }
}
