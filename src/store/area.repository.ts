import { type Kysely, sql } from 'kysely';
import type { Area } from '../core/areas.js';
import type { BackupArea } from '../core/backup.js';
import { mapAreaRow, toFlag } from './rows.js';
import type { Database, Engine } from './schema.js';

type Db = Kysely<Database>;

/** Queries over one user's areas. Every method is scoped by `userId`. */
export class AreaRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  withTransaction(trx: Kysely<Database>): AreaRepository {
    return new AreaRepository(trx, this.engine);
  }

  /** Areas with the number of ideas filed under each, by name. */
  async list(userId: string, includeArchived: boolean): Promise<Area[]> {
    let query = this.db
      .selectFrom('areas')
      .selectAll('areas')
      .select((eb) =>
        eb
          .selectFrom('ideas')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('ideas.user_id', '=', 'areas.user_id')
          .whereRef('ideas.area_id', '=', 'areas.id')
          .as('idea_count'),
      )
      .where('areas.user_id', '=', userId);
    if (!includeArchived) query = query.where('areas.archived_at', 'is', null);
    const rows = await query.orderBy('areas.name_key').execute();
    return rows.map((row) => mapAreaRow({ ...row, idea_count: row.idea_count ?? 0 }));
  }

  async findById(userId: string, id: string): Promise<Area | undefined> {
    return (await this.list(userId, true)).find((a) => a.id === id);
  }

  /** The area whose id or (case-insensitive) name is `idOrName`, as a user would type it. */
  async findByIdOrNameKey(userId: string, id: string, nameKey: string) {
    return this.db
      .selectFrom('areas')
      .select(['id', 'name', 'archived_at'])
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('id', '=', id), eb('name_key', '=', nameKey)]))
      .orderBy(sql`case when id = ${id} then 0 else 1 end`)
      .executeTakeFirst();
  }

  /** Name and archive state of one area, without counting its ideas. */
  async findBrief(userId: string, id: string) {
    return this.db
      .selectFrom('areas')
      .select(['id', 'name', 'archived_at'])
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async idTaken(userId: string, id: string): Promise<boolean> {
    return (await this.findBrief(userId, id)) !== undefined;
  }

  async findByNameKey(userId: string, nameKey: string) {
    return this.db
      .selectFrom('areas')
      .select(['id', 'name'])
      .where('user_id', '=', userId)
      .where('name_key', '=', nameKey)
      .executeTakeFirst();
  }

  async insert(userId: string, area: BackupArea, nameKey: string): Promise<void> {
    await this.db
      .insertInto('areas')
      .values({
        user_id: userId,
        id: area.id,
        name: area.name,
        name_key: nameKey,
        description: area.description,
        is_default: toFlag(this.engine, area.isDefault),
        archived_at: area.archivedAt,
        created_at: area.createdAt,
      })
      .execute();
  }

  async update(userId: string, area: BackupArea, nameKey: string): Promise<void> {
    await this.db
      .updateTable('areas')
      .set({
        name: area.name,
        name_key: nameKey,
        description: area.description,
        is_default: toFlag(this.engine, area.isDefault),
        archived_at: area.archivedAt,
        created_at: area.createdAt,
      })
      .where('user_id', '=', userId)
      .where('id', '=', area.id)
      .execute();
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.db.deleteFrom('areas').where('user_id', '=', userId).where('id', '=', id).execute();
  }
}
