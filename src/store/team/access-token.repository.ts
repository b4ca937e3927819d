import type { Kysely, Selectable } from 'kysely';
import type { AccessToken, TokenScope } from '../../core/team/account.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { AccessTokensTable, Database } from '../schema.js';

type Db = Kysely<Database>;

/** Personal access tokens, by the hash of their secret. */
export class AccessTokenRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, token: AccessToken, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('access_tokens')
      .values({
        id: token.id,
        user_id: userId,
        name: token.name,
        token_hash: tokenHash,
        scope: token.scope,
        created_at: token.createdAt,
        expires_at: token.expiresAt,
      })
      .execute();
  }

  async list(userId: string): Promise<AccessToken[]> {
    const rows = await this.db
      .selectFrom('access_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(mapRow);
  }

  /** The live token with this hash (not revoked, not expired), with its owner. */
  async findLive(tokenHash: string, now: string): Promise<(AccessToken & { userId: string }) | undefined> {
    const row = await this.db
      .selectFrom('access_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && { ...mapRow(row), userId: row.user_id };
  }

  async touch(id: string, now: string): Promise<void> {
    await this.db.updateTable('access_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  async revoke(userId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('access_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function mapRow(row: Selectable<AccessTokensTable>): AccessToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as TokenScope,
    createdAt: toIso(row.created_at),
    expiresAt: toIsoOrNull(row.expires_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}
