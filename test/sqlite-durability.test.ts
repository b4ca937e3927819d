/**
 * SQLite syncs every commit by default (decision 0022), on the server's and the CLI's connections
 * alike, and `WHETSTONE_SQLITE_SYNC` chooses otherwise or is refused in one line.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/connect.js';
import { resolveDatabaseLocation } from '../src/store/location.js';
import { cliEnv, runWhet } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

/** SQLite's numbers for the levels: 1 NORMAL, 2 FULL. */
const NORMAL = 1;
const FULL = 2;

async function levelOf(env: NodeJS.ProcessEnv): Promise<number> {
  const path = join(dirs.make('whet-sync'), 'whet.db');
  const store = await openStore(resolveDatabaseLocation(path, env));
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    return rows[0]?.synchronous ?? -1;
  } finally {
    await store.close();
  }
}

describe('SQLite durability', () => {
  it('syncs every commit unless told otherwise', async () => {
    expect(await levelOf({})).toBe(FULL);
    expect(await levelOf({ WHETSTONE_SQLITE_SYNC: 'normal' })).toBe(NORMAL);
    expect(await levelOf({ WHETSTONE_SQLITE_SYNC: ' FULL ' })).toBe(FULL);
  });

  it('refuses a level it does not know, naming the variable', () => {
    expect(() => resolveDatabaseLocation('x.db', { WHETSTONE_SQLITE_SYNC: 'off' })).toThrow(
      /^WHETSTONE_SQLITE_SYNC: must be "full" or "normal", not "off"$/,
    );
  });

  it('says so in one line from the CLI, and writes nothing', async () => {
    assertCliBuilt();
    const dir = dirs.make('whet-sync-cli');
    const db = join(dir, 'whet.db');
    const env = cliEnv({ WHETSTONE_DB: db, WHETSTONE_SQLITE_SYNC: 'sometimes', HOME: dir });
    for (const args of [['idea', 'Write the log first'], ['ideas']]) {
      const result = await runWhet(args, { env });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'whet: WHETSTONE_SQLITE_SYNC: must be "full" or "normal", not "sometimes"',
      ]);
    }
    expect(() => new Database(db, { fileMustExist: true })).toThrow();
  });
});
