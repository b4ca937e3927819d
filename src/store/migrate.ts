import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001-ideas-and-areas.js';
import * as m0002 from './migrations/0002-focused-sessions.js';
import * as m0003 from './migrations/0003-experiments-and-pools.js';
import * as m0004 from './migrations/0004-plans-and-practice.js';
import * as m0005 from './migrations/0005-experiment-triage.js';
import * as m0006 from './migrations/0006-team-accounts.js';
import * as m0007 from './migrations/0007-grants.js';
import * as m0008 from './migrations/0008-live-changes.js';
import * as m0009 from './migrations/0009-second-rater.js';
import * as m0010 from './migrations/0010-coaching.js';
import * as m0011 from './migrations/0011-mail-calendar.js';
import * as m0012 from './migrations/0012-conversation-live.js';
import * as m0013 from './migrations/0013-guide-shown.js';
import type { Database, Engine } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Numbered, forward-only migrations; the name order is the apply order. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-ideas-and-areas': m0001,
  '0002-focused-sessions': m0002,
  '0003-experiments-and-pools': m0003,
  '0004-plans-and-practice': m0004,
  '0005-experiment-triage': m0005,
  '0006-team-accounts': m0006,
  '0007-grants': m0007,
  '0008-live-changes': m0008,
  '0009-second-rater': m0009,
  '0010-coaching': m0010,
  '0011-mail-calendar': m0011,
  '0012-conversation-live': m0012,
  '0013-guide-shown': m0013,
};

if (Object.keys(MIGRATIONS).length !== SCHEMA_VERSION) {
  throw new Error('SCHEMA_VERSION in schema-version.ts must equal the number of migrations');
}

/**
 * Brings the schema up to date. On SQLite, `PRAGMA user_version` mirrors the number of applied
 * migrations, so an up-to-date database costs one pragma read — this keeps `whet idea` fast.
 */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
    if (rows[0]?.user_version === SCHEMA_VERSION) return;
  }
  await runMigrator(db, engine, (migrator) => migrator.migrateToLatest());
  if (engine === 'sqlite') await sql.raw(`pragma user_version = ${SCHEMA_VERSION}`).execute(db);
}

/**
 * Applies the migrations up to and including number `version` only: rebuilds an earlier release's
 * schema, for tests that upgrade old data (test/migrations-from-releases.test.ts).
 */
export async function migrateToVersion(db: Kysely<Database>, engine: Engine, version: number): Promise<void> {
  const name = Object.keys(MIGRATIONS)[version - 1];
  if (name === undefined) throw new Error(`there is no migration number ${version}`);
  await runMigrator(db, engine, (migrator) => migrator.migrateTo(name));
  if (engine === 'sqlite') await sql.raw(`pragma user_version = ${version}`).execute(db);
}

async function runMigrator(
  db: Kysely<Database>,
  engine: Engine,
  run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<void> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [
      name,
      { up: (migrationDb: Kysely<unknown>) => m.up(migrationDb, engine) },
    ]),
  );
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`);
  }
}
