import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export class UserRepository {
  constructor(private readonly db: Db) {}

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async insert(id: string, name: string, createdAt: string): Promise<void> {
    await this.db.insertInto('users').values({ id, name, created_at: createdAt }).execute();
  }

  /** The user's IANA zone, or null when none was chosen. */
  async timeZone(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('time_zone').where('id', '=', id).executeTakeFirst();
    return row?.time_zone ?? null;
  }

  async setTimeZone(id: string, timeZone: string | null): Promise<void> {
    await this.db.updateTable('users').set({ time_zone: timeZone }).where('id', '=', id).execute();
  }
}
