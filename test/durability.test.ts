/**
 * "Nothing acknowledged is ever lost": many clients capture ideas concurrently over real HTTP,
 * the server process is SIGKILLed in the middle of the stream, and every idea that got a 201
 * must be in the database afterwards — read back by the CLI and by a restarted server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backup } from '../src/core/backup.js';
import type { Idea } from '../src/core/ideas.js';
import { cliEnv, describeRun, runWhet } from './support/cli.js';
import { call } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import { startWhetServer, type WhetServer } from './support/server.js';
import { tempDirs } from './support/temp.js';

const LOOPS = 8;
/** The server is killed once this many captures have been acknowledged (of any loop). */
const KILL_AFTER_ACKS = 240;

const dirs = tempDirs();
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  assertCliBuilt();
  root = dirs.make('whet-durability');
  env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
});

afterAll(() => dirs.cleanup());

describe('durability', () => {
  let server: WhetServer | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
  });

  it('every acknowledged capture survives a SIGKILL of the server mid-stream', async () => {
    const db = join(root, 'durable.db');
    server = await startWhetServer({ db, env });
    const victim = server;

    /** id -> text of every capture the server acknowledged with 201. */
    const acknowledged = new Map<string, string>();
    const unexpected: string[] = [];
    let killed: Promise<unknown> | undefined;

    const loop = async (n: number): Promise<void> => {
      let sent = 0;
      for (;;) {
        const text = `durable idea from loop ${n}, number ${sent++}`;
        let response: Response;
        try {
          response = await fetch(`${victim.api}/ideas`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text, value: (sent % 5) + 1 }),
          });
        } catch {
          // The server is gone (connection refused or reset): this capture was never acknowledged.
          return;
        }
        if (response.status === 201) {
          // The status line and Location are the acknowledgement, even if the body is cut off.
          const location = response.headers.get('location') ?? '';
          const id = location.slice(location.lastIndexOf('/') + 1);
          expect(id).toMatch(/^[0-9a-z]{10}$/);
          acknowledged.set(id, text);
          const body = (await response.json().catch(() => undefined)) as Idea | undefined;
          if (body) expect(body.id).toBe(id);
        } else {
          unexpected.push(`${response.status} ${await response.text().catch(() => '')}`);
          return;
        }
        if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
          // Other loops still have requests in flight: the kill lands mid-stream.
          killed = victim.kill('SIGKILL');
        }
      }
    };

    await Promise.all(Array.from({ length: LOOPS }, (_, n) => loop(n)));
    const exit = await victim.exited;
    expect(exit.signal, 'the server must have been killed, not have exited by itself').toBe('SIGKILL');
    expect(unexpected, 'only 201s before the kill').toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    await killed;

    // Read back with the CLI (opens the database directly, recovering the WAL).
    const args = ['ideas', '--all', '--json', '--db', db];
    const listed = await runWhet(args, { env });
    expect(listed.code, describeRun(args, listed)).toBe(0);
    const stored = new Map((JSON.parse(listed.stdout) as Idea[]).map((i) => [i.id, i]));
    const lost = [...acknowledged.keys()].filter((id) => !stored.has(id));
    expect(lost, `${lost.length} of ${acknowledged.size} acknowledged ideas were lost`).toEqual([]);
    for (const [id, text] of acknowledged) expect(stored.get(id)?.text).toBe(text);
    // Nothing beyond what was sent: at most one unacknowledged, committed capture per loop.
    expect(stored.size - acknowledged.size).toBeGreaterThanOrEqual(0);
    expect(stored.size - acknowledged.size).toBeLessThanOrEqual(LOOPS);

    // A restarted server sees the same ideas and keeps working.
    server = await startWhetServer({ db, env });
    const backup = await call<Backup>(server.api, 'GET', '/export?format=json');
    expect(backup.status).toBe(200);
    const exported = new Set(backup.body.data.ideas.map((i) => i.id));
    for (const id of acknowledged.keys()) expect(exported.has(id), id).toBe(true);
    const after = await call<Idea>(server.api, 'POST', '/ideas', {
      json: { text: 'captured after the crash' },
    });
    expect(after.status, after.text).toBe(201);
    for (const id of [...acknowledged.keys()].slice(0, 20)) {
      expect((await call<Idea>(server.api, 'GET', `/ideas/${id}`)).status).toBe(200);
    }
    await server.stop();
    server = undefined;
  });
});
