import { type Credentials, readCredentials } from './credentials.js';

/** Where a `whet` command's data lives: the local database, or the team server it is logged in to. */
export type CliTarget = { kind: 'local' } | { kind: 'remote'; credentials: Credentials };

/**
 * An explicit local database wins (`--db`, `--local`, or WHETSTONE_DB); otherwise the server of
 * `whet login`; otherwise the local default. DATABASE_URL alone does not outrank a login: it is
 * how a team server's own host is configured, and a person logged in means their account.
 */
export function chooseTarget(dbFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): CliTarget {
  if (dbFlag || env.WHETSTONE_DB) return { kind: 'local' };
  const credentials = readCredentials(env);
  return credentials ? { kind: 'remote', credentials } : { kind: 'local' };
}
