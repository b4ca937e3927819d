import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * A second, blind rater of an experiment's kept ideas: the researcher's invitation (a link whose
 * token is stored only as its SHA-256) and that rater's values, by the frozen items' tokens.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('second_rater_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('rater_name', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('finished_at', timestamp)
    .addColumn('withdrawn_at', timestamp)
    .execute();
  // One live invitation per experiment: re-inviting withdraws the old one in the same transaction.
  await sql`create unique index second_rater_one_live on second_rater_invitations (experiment_id)
    where withdrawn_at is null`.execute(db);

  await db.schema
    .createTable('second_rater_ratings')
    .addColumn('invitation_id', 'text', (c) =>
      c.notNull().references('second_rater_invitations.id').onDelete('cascade'),
    )
    /** The token of the frozen item (experiment_items.token) the value is for. */
    .addColumn('item_token', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('rated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('second_rater_ratings_pk', ['invitation_id', 'item_token'])
    .execute();
}
