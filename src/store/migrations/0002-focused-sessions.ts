import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/** Focused sessions, the questions they showed, user-made decks, and ideas linked to both. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const flag = engine === 'postgres' ? sql`boolean` : sql`integer`;

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('deck_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('planned_ms', 'integer', (c) => c.notNull())
    .addColumn('added_ms', 'integer', (c) => c.notNull())
    .addColumn('started_at', timestamp, (c) => c.notNull())
    .addColumn('paused_at', timestamp)
    .addColumn('paused_ms', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', timestamp)
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('position_entered_ms', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sessions_user_recent')
    .on('sessions')
    .columns(['user_id', 'started_at desc'])
    .execute();
  // At most one running, paused or unrated session per user, even under concurrent starts.
  await sql`create unique index sessions_one_active on sessions (user_id)
    where state in ('running', 'paused', 'rating')`.execute(db);

  await db.schema
    .createTable('session_questions')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('spent_ms', 'bigint', (c) => c.notNull())
    .addColumn('skipped', flag, (c) => c.notNull())
    .addPrimaryKeyConstraint('session_questions_pk', ['session_id', 'position'])
    .execute();
  await db.schema
    .createIndex('session_questions_question')
    .on('session_questions')
    .column('question_id')
    .execute();

  await db.schema
    .createTable('decks')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('decks_pk', ['user_id', 'id'])
    .execute();

  await db.schema.alterTable('ideas').addColumn('session_id', 'text').execute();
  await db.schema.alterTable('ideas').addColumn('question_id', 'text').execute();
  await db.schema.createIndex('ideas_user_session').on('ideas').columns(['user_id', 'session_id']).execute();
  await db.schema
    .createIndex('ideas_user_question')
    .on('ideas')
    .columns(['user_id', 'question_id'])
    .execute();
}
