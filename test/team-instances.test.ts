/**
 * Two `whet serve --team` processes on one PostgreSQL database behave as one server: they start
 * at the same moment (migrations run once, one session key is agreed), a sign-in on one works on
 * the other, and a capture made through one reaches the other's live event stream — by
 * notification: each process LISTENs on one connection of its own, the catch-up re-read is set to
 * an hour, and after the listening connections are killed a capture still arrives (reconnect,
 * then catch-up from the change numbers last seen).
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from './harness/stores.js';
import { cliEnv } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import {
  ADMIN,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let first: TeamServer;
let second: TeamServer;
let drop: () => Promise<void>;
let databaseUrl: string;

/** Far longer than any test here: an event that arrives did not come from a periodic re-read. */
const CATCH_UP_MS = 3_600_000;
/** The first reconnect waits this long, so a capture right after a kill finds nobody listening. */
const RETRY_MS = 2_000;

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-team-instances');
  const env = cliEnv({
    XDG_DATA_HOME: join(root, 'xdg'),
    HOME: root,
    WHETSTONE_LIVE_CATCH_UP_MS: String(CATCH_UP_MS),
    WHETSTONE_LIVE_RETRY_MS: String(RETRY_MS),
  });
  const database = await createPostgresDatabase();
  drop = database.drop;
  databaseUrl = database.url;
  // Both start on the empty database at once: both try to migrate and to store a session key.
  [first, second] = await Promise.all([
    startTeamServer({ db: database.url, env }),
    startTeamServer({ db: database.url, env }),
  ]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await drop?.();
  dirs.cleanup();
});

/** Opens `/events` and resolves with the first `changed` event's arrival, or rejects after `ms`. */
async function nextChange(
  server: TeamServer,
  cookie: string,
  ms = 10_000,
  headers: Record<string, string> = { cookie },
): Promise<() => Promise<void>> {
  const abort = new AbortController();
  const res = await fetch(`${server.api}/events`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  while (!seen.includes('event: ready')) seen += (await reader.read()).value ?? '';
  return async () => {
    const timer = setTimeout(() => abort.abort(), ms);
    try {
      while (!seen.includes('event: changed')) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended before a change arrived');
        seen += value;
      }
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  };
}

/** Runs `work` on a connection of the test's own to the servers' database. */
async function onDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Listener {
  pid: number;
  state: string;
  query: string;
}

/** The servers' listening connections, as PostgreSQL sees them. */
const listeners = () =>
  onDatabase(async (client) => {
    const { rows } = await client.query<Listener>(
      `select pid, state, query from pg_stat_activity
       where datname = current_database() and application_name = 'whetstone-live' order by pid`,
    );
    return rows;
  });

/** Polls `listeners` until there are `count` of them (each of the two servers holds one). */
async function untilListeners(count: number): Promise<Listener[]> {
  for (let attempt = 0; ; attempt++) {
    const found = await listeners();
    if (found.length === count) return found;
    if (attempt > 500) throw new Error(`expected ${count} listening connections, found ${found.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two team server processes on one PostgreSQL database', () => {
  it('each print a setup link, either sets the organisation up, and sign-ins are shared', async () => {
    // Each start of an empty server prints a link; any one of them sets the organisation up.
    expect(first.setupLink).not.toBeNull();
    expect(second.setupLink).not.toBeNull();
    const admin = await setUpOrganisation(second);
    const onFirst = new TeamClient(first, 'admin on the first');
    onFirst.setCookieHeader(admin.cookieHeader());
    expect((await onFirst.call('GET', '/me')).status).toBe(200);
    const fresh = new TeamClient(first);
    await fresh.signIn(ADMIN.email, ADMIN.password);
    const onSecond = new TeamClient(second);
    onSecond.setCookieHeader(fresh.cookieHeader());
    expect((await onSecond.call('GET', '/me')).status).toBe(200);
    // Signing out on one ends the session on the other.
    expect((await fresh.call('POST', '/auth/sign-out')).status).toBe(204);
    expect((await onSecond.call('GET', '/me')).status).toBe(401);
  });

  it("delivers a capture made through one process to the other's event stream", async () => {
    const client = new TeamClient(first);
    await client.signIn(ADMIN.email, ADMIN.password);
    const changed = await nextChange(second, client.cookieHeader());
    const capture = await client.call('POST', '/ideas', { json: { text: 'Seen on both servers' } });
    expect(capture.status).toBe(201);
    await changed();
    const onSecond = new TeamClient(second);
    onSecond.setCookieHeader(client.cookieHeader());
    const ideas = await onSecond.call<{ items: { text: string }[] }>('GET', '/ideas');
    expect(ideas.body.items.map((i) => i.text)).toEqual(['Seen on both servers']);
  });

  it('keeps a stream opened with an access token open through changes (the CLI and scripts use one)', async () => {
    const client = new TeamClient(first);
    await client.signIn(ADMIN.email, ADMIN.password);
    const made = await client.call<{ secret: string }>('POST', '/account/tokens', {
      json: { name: 'stream', scope: 'read' },
    });
    const changed = await nextChange(second, '', 10_000, { authorization: `Bearer ${made.body.secret}` });
    expect((await client.call('POST', '/ideas', { json: { text: 'Seen by a token' } })).status).toBe(201);
    await changed();
  });

  it('each holds one connection that LISTENs on the live channel', async () => {
    const found = await untilListeners(2);
    for (const listener of found) {
      // The connection does nothing else: the last thing it ran is its LISTEN, and it waits.
      expect(listener.query).toBe('LISTEN "whetstone_live"');
      expect(listener.state).toBe('idle');
    }
    // A write notifies that channel in its transaction; PostgreSQL holds the notices for both.
    const channels = await onDatabase(async (client) => {
      await client.query('LISTEN whetstone_live');
      const notice = new Promise<string>((resolve) =>
        client.once('notification', (n) => resolve(n.payload ?? '')),
      );
      const writer = new TeamClient(first);
      await writer.signIn(ADMIN.email, ADMIN.password);
      return { payload: await notice, me: (await writer.call<{ user: { id: string } }>('GET', '/me')).body };
    });
    // The notice names whose data changed (the sign-in wrote a session) and its change number.
    expect(channels.payload).toMatch(new RegExp(`^${channels.me.user.id}:\\d+$`));
  });

  it('after its listening connection is killed, a server reconnects and catches up on what it missed', async () => {
    const client = new TeamClient(first);
    await client.signIn(ADMIN.email, ADMIN.password);
    const changed = await nextChange(second, client.cookieHeader());
    const killed = await onDatabase(async (admin) => {
      const { rows } = await admin.query<{ pid: number }>(
        `select pid, pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and application_name = 'whetstone-live'`,
      );
      return rows.map((r) => r.pid);
    });
    expect(killed).toHaveLength(2);
    await untilListeners(0);
    const capture = await client.call('POST', '/ideas', { json: { text: 'Written while nobody listened' } });
    expect(capture.status).toBe(201);
    // Nobody was listening when it committed: its notice reached no one, the catch-up must find it.
    expect(await listeners()).toEqual([]);
    await changed();
    const back = await untilListeners(2);
    expect(back.map((l) => l.pid).filter((pid) => killed.includes(pid))).toEqual([]);
  });
});
