import type { Kysely } from 'kysely';
import { Exercise } from '../core/plans/exercises.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** A user's own exercises (the built-in library lives in the core). */
export class ExerciseRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, exercise: Exercise): Promise<void> {
    await this.db
      .insertInto('exercises')
      .values({
        user_id: userId,
        id: exercise.id,
        record: JSON.stringify(exercise),
        created_at: exercise.createdAt ?? new Date(0).toISOString(),
      })
      .execute();
  }

  async find(userId: string, id: string): Promise<Exercise | undefined> {
    const row = await this.db
      .selectFrom('exercises')
      .select('record')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? Exercise.parse(JSON.parse(row.record)) : undefined;
  }

  async list(userId: string): Promise<Exercise[]> {
    const rows = await this.db
      .selectFrom('exercises')
      .select('record')
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => Exercise.parse(JSON.parse(row.record)));
  }
}
