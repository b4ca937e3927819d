import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/connect.js';
import type { Engine } from '../../src/store/schema.js';

/** Both storage engines; a suite wrapped in `describe.each(ENGINES)` runs against each. */
export const ENGINES = ['sqlite', 'postgres'] as const satisfies readonly Engine[];

export interface TestStore {
  store: Store;
  /** Closes the store and deletes its file or database. */
  cleanup(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated, empty store: a temp SQLite file, or a new database in the run's cluster. */
export async function openTestStore(engine: Engine): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'whet-test-'));
    const store = await openStore({ engine: 'sqlite', path: join(dir, 'whetstone.db') });
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createPostgresDatabase();
  let store: Store;
  try {
    store = await openStore({ engine: 'postgres', url: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** An empty database in the run's cluster, for a `whet` process to open by URL. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `whet_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(async (client) => {
        // pg-pool's end() resolves before idle clients have closed; dropping the database under a
        // closing client makes it emit FATAL 57P01, which would crash the run. Wait for them.
        for (let attempt = 0; attempt < 200; attempt++) {
          const left = await client.query<{ n: string }>(
            'select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          );
          if (Number(left.rows[0]?.n) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}
