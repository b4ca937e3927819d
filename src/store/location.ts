import { homedir } from 'node:os';
import { join } from 'node:path';

export type DatabaseLocation = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

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
      : { engine: 'sqlite', path: explicit };
  }
  if (env.DATABASE_URL) return { engine: 'postgres', url: env.DATABASE_URL };
  return { engine: 'sqlite', path: defaultSqlitePath(env) };
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
