import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** Values all server processes share. */
export class ServerSettingsRepository {
  constructor(private readonly db: Db) {}

  /** The stored value, or `proposed` stored now; concurrent first starts agree on one value. */
  async getOrCreate(key: string, proposed: string): Promise<string> {
    await this.db
      .insertInto('server_settings')
      .values({ key, value: proposed })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('server_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  }
}
