import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** The blind triage: an item of the frozen queue can be set aside, with the reason given. */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('experiment_items').addColumn('excluded', 'text').execute();
}
