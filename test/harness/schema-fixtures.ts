import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToVersion } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';
import { REPO_ROOT } from '../support/paths.js';

/** test/fixtures/schema/v<N>/: an earlier release's database and its own export (see its README). */
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'schema');

export interface SchemaFixture {
  version: number;
  dbFile: string;
  /** The release's own `GET /api/v1/export?format=json` of the solo user, as it wrote it. */
  exportJson: string;
}

/** Every fixture in the folder, by version. */
export function schemaFixtures(): SchemaFixture[] {
  if (!existsSync(FIXTURES_DIR)) return [];
  return readdirSync(FIXTURES_DIR)
    .flatMap((name) => {
      const match = /^v(\d+)$/.exec(name);
      const dir = join(FIXTURES_DIR, name);
      if (!match || !existsSync(join(dir, 'whetstone.db'))) return [];
      return [
        {
          version: Number(match[1]),
          dbFile: join(dir, 'whetstone.db'),
          exportJson: readFileSync(join(dir, 'export.json'), 'utf8'),
        },
      ];
    })
    .sort((a, b) => a.version - b.version);
}

type Row = Record<string, unknown>;

/**
 * Tables only PostgreSQL has, derived from the others: the per-user change counters behind
 * LISTEN/NOTIFY (decision 0018). A rebuilt database starts them empty, as a restore would.
 */
const POSTGRES_ONLY = new Set(['live_changes']);

/** Rows of every table of a SQLite file, keyed by table; FTS shadow tables and SQLite's own left out. */
export function sqliteTables(file: string): Map<string, Row[]> {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const names = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like '%virtual table%' order by name",
      )
      .pluck()
      .all() as string[];
    const fts = new Set(
      sqlite
        .prepare("select name from sqlite_master where sql like 'create virtual table%'")
        .pluck()
        .all() as string[],
    );
    return new Map(
      names
        .filter((name) => ![...fts].some((v) => name.startsWith(`${v}_`)))
        .map((name) => [name, sqlite.prepare(`select * from "${name}"`).all() as Row[]]),
    );
  } finally {
    sqlite.close();
  }
}

/**
 * Builds on an empty PostgreSQL database the schema of `version` with today's migrations, then
 * copies the fixture's rows into it table by table (SQLite's 0/1 become booleans; foreign keys are
 * not checked during the copy, so the table order does not matter). The result is the database
 * that release would have had on PostgreSQL.
 */
export async function rebuildOnPostgres(fixture: SchemaFixture, url: string): Promise<void> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    await migrateToVersion(db, 'postgres', fixture.version);
  } finally {
    await db.destroy();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' and table_name not like 'schema_migrations%'`,
    );
    const byTable = new Map<string, Map<string, string>>();
    for (const c of columns.rows) {
      const table = byTable.get(c.table_name) ?? new Map<string, string>();
      table.set(c.column_name, c.data_type);
      byTable.set(c.table_name, table);
    }
    const rows = sqliteTables(fixture.dbFile);
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (const [table, types] of byTable) {
      if (POSTGRES_ONLY.has(table)) continue;
      const source = rows.get(table);
      if (!source)
        throw new Error(`v${fixture.version} has table ${table} on PostgreSQL but not in its SQLite file`);
      for (const row of source) {
        const names = Object.keys(row).filter((name) => types.has(name));
        const values = names.map((name) => {
          const value = row[name];
          return types.get(name) === 'boolean' && typeof value === 'number' ? value === 1 : value;
        });
        const list = names.map((n) => `"${n}"`).join(', ');
        const params = names.map((_, i) => `$${i + 1}`).join(', ');
        await client.query(
          `insert into "${table}" (${list}) overriding system value values (${params})`,
          values,
        );
      }
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
}
