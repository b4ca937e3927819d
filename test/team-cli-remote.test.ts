/**
 * `whet` against a team server: the real built binary logs in with a password, stores a personal
 * access token, and then runs its commands through the HTTP API of a real `whet serve --team`,
 * with the output, messages and exit codes of a local run; the focused session runs in a real
 * pseudo-terminal (tmux). Nothing is mocked.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentView } from '../src/core/experiments/view.js';
import type { Idea } from '../src/core/ideas.js';
import type { SessionView } from '../src/core/sessions/view.js';
import type { Me } from '../src/core/team/account.js';
import { cliEnv, describeRun, expectCliError, type RunResult, runWhet } from './support/cli.js';
import { freePort } from './support/free-port.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  type TeamClient,
  type TeamServer,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';
import { tmuxTerminals } from './support/terminal.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const ROSA = { name: 'Rosa Researcher', email: 'rosa@example.org', password: 'rosa reads every paper' };

const RATING_PROMPT = "value 1-5 (Enter to skip), optionally followed by effort S/M/L, e.g. '4 m':";

const dirs = tempDirs();
const terminals = tmuxTerminals('whet-remote');
let root: string;
let server: TeamServer;
let rosa: TeamClient;
let env: NodeJS.ProcessEnv;
let serverUrl: string;

const configFile = (home: string) => join(home, 'whetstone', 'credentials.json');

async function whet(args: readonly string[], stdin?: string, runEnv = env): Promise<RunResult> {
  return runWhet(args, { env: runEnv, ...(stdin === undefined ? {} : { stdin }) });
}

async function ok(args: readonly string[], stdin?: string): Promise<RunResult> {
  const result = await whet(args, stdin);
  expect(result.code, describeRun(args, result)).toBe(0);
  return result;
}

async function json<T>(args: readonly string[]): Promise<T> {
  return JSON.parse((await ok(args)).stdout) as T;
}

beforeAll(async () => {
  assertCliBuilt();
  root = dirs.make('whet-team-remote');
  env = cliEnv({ XDG_DATA_HOME: join(root, 'data'), XDG_CONFIG_HOME: join(root, 'config'), HOME: root });
  // The server's test hooks let the experiment's week pass in a moment (POST /test/clock).
  server = await startTeamServer({ db: join(root, 'team.db'), env: { ...env, WHETSTONE_TEST_HOOKS: '1' } });
  serverUrl = server.origin;
  const admin = await setUpOrganisation(server);
  rosa = await inviteAndJoin(admin, ROSA);
}, 60_000);

afterAll(async () => {
  terminals.stop();
  await server?.stop();
  dirs.cleanup();
});

describe('whet login, whoami and logout', { timeout: 60_000 }, () => {
  it('refuses a wrong password and stores nothing', async () => {
    const args = ['login', serverUrl, '--email', ROSA.email];
    const wrong = await whet(args, 'not her password at all\n');
    expectCliError(args, wrong, ['the email or password is not right']);
    expect(() => statSync(configFile(join(root, 'config')))).toThrow();
    const whoami = await whet(['whoami']);
    expectCliError(['whoami'], whoami, ['not logged in']);
  });

  it('logs in with a piped password and keeps the token readable by its owner only', async () => {
    const login = await ok(['login', `${serverUrl}/`, '--email', ROSA.email], `${ROSA.password}\n`);
    expect(login.stdout).toBe(
      `Logged in to ${serverUrl} as Rosa Researcher <rosa@example.org>, researcher in Kepler Lab.\n` +
        `Token stored in ${configFile(join(root, 'config'))}\n`,
    );
    expect(login.stdout + login.stderr).not.toContain(ROSA.password);
    const file = configFile(join(root, 'config'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'config', 'whetstone')).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { server: string; token: string };
    expect(stored.server).toBe(serverUrl);
    expect(stored.token).toMatch(/^whet_/);
    // The server knows the token by its name, and the sign-in session used to create it is gone.
    const tokens = await rosa.call<{ items: { name: string; revokedAt: string | null }[] }>(
      'GET',
      '/account/tokens',
    );
    expect(tokens.body.items).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^whet on /) }),
    ]);
    const sessions = await rosa.call<{ items: unknown[] }>('GET', '/account/sessions');
    expect(sessions.body.items).toHaveLength(1);
  });

  it('says who is logged in, and where', async () => {
    expect((await ok(['whoami'])).stdout).toBe(
      `Rosa Researcher <rosa@example.org>, researcher in Kepler Lab on ${serverUrl}\n`,
    );
    const me = await json<Me & { server: string }>(['whoami', '--json']);
    expect(me).toMatchObject({
      server: serverUrl,
      mode: 'team',
      user: { name: ROSA.name },
      roles: ['researcher'],
    });
  });
});

describe('whet login in a terminal', { timeout: 60_000 }, () => {
  it('asks for the email, then the password without echoing it', async () => {
    const config = join(root, 'tty-config');
    const t = terminals.open(['login', serverUrl], { HOME: root, XDG_CONFIG_HOME: config });
    await t.waitForText('Email: ');
    t.type(ROSA.email);
    await t.waitForText('Password: ');
    t.type(ROSA.password);
    const screen = await t.waitForText('[exit 0]');
    expect(screen).toContain(`Logged in to ${serverUrl} as Rosa Researcher <rosa@example.org>`);
    expect(screen).not.toContain(ROSA.password);
    expect(statSync(configFile(config)).mode & 0o777).toBe(0o600);
  });
});

describe('whet commands on the team server', { timeout: 60_000 }, () => {
  let first: Idea;

  it('captures with whet idea and lists with whet ideas, on the account, not the local database', async () => {
    const captured = await ok(['idea', 'Outline before drafting']);
    expect(captured.stdout).toMatch(/^[0-9a-z]+\n$/);
    expect(captured.stderr).toBe('');
    first = (await rosa.call<Idea>('GET', `/ideas/${captured.stdout.trim()}`)).body;
    expect(first.text).toBe('Outline before drafting');
    // Flags the fast path does not take go through the full CLI, to the same server.
    const filed = await json<Idea>([
      'idea',
      'Keep a lab notebook',
      '--area',
      'writing',
      '--value',
      '4',
      '--json',
    ]);
    expect(filed).toMatchObject({
      text: 'Keep a lab notebook',
      areaId: 'writing',
      value: 4,
      source: 'noticed',
    });
    const quoted = await json<Idea>([
      'idea',
      'Read the abstract first',
      '--source',
      'conversation',
      '--json',
    ]);
    expect(quoted.source).toBe('conversation');

    const list = await ok(['ideas']);
    expect(list.stdout).toContain('Outline before drafting');
    expect(list.stdout).toMatch(/Writing.*Keep a lab notebook/);
    const listed = await json<Idea[]>(['ideas', '--json']);
    expect(listed.map((i) => i.text)).toEqual([
      'Read the abstract first',
      'Keep a lab notebook',
      'Outline before drafting',
    ]);
    expect(await json<Idea[]>(['ideas', '--json', '--area', 'Writing'])).toHaveLength(1);

    // --local, --db and WHETSTONE_DB mean the database of this machine, which has none of them.
    expect(await json<Idea[]>(['ideas', '--json', '--local'])).toEqual([]);
    expect(await json<Idea[]>(['ideas', '--json', '--db', join(root, 'other.db')])).toEqual([]);
    const local = await whet(['ideas', '--json'], undefined, {
      ...env,
      WHETSTONE_DB: join(root, 'other.db'),
    });
    expect(JSON.parse(local.stdout)).toEqual([]);
  });

  it('takes short ids, edits, and gives the local messages for bad input', async () => {
    const prefix = first.id.slice(0, 5);
    expect((await ok(['idea', 'show', prefix])).stdout).toContain('Outline before drafting');
    await ok(['idea', 'status', prefix, 'planned']);
    expect((await rosa.call<Idea>('GET', `/ideas/${first.id}`)).body.status).toBe('planned');
    await ok(['idea', 'rate', prefix, '5', '--effort', 'S']);

    // The same one-line messages and exit codes as on a local database.
    for (const args of [
      ['idea', 'Somewhere else', '--area', 'no such area'],
      ['idea', 'show', 'zzzzzz'],
      ['idea', ''],
    ]) {
      const remote = await whet(args);
      const local = await whet([...args, '--db', join(root, 'messages.db')]);
      expect(remote.code, describeRun(args, remote)).toBe(local.code);
      expect(remote.stderr, describeRun(args, remote)).toBe(local.stderr);
      expect(remote.stderr).toMatch(/^whet: [^\n]+\n$/);
    }
    const illegal = await whet(['idea', 'status', prefix, 'adopted']);
    expectCliError(['idea', 'status'], illegal, ['cannot go from planned to adopted']);
  });

  it('exports and imports through the API', async () => {
    const markdown = await ok(['export', '--format', 'md']);
    expect(markdown.stdout).toContain('Outline before drafting');
    const backup = join(root, 'backup.json');
    await ok(['export', '--out', backup]);
    expect(JSON.parse(readFileSync(backup, 'utf8')).data.ideas).toHaveLength(3);
    const dry = await ok(['import', backup, '--dry-run']);
    expect(dry.stdout).toMatch(/^dry run of .*: nothing was written\nareas: 0 would be created/);
    expect((await ok(['import', backup])).stdout).toMatch(/ideas: 0 created, 0 updated, 3 unchanged/);
    const list = join(root, 'list.md');
    writeFileSync(list, '- Write the methods section first #writing\n- Batch email twice a day\n');
    expect((await ok(['import', list, '--dry-run'])).stdout).toMatch(/^dry run: would import 2 ideas/);
    expect((await ok(['import', list])).stdout).toBe(`imported 2 ideas from ${list}\n`);
    expect(await json<Idea[]>(['ideas', '--json'])).toHaveLength(5);
  });

  it('runs a focused session in a terminal: steered, rated and stored on the server', async () => {
    const t = terminals.open(['session', '--minutes', '5'], {
      HOME: root,
      XDG_DATA_HOME: env.XDG_DATA_HOME ?? '',
      XDG_CONFIG_HOME: env.XDG_CONFIG_HOME ?? '',
    });
    await t.waitForText('[05:00 left · question 1 of ');
    await t.waitForText(' › ');
    t.type('Draft the figure captions first #writing');
    expect(await t.waitForText(' · 1 idea]')).toContain('saved under Writing');
    t.type('/next');
    await t.waitForText('Question 2 of');
    t.type('Ask a colleague to read the abstract');
    await t.waitForText(' · 2 ideas]');
    t.type('/end');
    await t.waitForText('Rate your 2 ideas');
    await t.waitForText(RATING_PROMPT);
    t.type('5 s');
    await t.waitForText(RATING_PROMPT, 2);
    t.type('3');
    await t.waitForText('A note on this session');
    t.type('on the team server');
    const screen = await t.waitForText('[exit 0]');
    expect(screen).toMatch(/Session complete: 2 ideas, 2 rated, \d\d:\d\d of 05:00 used\./);
    expect(screen).toMatch(/Best ideas:\n {2}5\/5 S +Draft the figure captions first/);
    const stored = await rosa.call<{ items: SessionView[] }>('GET', '/sessions');
    expect(stored.body.items).toEqual([
      expect.objectContaining({ state: 'completed', note: 'on the team server', plannedMs: 300_000 }),
    ]);
    const shown = await ok(['session', 'show', stored.body.items[0]?.id.slice(0, 6) ?? '']);
    expect(shown.stdout).toContain('Draft the figure captions first');
  });

  it('starts an experiment; whet idea then ends with its reminder line, as locally', async () => {
    await ok([
      'experiment',
      'start',
      '--predict',
      'The week wins: real problems show up while I work',
      '--favour',
      'passive',
      '--by',
      'a third more value',
    ]);
    const status = await json<ExperimentView>(['experiment', 'status', '--json']);
    expect(status.state).toBe('passive');
    const reminder = `${status.status.headline} (whet experiment status)\n`;
    const captured = await ok(['idea', 'Noticed while the week runs']);
    expect(captured.stderr).toBe(reminder);
    expect((await ok(['areas'])).stderr).toBe(reminder);
    // While the ideas are rated blind, the server refuses a value, with the local message.
    const valued = await whet(['idea', 'A valued idea', '--value', '4']);
    expectCliError(['idea'], valued, ['value']);
    const sealed = await ok(['experiment', 'preregistration']);
    expect(sealed.stdout).toContain('The week wins');
  });
});

describe('plans, practice and the rest on the team server', { timeout: 90_000 }, () => {
  it('plans from an idea, logs practice, measures, pools, and reads the numbers back', async () => {
    const idea = (await ok(['idea', 'Outline every draft before writing'])).stdout.trim();
    const plan = await json<{ id: string; title: string }>([
      'plan',
      'create',
      '--from',
      idea.slice(0, 6),
      '--title',
      'Outline every draft',
      '--kind',
      'process',
      '--next',
      'Outline the introduction',
      '--signal',
      'Drafts need fewer rewrites',
      '--json',
    ]);
    expect((await rosa.call<{ title: string }>('GET', `/plans/${plan.id}`)).body.title).toBe(
      'Outline every draft',
    );
    expect((await ok(['plan', 'list'])).stdout).toContain('Outline every draft');
    expect((await ok(['plan', 'show', plan.id.slice(0, 6)])).stdout).toContain('Outline the introduction');
    await ok(['practice', '25', '--plan', plan.id.slice(0, 6), '--difficulty', '3']);
    expect(await json<unknown[]>(['practice', 'list', '--json'])).toHaveLength(1);
    await ok(['interrupt', 'Slack']);
    expect(await json<unknown[]>(['interruptions', '--json'])).toHaveLength(1);
    await ok(['measure', 'interruptions', '4']);
    expect(await json<unknown[]>(['measurements', '--json'])).toHaveLength(1);
    await ok(['pool', 'create', 'Lab pool']);
    expect((await ok(['pool', 'list'])).stdout).toContain('Lab pool');
    expect((await ok(['exercises'])).stdout.length).toBeGreaterThan(0);
    expect((await ok(['decks'])).stdout.length).toBeGreaterThan(0);
    expect(await json<{ weeks: unknown[] }>(['dashboard', '--json'])).toHaveProperty('weeks');
    expect((await ok(['settings'])).stdout).toMatch(/time zone/i);
    await ok(['review', 'history']);
    await ok(['questions', 'stats']);
    const ics = join(root, 'plans.ics');
    await ok(['calendar', 'export', '--out', ics]);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});

describe('the experiment on the team server, to its blind rating and report', { timeout: 90_000 }, () => {
  /** Moves the team server's clock (its test hooks are on); the CLI asks it for every view. */
  const advance = async (ms: number) =>
    expect((await rosa.call('POST', '/test/clock', { json: { advanceMs: ms } })).status).toBe(200);

  it('moves to the focused phase, then rates the ideas of both phases blind from piped stdin', async () => {
    await advance(7 * DAY + MIN);
    const next = await ok(['experiment', 'next']);
    expect(next.stdout).toContain('Started One focused session');
    expect((await ok(['idea', 'Write the claim before the evidence'])).stderr).toMatch(
      /^Experiment: One focused session — \d+ minutes left \(whet experiment status\)\n$/,
    );
    await ok(['idea', 'List the figures before drafting']);
    await advance(30 * MIN);
    const due = await json<ExperimentView>(['experiment', 'status', '--json']);
    expect(due.status).toMatchObject({ due: true, nextStep: 'startRating' });
    const count = (due.recorded.passive ?? 0) + (due.recorded.focused ?? 0);
    expect(due.recorded.focused).toBe(2);
    // Enter ends the triage with every idea kept; then one value per idea, then finish.
    const rated = await ok(['experiment', 'rate'], `\n${'4\n'.repeat(count)}f\n`);
    expect(rated.stdout).toContain(`Blind rating: ${count} ideas to rate`);
    expect(rated.stdout).toContain(`All ${count} ideas rated.`);
    expect(rated.stdout).not.toMatch(/passive|noticing/i);
    const report = await ok(['experiment', 'report']);
    expect(report.stdout).toContain('The week wins: real problems show up while I work');
    // Reported, it is no longer the running one; its id (a prefix) still names it.
    expect((await json<ExperimentView>(['experiment', 'status', due.id.slice(0, 6), '--json'])).state).toBe(
      'reported',
    );
  });
});

describe('when the server cannot be used', { timeout: 60_000 }, () => {
  it('names an unreachable server in one line, exit 1', async () => {
    const port = await freePort();
    const config = join(root, 'unreachable-config');
    mkdirSync(join(config, 'whetstone'), { recursive: true });
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(configFile(config), JSON.stringify({ server: url, token: 'whet_nothing_listens' }));
    const away = { ...env, XDG_CONFIG_HOME: config };
    for (const args of [['ideas'], ['idea', 'Lost in the network'], ['whoami']]) {
      const result = await whet(args, undefined, away);
      expectCliError(args, result, [`cannot reach the Whetstone server at ${url}`]);
    }
  });

  it('asks to log in again once the token is revoked, exit 1', async () => {
    const tokens = await rosa.call<{ items: { id: string }[] }>('GET', '/account/tokens');
    const config = join(root, 'revoked-config');
    const revokedEnv = { ...env, XDG_CONFIG_HOME: config };
    const created = await rosa.call<{ token: { id: string }; secret: string }>('POST', '/account/tokens', {
      json: { name: 'soon revoked', scope: 'read-write' },
    });
    const login = await whet(['login', serverUrl, '--token', created.body.secret], undefined, revokedEnv);
    expect(login.code, describeRun(['login'], login)).toBe(0);
    expect((await rosa.call('DELETE', `/account/tokens/${created.body.token.id}`)).status).toBe(204);
    for (const args of [['ideas'], ['idea', 'After the revocation'], ['whoami']]) {
      const result = await whet(args, undefined, revokedEnv);
      expectCliError(args, result, [`run \`whet login ${serverUrl}\` again`]);
    }
    // The first login's token is untouched.
    expect((await rosa.call<{ items: { id: string }[] }>('GET', '/account/tokens')).body.items.length).toBe(
      tokens.body.items.length + 1,
    );
    const refused = await whet(['login', serverUrl, '--token', created.body.secret], undefined, revokedEnv);
    expectCliError(['login'], refused, ['does not accept this token']);
  });
});

describe('whet logout', { timeout: 60_000 }, () => {
  it('revokes the token on the server and forgets it; whet is local again', async () => {
    const file = configFile(join(root, 'config'));
    const { token } = JSON.parse(readFileSync(file, 'utf8')) as { token: string };
    const out = await ok(['logout']);
    expect(out.stdout).toBe(`Logged out of ${serverUrl}; removed ${file}\n`);
    expect(out.stderr).toBe('');
    expect(() => statSync(file)).toThrow();
    const probe = await fetch(`${server.api}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(probe.status).toBe(401);
    expect(await json<Idea[]>(['ideas', '--json'])).toEqual([]);
    expect((await ok(['logout'])).stdout).toBe('not logged in; nothing to do\n');
  });
});
