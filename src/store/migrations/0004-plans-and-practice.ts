import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Plans and deliberate practice: plans (linked to ideas), own exercises, practice logs, reviews,
 * interruptions, calendar feed tokens, and each user's time zone.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;

  // Null means "the zone of the machine Whetstone runs on" (solo mode's natural default).
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    // A local date (YYYY-MM-DD) in the user's zone; text sorts correctly.
    .addColumn('review_on', 'text', (c) => c.notNull())
    // The whole Plan as JSON: the core owns its shape and validates it on load.
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_user_review').on('plans').columns(['user_id', 'review_on']).execute();

  await db.schema
    .createTable('plan_ideas')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('idea_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_ideas_pk', ['plan_id', 'idea_id'])
    .execute();
  await db.schema.createIndex('plan_ideas_idea').on('plan_ideas').columns(['user_id', 'idea_id']).execute();

  await db.schema
    .createTable('exercises')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('exercises_pk', ['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('practice_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('plan_id', 'text')
    .addColumn('exercise_id', 'text')
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('difficulty', 'integer')
    .addColumn('note', 'text')
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_logs_user_at')
    .on('practice_logs')
    .columns(['user_id', 'at'])
    .execute();
  await db.schema.createIndex('practice_logs_plan').on('practice_logs').columns(['plan_id', 'at']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 'weekly' (week_of set) or 'plan' (plan_id set).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('week_of', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviews_user_recent')
    .on('reviews')
    .columns(['user_id', 'created_at'])
    .execute();
  // One weekly review per week; doing it again replaces it.
  await sql`create unique index reviews_one_per_week on reviews (user_id, week_of) where kind = 'weekly'`.execute(
    db,
  );

  await db.schema
    .createTable('interruptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interruptions_user_at')
    .on('interruptions')
    .columns(['user_id', 'at'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // SHA-256 of the secret in the URL: a copy of the database does not reveal working feed URLs.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('revoked_at', timestamp)
    .execute();
}
