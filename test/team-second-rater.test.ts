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
import type { ExperimentReportView } from '../src/services/experiment.service.js';
import { cliEnv, describeRun, runWhet } from './support/cli.js';
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
let root: string;

beforeAll(async () => {
  assertCliBuilt();
  root = dirs.make('whet-team-second-rater');
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

describe('whet experiment second-rater against the team server', { timeout: 60_000 }, () => {
  it('invites through the API (the link from the public URL), shows the status, the report and withdraws', async () => {
    const env = cliEnv({
      HOME: root,
      XDG_CONFIG_HOME: join(root, 'olive-config'),
      XDG_DATA_HOME: join(root, 'x'),
    });
    const whet = async (args: readonly string[]) => {
      const result = await runWhet(args, { env });
      expect(result.code, describeRun(args, result)).toBe(0);
      return result.stdout;
    };
    const made = await owner.call<{ secret: string }>('POST', '/account/tokens', {
      json: { name: 'olive on the terminal', scope: 'read-write' },
    });
    expect(made.status, made.text).toBe(201);
    // The listening address: the public one is the proxy's, which this test does not run.
    await whet(['login', server.url, '--token', made.body.secret]);

    const invited = await whet(['experiment', 'second-rater', experimentId, '--name', 'Otto']);
    const link = new RegExp(`^ {2}(${PUBLIC}/rate/(\\S+))$`, 'm').exec(invited);
    expect(link, invited).not.toBeNull();
    expect(invited).toContain('Send this link to Otto (shown only now; keep it private):');
    // Not on this machine: no word about a local whet serve.
    expect(invited).not.toContain('whet serve');
    const token = link![2]!;
    const anonymous = new TeamClient(server, 'anonymous');
    const queue = await anonymous.call<SecondRaterQueueView>('GET', `/rate/${token}`);
    expect(queue.status, queue.text).toBe(200);
    await anonymous.call('POST', `/rate/${token}/ratings`, {
      json: { token: queue.body.next?.token, value: 3 },
    });
    expect(await whet(['experiment', 'second-rater', experimentId, '--status'])).toMatch(
      /^Otto: 1 of 2 rated, not finished yet \(invited \d{4}-\d\d-\d\d \d\d:\d\d\)\n$/,
    );

    // The report (rated and finished by the owner) carries the section in JSON and in text.
    const must = async (method: string, path: string, json?: unknown) => {
      const res = await owner.call(method, path, json === undefined ? {} : { json });
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
      return res.body as { next: { token: string } | null };
    };
    for (let mine = await must('GET', `/experiments/${experimentId}/rating`); mine.next; )
      mine = await must('POST', `/experiments/${experimentId}/rating`, { token: mine.next.token, value: 4 });
    await must('POST', `/experiments/${experimentId}/steps`, { action: 'report' });
    const report = JSON.parse(
      await whet(['experiment', 'report', experimentId, '--json']),
    ) as ExperimentReportView;
    expect(report.kind === 'ideas' && report.secondRater).toMatchObject({ raterName: 'Otto', rated: 1 });
    const text = await whet(['experiment', 'report', experimentId]);
    expect(text).toContain('\nSecond rater  Otto: not finished yet, rated 1 of 2 kept ideas so far\n');
    expect(text).toContain('\nBoth rated  1 idea\n');
    expect(text).toContain('Agreement   weighted kappa (quadratic): not computed\n');

    expect(await whet(['experiment', 'second-rater', experimentId, '--withdraw'])).toBe(
      `withdrew the second rater's link of ${experimentId}\n`,
    );
    expect((await anonymous.call('GET', `/rate/${token}`)).status).toBe(404);
    expect(await whet(['experiment', 'second-rater', experimentId, '--status'])).toContain(
      'No second rater.',
    );
  });
});
