import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * The guide questions a conversation has been to, in order (JSON list of question ids): the
 * guide's yield statistics count a question as shown once per conversation it was on screen in.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('guide_shown', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
