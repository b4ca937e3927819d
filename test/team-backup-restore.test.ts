/**
 * Backing up and restoring a team server, the way the README says: `pg_dump` of the live
 * database, `pg_restore` into an empty one, `whet serve --team` on the copy. Accounts, passwords,
 * sessions (the cookie key lives in the database), access tokens, research data, sharing and the
 * audit log all come back; the copy asks for no setup.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Me, Member, NewAccessToken } from '../src/core/team/account.js';
import type { Grant } from '../src/core/team/grants.js';
import { PG_BIN } from './harness/postgres.js';
import { createPostgresDatabase } from './harness/stores.js';
import { cliEnv } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import {
  ADMIN,
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const run = promisify(execFile);
const dirs = tempDirs();
const drops: (() => Promise<void>)[] = [];
const servers: TeamServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const drop of drops) await drop();
  dirs.cleanup();
});

const BEA = { name: 'Bea Researcher', email: 'bea@example.org', password: 'bea keeps notes daily' };
const CARL = { name: 'Carl Coach', email: 'carl@example.org', password: 'carl asks why twice' };

describe('a team server restored from pg_dump', () => {
  let env: NodeJS.ProcessEnv;
  let original: TeamServer;
  let bea: TeamClient;
  let token: string;
  let ideaId: string;

  beforeAll(async () => {
    assertCliBuilt();
    const root = dirs.make('whet-team-restore');
    env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
    const source = await createPostgresDatabase();
    drops.push(source.drop);
    original = await startTeamServer({ db: source.url, env });
    servers.push(original);
    const admin = await setUpOrganisation(original);
    bea = await inviteAndJoin(admin, BEA);
    await inviteAndJoin(admin, CARL, ['coach']);
    const idea = await bea.call<{ id: string }>('POST', '/ideas', {
      json: { text: 'Draft the method first' },
    });
    ideaId = idea.body.id;
    const coach = (await bea.call<{ items: { id: string }[] }>('GET', '/coaches')).body.items[0];
    expect(
      (await bea.call('POST', '/grants', { json: { coachId: coach?.id, scopes: ['ideas'] } })).status,
    ).toBe(201);
    token = (
      await bea.call<NewAccessToken>('POST', '/account/tokens', { json: { name: 'laptop', scope: 'read' } })
    ).body.secret;

    // The procedure from the README, while the server runs.
    const dump = join(root, 'whetstone.dump');
    await run(join(PG_BIN, 'pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, source.url]);
    const copy = await createPostgresDatabase();
    drops.push(copy.drop);
    await run(join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${copy.url}`, dump]);
    const restored = await startTeamServer({ db: copy.url, env });
    servers.push(restored);
    // From here on every client talks to the copy.
    bea = rebased(bea, restored);
    original = restored;
  }, 120_000);

  /** The same browser (cookies and all), pointed at another server. */
  function rebased(client: TeamClient, server: TeamServer): TeamClient {
    const moved = new TeamClient(server, client.label);
    moved.setCookieHeader(client.cookieHeader());
    return moved;
  }

  it('needs no setup, and keeps sessions, passwords and tokens', async () => {
    expect(original.setupLink).toBeNull();
    expect((await bea.call<Me>('GET', '/me')).body.user.email).toBe(BEA.email);
    const fresh = new TeamClient(original, 'fresh');
    await fresh.signIn(BEA.email, BEA.password);
    const reader = new TeamClient(original, 'token');
    reader.bearer = token;
    expect((await reader.call('GET', `/ideas/${ideaId}`)).status).toBe(200);
  });

  it('keeps the research data, the sharing and the audit log', async () => {
    const ideas = (await bea.call<{ items: { text: string }[] }>('GET', '/ideas')).body.items;
    expect(ideas.map((i) => i.text)).toEqual(['Draft the method first']);
    const grants = (await bea.call<{ items: Grant[] }>('GET', '/grants')).body.items;
    expect(grants.map((g) => [g.coach.name, g.state])).toEqual([['Carl Coach', 'active']]);
    const carl = new TeamClient(original, 'carl');
    await carl.signIn(CARL.email, CARL.password);
    const researcher = grants[0]?.researcher.id;
    expect((await carl.call('GET', `/shared/${researcher}/ideas`)).status).toBe(200);
    const admin = new TeamClient(original, 'admin');
    await admin.signIn(ADMIN.email, ADMIN.password);
    const members = (await admin.call<{ items: Member[] }>('GET', '/members')).body.items;
    expect(members.map((m) => m.email).sort()).toEqual([ADMIN.email, BEA.email, CARL.email]);
    const kinds = (await admin.call<AuditPage>('GET', '/audit-events')).body.items.map((e) => e.kind);
    expect(kinds).toContain('organisation.created');
    expect(kinds).toContain('grant.created');
  });
});
