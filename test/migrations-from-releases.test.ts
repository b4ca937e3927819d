/**
 * Migrations from every earlier release: each fixture in test/fixtures/schema/v<N>/ is a database
 * an earlier release made through its own API, with that release's own export beside it. Today's
 * code upgrades it — the SQLite file as it is, and the same data rebuilt on PostgreSQL at that
 * schema version — and what the upgraded database exports must be what the old export promised:
 * equal to importing the old export into a fresh current database and exporting that (so fields
 * added since, with their defaults, compare equal), and holding every field of the old export
 * unchanged. Rows of tables the backup does not carry (the team's) must survive as they were. The
 * fixture of the current version is checked too (nothing to migrate): it is the next one's "before".
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Backup } from '../src/core/backup.js';
import { BackupService } from '../src/services/backup.service.js';
import { LOCAL_ACTOR, LOCAL_USER_NAME } from '../src/services/context.js';
import { ensureUser } from '../src/services/user.service.js';
import { openStore, type Store } from '../src/store/connect.js';
import type { DatabaseLocation } from '../src/store/location.js';
import { SCHEMA_VERSION } from '../src/store/schema-version.js';
import {
  rebuildOnPostgres,
  type SchemaFixture,
  schemaFixtures,
  sqliteTables,
} from './harness/schema-fixtures.js';
import { createPostgresDatabase } from './harness/stores.js';

const FIXTURES = schemaFixtures();
const clock = () => new Date('2030-01-01T00:00:00.000Z');

async function exportOf(store: Store): Promise<Backup> {
  return new BackupService(store, clock).createBackup(LOCAL_ACTOR);
}

/** Opens `location` with today's openStore (which migrates), runs `work`, closes. */
async function withStore<T>(location: DatabaseLocation, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A place for a database of `engine`, and its removal. */
async function freshLocation(
  engine: 'sqlite' | 'postgres',
): Promise<{ location: DatabaseLocation; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'whet-releases-'));
    return {
      location: { engine, path: join(dir, 'whetstone.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createPostgresDatabase();
  return { location: { engine, url: database.url }, drop: database.drop };
}

/** What importing the old export into an empty current database and exporting it again gives. */
async function promised(fixture: SchemaFixture, engine: 'sqlite' | 'postgres'): Promise<Backup> {
  const fresh = await freshLocation(engine);
  try {
    return await withStore(fresh.location, async (store) => {
      // As every `whet` and `whet serve` does on opening a solo database.
      await ensureUser(store, LOCAL_ACTOR, LOCAL_USER_NAME, clock);
      await new BackupService(store, clock).import(LOCAL_ACTOR, fixture.exportJson);
      return exportOf(store);
    });
  } finally {
    await fresh.drop();
  }
}

function expectKept(upgraded: Backup, fixture: SchemaFixture, expected: Backup): void {
  const old = JSON.parse(fixture.exportJson) as Backup;
  expect(old.data.ideas.length, 'the fixture has ideas').toBeGreaterThan(0);
  expect(upgraded.data).toEqual(expected.data);
  // Every field the old release exported is still there with the same value.
  expect(upgraded.data).toMatchObject(old.data);
}

describe('migrations from every earlier release', () => {
  it('has a fixture for every schema version before the current one', () => {
    const have = new Set(FIXTURES.map((f) => f.version));
    const missing = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1).filter((v) => !have.has(v));
    expect(
      missing,
      `no fixture of schema version ${missing.join(', ')} in test/fixtures/schema/: make it with ` +
        `node scripts/make-schema-fixture.mjs ${missing[0]} (see the README there)`,
    ).toEqual([]);
  });

  describe.each(FIXTURES.filter((f) => f.version <= SCHEMA_VERSION))(
    'from schema version $version',
    (fixture) => {
      it('upgrades the SQLite file; its export is what the old export promised; other rows survive', async () => {
        const target = await freshLocation('sqlite');
        if (target.location.engine !== 'sqlite') throw new Error('unreachable');
        const file = target.location.path;
        copyFileSync(fixture.dbFile, file);
        try {
          const upgraded = await withStore(target.location, exportOf);
          expectKept(upgraded, fixture, await promised(fixture, 'sqlite'));
          const before = sqliteTables(fixture.dbFile);
          const after = sqliteTables(file);
          for (const [table, rows] of before) {
            if (table.startsWith('schema_migrations')) continue;
            const kept = (after.get(table) ?? []).map((row) =>
              Object.fromEntries(Object.keys(rows[0] ?? {}).map((column) => [column, row[column]])),
            );
            expect(sorted(kept), `rows of ${table}`).toEqual(sorted(rows));
          }
        } finally {
          await target.drop();
        }
      });

      it('upgrades the same database rebuilt on PostgreSQL; its export is what the old export promised', async () => {
        const target = await freshLocation('postgres');
        try {
          if (target.location.engine !== 'postgres') throw new Error('unreachable');
          await rebuildOnPostgres(fixture, target.location.url);
          const tables = [...sqliteTables(fixture.dbFile)];
          const { upgraded, counts } = await withStore(target.location, async (store) => ({
            upgraded: await exportOf(store),
            counts: await rowCounts(
              store,
              tables.map(([table]) => table),
            ),
          }));
          expectKept(upgraded, fixture, await promised(fixture, 'postgres'));
          // The team's tables are not in the backup: every row copied in is still there.
          for (const [table, rows] of tables)
            if (counts.has(table)) expect(counts.get(table), `rows of ${table}`).toBe(rows.length);
        } finally {
          await target.drop();
        }
      });
    },
  );
});

function sorted(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Row counts of those of `tables` the database has (on PostgreSQL, all but SQLite's FTS table). */
async function rowCounts(store: Store, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const { rows: present } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public'`.execute(store.db);
  const have = new Set(present.map((r) => r.name));
  for (const table of tables) {
    if (table.startsWith('schema_migrations') || !have.has(table)) continue;
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
      store.db,
    );
    counts.set(table, Number(rows[0]?.n));
  }
  return counts;
}
