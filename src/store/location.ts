import { homedir } from 'node:os';
import { join } from 'node:path';
import { WhetstoneError } from '../core/errors.js';

/**
 * How hard SQLite waits for the disk at each commit (`PRAGMA synchronous`): `full` syncs the
 * write-ahead log at every commit, so a commit survives a power cut; `normal` only at checkpoints,
 * so a killed process loses nothing but a power cut may lose the last commits. See decision 0022.
 */
export type SqliteSync = 'full' | 'normal';
export const DEFAULT_SQLITE_SYNC: SqliteSync = 'full';

export type DatabaseLocation =
  | { engine: 'sqlite'; path: string; sync?: SqliteSync }
  | { engine: 'postgres'; url: string };

/** `WHETSTONE_SQLITE_SYNC=normal|full`; anything else is refused rather than guessed. */
export function sqliteSyncOf(env: NodeJS.ProcessEnv): SqliteSync {
  const value = env.WHETSTONE_SQLITE_SYNC?.trim().toLowerCase();
  if (!value) return DEFAULT_SQLITE_SYNC;
  if (value === 'full' || value === 'normal') return value;
  throw new WhetstoneError(
    'validation',
    `WHETSTONE_SQLITE_SYNC: must be "full" or "normal", not "${value}"`,
    [{ field: 'WHETSTONE_SQLITE_SYNC', message: 'must be "full" or "normal"' }],
  );
}

/** The XDG data directory's Whetstone file: `$XDG_DATA_HOME/whetstone/whetstone.db`. */
export function defaultSqlitePath(env: NodeJS.ProcessEnv): string {
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'whetstone', 'whetstone.db');
}

/**
 * Where the data lives: an explicit `--db` path wins, then `WHETSTONE_DB`, then `DATABASE_URL`
 * (PostgreSQL, team mode), then the solo default in the XDG data directory.
 */
export function resolveDatabaseLocation(
  dbFlag: string | undefined,
  env: NodeJS.ProcessEnv,
): DatabaseLocation {
  const explicit = dbFlag || env.WHETSTONE_DB;
  if (explicit) {
    return /^postgres(ql)?:\/\//.test(explicit)
      ? { engine: 'postgres', url: explicit }
      : { engine: 'sqlite', path: explicit, sync: sqliteSyncOf(env) };
  }
  if (env.DATABASE_URL) return { engine: 'postgres', url: env.DATABASE_URL };
  return { engine: 'sqlite', path: defaultSqlitePath(env), sync: sqliteSyncOf(env) };
}

/** A location as people read it: the file path, or the URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.engine === 'sqlite') return location.path;
  try {
    const url = new URL(location.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgresql://(unparseable URL)';
  }
}
