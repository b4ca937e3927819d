import type { Kysely } from 'kysely';
import type { MeasurementEntry } from '../core/measurements.js';
import { toIso } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** Logged measurements (`whet measure interruptions 4`); scoped by `userId`. */
export class MeasurementRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, entry: MeasurementEntry, nameKey: string): Promise<void> {
    await this.db
      .insertInto('measurements')
      .values({
        id: entry.id,
        user_id: userId,
        name: entry.name,
        name_key: nameKey,
        value: entry.value,
        measured_at: entry.at,
        note: entry.note,
        created_at: entry.createdAt,
      })
      .execute();
  }

  /** Oldest first; optionally one quantity (by name key) and a time window [from, to). */
  async list(
    userId: string,
    filter: { nameKey?: string; from?: string; to?: string; limit?: number } = {},
  ): Promise<MeasurementEntry[]> {
    let query = this.db.selectFrom('measurements').selectAll().where('user_id', '=', userId);
    if (filter.nameKey !== undefined) query = query.where('name_key', '=', filter.nameKey);
    if (filter.from !== undefined) query = query.where('measured_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('measured_at', '<', filter.to);
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    const rows = await query.orderBy('measured_at', 'asc').orderBy('id', 'asc').execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      value: Number(row.value),
      at: toIso(row.measured_at),
      note: row.note,
      createdAt: toIso(row.created_at),
    }));
  }
}
