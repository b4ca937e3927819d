import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

// Drivers load on first use: solo mode never pays for `pg`, team mode never for the native
// SQLite module. `require` (not `import()`) keeps the CLI bundle loadable from V8's code cache.
const load = createRequire(import.meta.url);

export function loadSqliteDriver(): typeof BetterSqlite3 {
  return load('better-sqlite3') as typeof BetterSqlite3;
}

export function loadPostgresDriver(): typeof pg {
  return load('pg') as typeof pg;
}
