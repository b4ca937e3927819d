/**
 * A second rater on a team server (issue 10, item 6): the link starts with the server's public
 * URL, and whoever holds it — signed out, or a colleague signed in — rates through the sign-in wall
 * with the token alone; another member cannot see or withdraw the owner's invitation, and a
 * withdrawn link is a 404 for everyone.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewSecondRaterLink, SecondRaterQueueView } from '../src/core/experiments/second-rater.js';
import { WEEK_VS_20_MINUTES } from '../src/core/experiments/templates.js';
import { cliEnv } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const PUBLIC = 'https://whet.example.test';
const dirs = tempDirs();
let server: TeamServer;
let owner: TeamClient;
let colleague: TeamClient;
let experimentId: string;

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-team-second-rater');
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root, WHETSTONE_TEST_HOOKS: '1' });
  server = await startTeamServer({ db: join(root, 'team.db'), env, extraArgs: ['--public-url', PUBLIC] });
  const admin = await setUpOrganisation(server);
  owner = await inviteAndJoin(admin, {
    name: 'Olive',
    email: 'olive@example.org',
    password: 'olive owns these ideas',
  });
  colleague = await inviteAndJoin(admin, {
    name: 'Otto',
    email: 'otto@example.org',
    password: 'otto rates kindly',
  });
  const must = async <T>(method: string, path: string, json?: unknown): Promise<T> => {
    const res = await owner.call<T>(method, path, json === undefined ? {} : { json });
    expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
    return res.body;
  };
  const advance = (ms: number) => must('POST', '/test/clock', { advanceMs: ms });
  ({ id: experimentId } = await must<{ id: string }>('POST', '/experiments', {
    templateId: WEEK_VS_20_MINUTES.id,
    prediction: { text: 'Focused time wins', favoured: 'focused' },
    phases: { passive: { length: 1 } },
    start: true,
  }));
  const step = (action: string) => must('POST', `/experiments/${experimentId}/steps`, { action });
  await advance(3_600_000);
  await must('POST', '/ideas', { text: 'Keep a list of objections' });
  await advance(86_400_000);
  await step('startFocused');
  await advance(60_000);
  await must('POST', '/ideas', { text: 'Write methods first' });
  await advance(60_000);
  await step('endFocused');
  await advance(60_000);
  await step('startRating');
  await step('finishTriage');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  dirs.cleanup();
});

describe('second rater on a team server', () => {
  it('links from the public URL; the token alone passes the sign-in wall; withdrawn is gone', async () => {
    const invited = await owner.call<NewSecondRaterLink>(
      'POST',
      `/experiments/${experimentId}/second-rater`,
      {
        json: { name: 'Otto' },
      },
    );
    expect(invited.status, invited.text).toBe(201);
    expect(invited.body.link).toBe(`${PUBLIC}/rate/${invited.body.token}`);
    const rate = `/rate/${invited.body.token}`;

    const anonymous = new TeamClient(server, 'anonymous');
    const queue = await anonymous.call<SecondRaterQueueView>('GET', rate);
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.total).toBe(2);
    const rated = await anonymous.call<SecondRaterQueueView>('POST', `${rate}/ratings`, {
      json: { token: queue.body.next?.token, value: 4 },
    });
    expect(rated.status, rated.text).toBe(200);
    // A colleague signed in uses the same link; their session changes nothing about it.
    const theirs = await colleague.call<SecondRaterQueueView>('GET', rate);
    expect(theirs.body).toMatchObject({ rated: 1, total: 2 });
    // The owner's invitation is the owner's: another member gets what a missing experiment gets.
    expect((await colleague.call('GET', `/experiments/${experimentId}/second-rater`)).status).toBe(404);
    expect((await colleague.call('DELETE', `/experiments/${experimentId}/second-rater`)).status).toBe(404);
    expect((await anonymous.call('GET', `/experiments/${experimentId}/second-rater`)).status).toBe(401);

    expect((await owner.call('DELETE', `/experiments/${experimentId}/second-rater`)).status).toBe(200);
    expect((await anonymous.call('GET', rate)).status).toBe(404);
    expect((await colleague.call('POST', `${rate}/undo`, { json: {} })).status).toBe(404);
  });
});
