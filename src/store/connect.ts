import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { WhetstoneError } from '../core/errors.js';
import { loadPostgresDriver, loadSqliteDriver } from './drivers.js';
import { type DatabaseLocation, DEFAULT_SQLITE_SYNC, describeLocation, type SqliteSync } from './location.js';
import { migrateToLatest } from './migrate.js';
import type { Database, Engine } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Where it is: a server opens its one LISTEN connection (PostgreSQL) from this. */
  location: DatabaseLocation;
  /** Human-readable location, for messages and `whet serve`'s banner. */
  where: string;
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) the database at `location`. */
export async function openStore(location: DatabaseLocation): Promise<Store> {
  const db =
    location.engine === 'sqlite'
      ? openSqlite(location.path, location.sync ?? DEFAULT_SQLITE_SYNC)
      : openPostgres(location.url);
  const store: Store = {
    db,
    engine: location.engine,
    location,
    where: describeLocation(location),
    close: () => db.destroy(),
  };
  try {
    await migrateToLatest(db, location.engine);
  } catch (error) {
    await db.destroy();
    throw storageError(store.where, error);
  }
  return store;
}

function openSqlite(path: string, sync: SqliteSync): Kysely<Database> {
  const file = resolve(path);
  const dir = dirname(file);
  try {
    makeDirectories(dir);
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw storageError(file, error, 'the file or its directory is not writable');
  }
  try {
    const BetterSqlite3 = loadSqliteDriver();
    const sqlite = new BetterSqlite3(file);
    // WAL lets `whet` write while `whet serve` reads. With synchronous=FULL a commit is on the
    // disk before it is acknowledged (see SqliteSync for what NORMAL gives up).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  } catch (error) {
    throw storageError(file, error);
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns on some virtual file
 * systems (under /proc it retries forever), and a clear error beats a hang.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) mkdirSync(level);
}

function openPostgres(url: string): Kysely<Database> {
  const pg = loadPostgresDriver();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function storageError(where: string, cause: unknown, hint?: string): WhetstoneError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new WhetstoneError(
    'storage',
    `cannot open the database at ${where}: ${hint ?? reason} (set --db or WHETSTONE_DB to another path)`,
    [{ field: 'db', message: hint ?? reason }],
  );
}
