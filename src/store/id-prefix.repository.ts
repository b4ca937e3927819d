import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Tables whose records the CLI names by an id prefix. */
export type PrefixedTable = 'ideas' | 'plans' | 'sessions' | 'pools' | 'experiments';

/** Ids of one user's records that start with a prefix, for short ids on the command line. */
export class IdPrefixRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** At most `limit` ids in `table` starting with `prefix` (lowercase letters and digits). */
  async idsWithPrefix(table: PrefixedTable, userId: string, prefix: string, limit = 5): Promise<string[]> {
    const rows = await this.db
      .selectFrom(table)
      .select('id')
      .where('user_id', '=', userId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\u{10FFFF}`)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
