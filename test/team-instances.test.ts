/**
 * Two `whet serve --team` processes on one PostgreSQL database behave as one server: they start
 * at the same moment (migrations run once, one session key is agreed), a sign-in on one works on
 * the other, and a capture made through one reaches the other's live event stream.
 */
import { join } from 'node:path';
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

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-team-instances');
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
  const database = await createPostgresDatabase();
  drop = database.drop;
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
async function nextChange(server: TeamServer, cookie: string, ms = 10_000): Promise<() => Promise<void>> {
  const abort = new AbortController();
  const res = await fetch(`${server.api}/events`, { headers: { cookie }, signal: abort.signal });
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
});
