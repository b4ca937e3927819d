/**
 * A team server end to end, on each engine: the real `whet serve --team` on a SQLite file and on
 * a database of the run's PostgreSQL cluster. Setup, sign-in and sessions, invitations, roles,
 * deactivation, throttling, CSRF and the security headers — over real HTTP.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  Invitation,
  Me,
  Member,
  NewAccessToken,
  NewInvitation,
} from '../src/core/team/account.js';
import { ENGINES } from './harness/stores.js';
import { cliEnv, runWhet } from './support/cli.js';
import { call, type Problem } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import {
  ADMIN,
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
  teamDatabase,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

const BEA = { name: 'Bea Researcher', email: 'bea@example.org', password: 'bea keeps notes daily' };

describe.each(ENGINES)('a team server on %s', (engine) => {
  let server: TeamServer;
  let admin: TeamClient;
  let dropDatabase: (() => Promise<void>) | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    assertCliBuilt();
    const root = dirs.make(`whet-team-${engine}`);
    env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
    const database = await teamDatabase(engine, root);
    dropDatabase = database.drop;
    server = await startTeamServer({ db: database.db, env });
  });

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
  });

  it('prints a one-time setup link that creates the organisation and its first admin, once', async () => {
    expect(server.setupLink).toMatch(/\/setup\/[A-Za-z0-9_-]{32}$/);
    const anonymous = new TeamClient(server);
    expect((await anonymous.call('GET', '/auth/status')).body).toEqual({ mode: 'team', setupRequired: true });
    const token = new URL(server.setupLink ?? '').pathname.split('/').pop();
    expect((await anonymous.call('GET', `/setup/${token}`)).status).toBe(204);
    const weak = await anonymous.call<Problem>('POST', '/setup', {
      json: { token, organisation: 'Kepler Lab', ...ADMIN, password: 'password1234' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toEqual([
      { field: 'password', message: 'is one of the most common passwords; choose another' },
    ]);
    admin = await setUpOrganisation(server);
    const me = (await admin.call<Me>('GET', '/me')).body;
    expect(me).toMatchObject({
      mode: 'team',
      user: { name: ADMIN.name, email: ADMIN.email },
      organisation: { name: 'Kepler Lab' },
      roles: ['researcher', 'admin'],
    });
    expect((await anonymous.call('GET', '/auth/status')).body).toEqual({
      mode: 'team',
      setupRequired: false,
    });
    const again = await anonymous.call('POST', '/setup', {
      json: {
        token,
        organisation: 'Second',
        name: 'Mallory',
        email: 'm@example.org',
        password: 'mallory wants in too',
      },
    });
    expect(again.status).toBe(409);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, and a new session at every sign-in', async () => {
    const first = new TeamClient(server);
    const res = await first.call('POST', '/auth/sign-in', {
      json: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(res.status, res.text).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('whetstone.session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // Over plain http (a loopback test server) the cookie cannot be Secure; see the https case.
    expect(cookie).not.toMatch(/Secure/i);
    const second = new TeamClient(server);
    await second.signIn(ADMIN.email, ADMIN.password);
    expect(second.cookieHeader()).not.toBe(first.cookieHeader());
    const sessions = (await second.call<{ items: { current: boolean }[] }>('GET', '/account/sessions')).body
      .items;
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    // Signing out everywhere else ends the first client's session, not this one.
    expect((await second.call('POST', '/account/sessions/revoke-others')).status).toBe(204);
    expect((await first.call('GET', '/me')).status).toBe(401);
    expect((await second.call('GET', '/me')).status).toBe(200);
    expect((await second.call('POST', '/auth/sign-out')).status).toBe(204);
    expect((await second.call('GET', '/ideas')).status).toBe(401);
    admin = new TeamClient(server, 'admin');
    await admin.signIn(ADMIN.email, ADMIN.password);
  });

  it('answers a wrong password and an unknown address with the same message', async () => {
    const anonymous = new TeamClient(server);
    const wrong = await anonymous.call<Problem>('POST', '/auth/sign-in', {
      json: { email: ADMIN.email, password: 'not the right one at all' },
    });
    const unknown = await anonymous.call<Problem>('POST', '/auth/sign-in', {
      json: { email: 'nobody@example.org', password: 'not the right one at all' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('invites with roles; the link works once, and the invitee owns their own data', async () => {
    const bea = await inviteAndJoin(admin, BEA);
    expect((await bea.call<Me>('GET', '/me')).body.roles).toEqual(['researcher']);
    const idea = await bea.call<{ id: string }>('POST', '/ideas', {
      json: { text: 'Write the abstract last' },
    });
    expect(idea.status).toBe(201);
    // The admin sees members, never their ideas.
    expect((await admin.call('GET', `/ideas/${idea.body.id}`)).status).toBe(404);
    const adminIdeas = await admin.call<{ items: unknown[] }>('GET', '/ideas');
    expect(adminIdeas.body.items).toEqual([]);
    // A researcher is not an admin.
    expect((await bea.call('GET', '/members')).status).toBe(403);
    expect(
      (await bea.call('POST', '/invitations', { json: { email: 'x@example.org', roles: ['coach'] } })).status,
    ).toBe(403);

    const invited = await admin.call<NewInvitation>('POST', '/invitations', {
      json: { email: 'cy@example.org', roles: ['coach', 'researcher'] },
    });
    expect(invited.body).toMatchObject({
      invitation: {
        email: 'cy@example.org',
        roles: ['researcher', 'coach'],
        state: 'pending',
        invitedBy: ADMIN.name,
      },
      mailed: false,
    });
    const token = new URL(invited.body.link).pathname.split('/').pop();
    const cy = new TeamClient(server);
    const preview = await cy.call('GET', `/join/${token}`);
    expect(preview.body).toMatchObject({
      organisation: 'Kepler Lab',
      email: 'cy@example.org',
      invitedBy: ADMIN.name,
    });
    const short = await cy.call<Problem>('POST', `/join/${token}`, {
      json: { name: 'Cy', password: 'too short' },
    });
    expect(short.body.errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
    expect(
      (await cy.call('POST', `/join/${token}`, { json: { name: 'Cy', password: 'cy coaches with care' } }))
        .status,
    ).toBe(201);
    const reused = await new TeamClient(server).call<Problem>('POST', `/join/${token}`, {
      json: { name: 'Eve', password: 'eve reuses old links' },
    });
    expect(reused.status).toBe(404);
    expect(reused.body.detail).toMatch(/used already/);
    const tampered = await new TeamClient(server).call<Problem>('GET', `/join/${token}x`);
    expect(tampered.body.detail).toMatch(/not valid/);

    const withdrawn = await admin.call<NewInvitation>('POST', '/invitations', {
      json: { email: 'dee@example.org', roles: ['researcher'] },
    });
    const revoked = await admin.call<Invitation>('DELETE', `/invitations/${withdrawn.body.invitation.id}`);
    expect(revoked.body.state).toBe('revoked');
    const late = await new TeamClient(server).call<Problem>(
      'GET',
      `/join/${new URL(withdrawn.body.link).pathname.split('/').pop()}`,
    );
    expect(late.body.detail).toMatch(/withdrawn/);
  });

  it('deactivating a member ends their sessions at once; the last admin stays', async () => {
    const members = (await admin.call<{ items: Member[] }>('GET', '/members')).body.items;
    const bea = members.find((m) => m.email === BEA.email);
    const beaClient = new TeamClient(server);
    await beaClient.signIn(BEA.email, BEA.password);
    const staleCookie = beaClient.cookieHeader();
    const off = await admin.call<Member>('PATCH', `/members/${bea?.userId}`, { json: { active: false } });
    expect(off.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect((await beaClient.call('GET', '/ideas')).status).toBe(401);
    const again = await new TeamClient(server).call('POST', '/auth/sign-in', {
      json: { email: BEA.email, password: BEA.password },
    });
    expect(again.status).toBe(401);
    expect(again.headers.getSetCookie()).toEqual([]);
    await admin.call('PATCH', `/members/${bea?.userId}`, { json: { active: true } });
    await beaClient.signIn(BEA.email, BEA.password);
    // A browser that still holds the dead session's cookie signs in and stays signed in.
    const stale = new TeamClient(server);
    stale.setCookieHeader(staleCookie);
    await stale.signIn(BEA.email, BEA.password);
    expect((await stale.call('GET', '/me')).status).toBe(200);

    const self = members.find((m) => m.email === ADMIN.email);
    const demote = await admin.call<Problem>('PATCH', `/members/${self?.userId}`, {
      json: { roles: ['researcher'] },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/at least one active admin/);
  });

  it('changes a password with the current one, ending the other sessions; the last admin cannot leave', async () => {
    const elsewhere = new TeamClient(server);
    await elsewhere.signIn(BEA.email, BEA.password);
    const bea = new TeamClient(server);
    await bea.signIn(BEA.email, BEA.password);
    const wrong = await bea.call<Problem>('POST', '/account/password', {
      json: { currentPassword: 'not it at all, sorry', password: 'bea has a newer passphrase' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', message: 'is not your current password' },
    ]);
    const changed = await bea.call('POST', '/account/password', {
      json: { currentPassword: BEA.password, password: 'bea has a newer passphrase' },
    });
    expect(changed.status, changed.text).toBe(204);
    expect((await bea.call('GET', '/me')).status).toBe(200);
    expect((await elsewhere.call('GET', '/me')).status).toBe(401);
    await bea.call('POST', '/account/password', {
      json: { currentPassword: 'bea has a newer passphrase', password: BEA.password },
    });
    const last = await admin.call<Problem>('POST', '/account/leave');
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/last admin/);
  });

  it('personal access tokens: shown once, read or read-write, revoked at once', async () => {
    const bea = new TeamClient(server);
    await bea.signIn(BEA.email, BEA.password);
    const read = await bea.call<NewAccessToken>('POST', '/account/tokens', {
      json: { name: 'laptop', scope: 'read' },
    });
    expect(read.status).toBe(201);
    expect(read.body.secret).toMatch(/^whet_[A-Za-z0-9_-]{32}$/);
    const write = await bea.call<NewAccessToken>('POST', '/account/tokens', {
      json: { name: 'scripts', scope: 'read-write', expiresInDays: 30 },
    });
    expect(write.body.token.expiresAt).not.toBeNull();
    const listed = await bea.call<{ items: unknown[] }>('GET', '/account/tokens');
    expect(listed.text).not.toContain(read.body.secret);
    expect(listed.body.items).toHaveLength(2);

    const reader = new TeamClient(server);
    reader.bearer = read.body.secret;
    expect((await reader.call('GET', '/ideas')).status).toBe(200);
    const refused = await reader.call<Problem>('POST', '/ideas', {
      json: { text: 'From a read-only token' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/may only read/);
    // A token cannot mint tokens or touch sessions, even a read-write one.
    const writer = new TeamClient(server);
    writer.bearer = write.body.secret;
    expect((await writer.call('POST', '/ideas', { json: { text: 'From a script' } })).status).toBe(201);
    expect(
      (await writer.call('POST', '/account/tokens', { json: { name: 'more', scope: 'read' } })).status,
    ).toBe(403);
    expect((await bea.call('DELETE', `/account/tokens/${write.body.token.id}`)).status).toBe(204);
    expect((await writer.call('GET', '/ideas')).status).toBe(401);
    const wrong = new TeamClient(server);
    wrong.bearer = `${read.body.secret.slice(0, -1)}x`;
    expect((await wrong.call('GET', '/ideas')).status).toBe(401);
  });

  it('records security events in the audit log, newest first', async () => {
    const page = (await admin.call<AuditPage>('GET', '/audit-events')).body;
    const kinds = page.items.map((e) => e.kind);
    for (const kind of [
      'organisation.created',
      'sign-in',
      'sign-in.failed',
      'invitation.created',
      'invitation.accepted',
      'invitation.revoked',
      'member.deactivated',
      'member.reactivated',
      'sessions.revoked',
      'password.changed',
      'token.created',
      'token.revoked',
    ])
      expect(kinds).toContain(kind);
    expect(page.items[0]?.seq).toBeGreaterThan(page.items[page.items.length - 1]?.seq ?? 0);
    const failed = page.items.find((e) => e.kind === 'sign-in.failed' && e.subject?.name === ADMIN.name);
    expect(failed?.ipAddress).toMatch(/127\.0\.0\.1/);
  });

  it('throttles sign-in per account: 429 with Retry-After, counted in the database', async () => {
    const attacker = new TeamClient(server);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await attacker.call('POST', '/auth/sign-in', {
            json: { email: 'cy@example.org', password: `guess number ${i}!` },
          })
        ).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await attacker.call('POST', '/auth/sign-in', {
      json: { email: 'cy@example.org', password: 'cy coaches with care' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a cookie-carrying change from another origin, and sends the security headers', async () => {
    const res = await call(server.api, 'POST', '/ideas', {
      json: { text: 'Planted by another site' },
      headers: { cookie: admin.cookieHeader(), origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((res.body as Problem).type).toMatch(/cross-site-request$/);
    const page = await fetch(server.url);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('behind an https public address, the cookie is __Host- and Secure, and links use that address', async () => {
    if (engine === 'postgres') return; // The cookie is the engine's business in no way; one run is enough.
    const root = dirs.make('whet-team-https');
    const https = await startTeamServer({
      db: join(root, 'team.db'),
      env,
      extraArgs: ['--public-url', 'https://whet.example.test'],
    });
    try {
      expect(https.setupLink).toMatch(/^https:\/\/whet\.example\.test\/setup\//);
      const client = new TeamClient({ api: https.api, origin: 'https://whet.example.test' });
      const token = new URL(https.setupLink ?? '').pathname.split('/').pop();
      const res = await client.call('POST', '/setup', {
        json: { token, organisation: 'Secure Lab', ...ADMIN },
      });
      expect(res.status, res.text).toBe(201);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-whetstone.session='));
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      const invited = await client.call<NewInvitation>('POST', '/invitations', {
        json: { email: 'bea@example.org', roles: ['researcher'] },
      });
      expect(invited.body.link).toMatch(/^https:\/\/whet\.example\.test\/invite\//);
    } finally {
      await https.stop();
    }
  });
});

describe('solo mode stays solo', () => {
  it('refuses a non-loopback --host without --team, in one line', async () => {
    assertCliBuilt();
    const root = dirs.make('whet-solo-host');
    const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
    const result = await runWhet(
      ['--db', join(root, 'solo.db'), 'serve', '--host', '0.0.0.0', '--port', '0'],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/loopback.*--team/);
  });
});
