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
}
