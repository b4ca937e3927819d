import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Sharing with a coach: a researcher's read grant over chosen scopes (ideas optionally only of
 * some areas), until revoked or a date; and the access log of what the coach opened under it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('researcher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    /** Comma-separated in canonical order: `ideas,plans`. */
    .addColumn('scopes', 'text', (c) => c.notNull())
    /** Comma-separated area ids the ideas scope is limited to; null means every area. */
    .addColumn('area_ids', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp)
    .addColumn('revoked_at', timestamp)
    .execute();
  await db.schema.createIndex('grants_researcher').on('grants').column('researcher_id').execute();
  await db.schema.createIndex('grants_coach').on('grants').column('coach_id').execute();

  await db.schema
    .createTable('grant_access_log')
    .addColumn('seq', bigint, (c) =>
      engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('grant_id', 'text', (c) => c.notNull().references('grants.id'))
    .addColumn('researcher_id', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    /** The one object opened (an experiment's report), or null for a listing. */
    .addColumn('object_id', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grant_access_log_researcher')
    .on('grant_access_log')
    .columns(['researcher_id', 'seq'])
    .execute();
}
