import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/** Self-experiments, their frozen blind-rating queues, logged measurements, and result-card pools. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const real = engine === 'postgres' ? sql`double precision` : sql`real`;

  await db.schema
    .createTable('experiments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    // The whole ExperimentRecord as JSON: the core owns its shape and validates it on load.
    .addColumn('record', 'text', (c) => c.notNull())
    // A random key for result cards: the same experiment always yields the same participant.
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('rating_seed', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('experiments_user_recent')
    .on('experiments')
    .columns(['user_id', 'created_at desc'])
    .execute();
  // At most one unfinished experiment per user, even under concurrent starts.
  await sql`create unique index experiments_one_active on experiments (user_id)
    where state in ('draft', 'passive', 'focused', 'rating')`.execute(db);

  // The blind-rating queue, frozen when rating starts: which ideas, in which order, behind which token.
  await db.schema
    .createTable('experiment_items')
    .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('idea_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    // A copy of the text as rated, so the report stands even if the idea is edited or deleted later.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'integer')
    .addColumn('rated_at', timestamp)
    .addPrimaryKeyConstraint('experiment_items_pk', ['experiment_id', 'position'])
    .addUniqueConstraint('experiment_items_token', ['experiment_id', 'token'])
    .execute();

  await db.schema
    .createTable('measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('measured_at', timestamp, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measurements_user_name_time')
    .on('measurements')
    .columns(['user_id', 'name_key', 'measured_at'])
    .execute();

  await db.schema
    .createTable('pools')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pool_cards')
    .addColumn('pool_id', 'text', (c) => c.notNull().references('pools.id').onDelete('cascade'))
    .addColumn('participant', 'text', (c) => c.notNull())
    // SHA-256 of the card's canonical JSON: the same card imported twice is recognised.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('card', 'text', (c) => c.notNull())
    .addColumn('imported_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('pool_cards_pk', ['pool_id', 'participant'])
    .execute();
}
