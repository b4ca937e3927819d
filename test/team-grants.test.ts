/**
 * Sharing with a coach, end to end on each engine: a researcher grants a coach read access to
 * chosen scopes (ideas of one area, plans), the coach reads exactly that and nothing else, every
 * read lands in the researcher's access log, and revocation, expiry, deactivation, losing the
 * coach role and leaving the organisation each end the coach's access at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Member } from '../src/core/team/account.js';
import type { Grant, GrantAccess } from '../src/core/team/grants.js';
import { ENGINES } from './harness/stores.js';
import { cliEnv } from './support/cli.js';
import type { Problem } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  type TeamClient,
  type TeamServer,
  teamDatabase,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

type Items<T> = { items: T[] };
const DAY_MS = 86_400_000;

describe.each(ENGINES)('sharing with a coach on %s', (engine) => {
  let server: TeamServer;
  let dropDatabase: (() => Promise<void>) | undefined;
  let admin: TeamClient;
  let olive: TeamClient;
  let cora: TeamClient;
  let otto: TeamClient;
  const id: Record<string, string> = {};

  async function post<T extends { id: string }>(client: TeamClient, path: string, json: unknown): Promise<T> {
    const res = await client.call<T>('POST', path, { json });
    expect(res.status, `${path}: ${res.text}`).toBe(201);
    return res.body;
  }
  const status = async (client: TeamClient, path: string) => (await client.call('GET', path)).status;
  const shared = (scope: string) => `/shared/${id.olive}/${scope}`;
  const serverNow = async () =>
    (await admin.call<{ now: string }>('POST', '/test/clock', { json: { advanceMs: 0 } })).body.now;

  beforeAll(async () => {
    assertCliBuilt();
    const root = dirs.make(`whet-grants-${engine}`);
    const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root, WHETSTONE_TEST_HOOKS: '1' });
    const database = await teamDatabase(engine, root);
    dropDatabase = database.drop;
    server = await startTeamServer({ db: database.db, env });
    admin = await setUpOrganisation(server);
    olive = await inviteAndJoin(admin, {
      name: 'Olive Owner',
      email: 'olive@example.org',
      password: 'olive shares carefully',
    });
    otto = await inviteAndJoin(admin, {
      name: 'Otto Other',
      email: 'otto@example.org',
      password: 'otto is a researcher',
    });
    cora = await inviteAndJoin(
      admin,
      { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' },
      ['coach'],
    );
    const members = (await admin.call<Items<Member>>('GET', '/members')).body.items;
    for (const m of members) id[m.email.split('@')[0] ?? ''] = m.userId;

    id.writing = (await post(olive, '/areas', { name: 'Grant proposals' })).id;
    id.reading = (await post(olive, '/areas', { name: 'Literature search' })).id;
    id.writingIdea = (
      await post(olive, '/ideas', { text: 'Outline before drafting', areaId: id.writing })
    ).id;
    id.readingIdea = (await post(olive, '/ideas', { text: 'Skim the figures first', areaId: id.reading })).id;
    id.plan = (
      await post(olive, '/plans', {
        title: 'Draft before noon',
        kind: 'process',
        nextAction: 'Block the mornings',
        successSignal: 'Three drafts a week',
        reviewOn: new Date(Date.now() + 14 * DAY_MS).toISOString().slice(0, 10),
      })
    ).id;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
  });

  it('offers the coaches of the organisation, and refuses a grant to anyone else or with bad fields', async () => {
    const coaches = (await olive.call<Items<{ id: string; name: string }>>('GET', '/coaches')).body.items;
    expect(coaches).toEqual([{ id: id.cora, name: 'Cora Coach' }]);
    const refused = async (json: unknown) => {
      const res = await olive.call<Problem>('POST', '/grants', { json });
      expect(res.status, res.text).toBe(422);
      return res.body.errors?.map((e) => e.field);
    };
    expect(await refused({ coachId: id.otto, scopes: ['ideas'] })).toEqual(['coachId']);
    expect(await refused({ coachId: id.cora, scopes: [] })).toEqual(['scopes']);
    expect(await refused({ coachId: id.cora, scopes: ['ideas'], areaIds: ['no-such-area'] })).toEqual([
      'areaIds',
    ]);
    expect(await refused({ coachId: id.cora, scopes: ['plans'], areaIds: [id.writing] })).toEqual([
      'areaIds',
    ]);
    expect(await refused({ coachId: id.cora, scopes: ['ideas'], until: '2001-01-01' })).toEqual(['until']);
    expect((await olive.call<Items<Grant>>('GET', '/grants')).body.items).toEqual([]);
  });

  it('lets the coach read exactly the shared scopes, and logs each read for the researcher', async () => {
    const grant = await post<Grant>(olive, '/grants', {
      coachId: id.cora,
      scopes: ['plans', 'ideas'],
      areaIds: [id.writing],
    });
    expect(grant).toMatchObject({
      researcher: { id: id.olive, name: 'Olive Owner' },
      coach: { id: id.cora, name: 'Cora Coach' },
      scopes: ['ideas', 'plans'],
      areas: [{ id: id.writing, name: 'Grant proposals' }],
      state: 'active',
      expiresAt: null,
    });
    id.grant = grant.id;

    const mine = (await cora.call<Items<Grant>>('GET', '/shared-with-me')).body.items;
    expect(mine.map((g) => [g.researcher.name, g.scopes])).toEqual([['Olive Owner', ['ideas', 'plans']]]);
    const ideas = (await cora.call<Items<{ id: string }>>('GET', shared('ideas'))).body.items;
    expect(ideas.map((i) => i.id)).toEqual([id.writingIdea]);
    const areas = (await cora.call<Items<{ name: string }>>('GET', shared('areas'))).body.items;
    expect(areas.map((a) => a.name)).toEqual(['Grant proposals']);
    const plans = (await cora.call<Items<{ id: string }>>('GET', shared('plans'))).body.items;
    expect(plans.map((p) => p.id)).toEqual([id.plan]);
    expect((await cora.call('GET', shared('practice'))).status).toBe(200);
    // Not shared: the same answer as for a person who does not exist.
    expect(await status(cora, shared('sessions'))).toBe(404);
    expect(await status(cora, shared('experiments'))).toBe(404);
    expect(await status(cora, '/shared/nobody-at-all/ideas')).toBe(404);
    // The researcher's own objects by id stay the researcher's.
    expect(await status(cora, `/ideas/${id.readingIdea}`)).toBe(404);
    // Another researcher, no coach, sees nothing shared.
    expect(await status(otto, shared('ideas'))).toBe(404);
    expect((await otto.call<Items<Grant>>('GET', '/shared-with-me')).body.items).toEqual([]);

    const log = (await olive.call<Items<GrantAccess>>('GET', '/grants/access-log')).body.items;
    expect(log.map((entry) => [entry.coach.name, entry.scope])).toEqual([
      ['Cora Coach', 'plans'],
      ['Cora Coach', 'plans'],
      ['Cora Coach', 'ideas'],
      ['Cora Coach', 'ideas'],
    ]);
    // Nobody else's log shows it.
    expect((await otto.call<Items<GrantAccess>>('GET', '/grants/access-log')).body.items).toEqual([]);
  });

  it('ends the access at once on revocation, and records grant and revocation in the audit log', async () => {
    const revoked = await olive.call<Grant>('DELETE', `/grants/${id.grant}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    expect(await status(cora, shared('ideas'))).toBe(404);
    expect(await status(cora, shared('plans'))).toBe(404);
    expect((await cora.call<Items<Grant>>('GET', '/shared-with-me')).body.items).toEqual([]);
    expect((await olive.call('DELETE', `/grants/${id.grant}`)).status).toBe(409);
    // A coach cannot revoke (or see) a grant that is not theirs to give.
    expect((await cora.call('DELETE', `/grants/${id.grant}`)).status).toBe(404);
    const kinds = (await admin.call<AuditPage>('GET', '/audit-events')).body.items.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['grant.revoked', 'grant.created']);
  });

  it('keeps one live grant per coach: sharing again replaces what was shared', async () => {
    const first = await post<Grant>(olive, '/grants', { coachId: id.cora, scopes: ['ideas', 'plans'] });
    const second = await post<Grant>(olive, '/grants', { coachId: id.cora, scopes: ['plans'] });
    const listed = (await olive.call<Items<Grant>>('GET', '/grants')).body.items;
    expect(listed.filter((g) => g.state === 'active').map((g) => g.id)).toEqual([second.id]);
    expect(listed.find((g) => g.id === first.id)?.state).toBe('revoked');
    expect(await status(cora, shared('ideas'))).toBe(404);
    expect(await status(cora, shared('plans'))).toBe(200);
    expect((await olive.call('DELETE', `/grants/${second.id}`)).status).toBe(200);
  });

  it('stops at the end of the "until" day, and shows the grant as expired', async () => {
    const today = (await serverNow()).slice(0, 10);
    const grant = await post<Grant>(olive, '/grants', { coachId: id.cora, scopes: ['plans'], until: today });
    expect(await status(cora, shared('plans'))).toBe(200);
    await admin.call('POST', '/test/clock', { json: { advanceMs: 2 * DAY_MS } });
    expect(await status(cora, shared('plans'))).toBe(404);
    const listed = (await olive.call<Items<Grant>>('GET', '/grants')).body.items.find(
      (g) => g.id === grant.id,
    );
    expect(listed?.state).toBe('expired');
  });

  it('pauses while the researcher is deactivated and ends when the coach loses the role', async () => {
    const grant = await post<Grant>(olive, '/grants', { coachId: id.cora, scopes: ['ideas'] });
    expect(await status(cora, shared('ideas'))).toBe(200);
    const patch = (userId: string, json: unknown) => admin.call('PATCH', `/members/${userId}`, { json });
    expect((await patch(id.olive ?? '', { active: false })).status).toBe(200);
    expect(await status(cora, shared('ideas'))).toBe(404);
    expect((await patch(id.olive ?? '', { active: true })).status).toBe(200);
    expect(await status(cora, shared('ideas'))).toBe(200);
    expect((await patch(id.cora ?? '', { roles: ['researcher'] })).status).toBe(200);
    expect(await status(cora, shared('ideas'))).toBe(404);
    expect((await patch(id.cora ?? '', { roles: ['coach'] })).status).toBe(200);
    expect(await status(cora, shared('ideas'))).toBe(200);
    id.liveGrant = grant.id;
  });

  it('revokes everything a researcher shared when they leave the organisation', async () => {
    await olive.signIn('olive@example.org', 'olive shares carefully');
    // Olive's cookie from before her deactivation is still in the jar: signing in must replace it.
    expect((await olive.call('POST', '/account/leave')).status).toBe(204);
    expect(await status(cora, shared('ideas'))).toBe(404);
    expect((await cora.call<Items<Grant>>('GET', '/shared-with-me')).body.items).toEqual([]);
  });
});
