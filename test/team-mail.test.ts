/**
 * A team server's mail, delivered to a real SMTP server in this process: invitations are mailed,
 * "forgot password" mails a reset link to a member and nothing to an unknown address (with the
 * same answer), and the link sets a new password once, ending the account's other sessions.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewInvitation } from '../src/core/team/account.js';
import { cliEnv } from './support/cli.js';
import type { Problem } from './support/http.js';
import { type Mailbox, startMailbox, waitForMail } from './support/mailbox.js';
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
let mailbox: Mailbox;
let server: TeamServer;
let admin: TeamClient;
let dbPath: string;

beforeAll(async () => {
  assertCliBuilt();
  mailbox = await startMailbox();
  const root = dirs.make('whet-team-mail');
  const env = cliEnv({
    XDG_DATA_HOME: join(root, 'xdg'),
    HOME: root,
    WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    WHETSTONE_MAIL_FROM: 'Kepler Whetstone <whet@kepler.example>',
  });
  dbPath = join(root, 'team.db');
  server = await startTeamServer({ db: dbPath, env });
  admin = await setUpOrganisation(server);
});

afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
  dirs.cleanup();
});

const linkIn = (text: string | undefined, path: string): string => {
  const match = new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]+`).exec(text ?? '');
  if (!match) throw new Error(`no /${path}/ link in: ${text}`);
  return match[0];
};

describe('team mail over SMTP', () => {
  it('mails an invitation with the link in the text and the HTML body', async () => {
    expect(server.stdout()).toContain(`mail: SMTP at 127.0.0.1:${mailbox.port}`);
    const invited = await admin.call<NewInvitation>('POST', '/invitations', {
      json: { email: 'bea@example.org', roles: ['researcher', 'coach'] },
    });
    expect(invited.body.mailed).toBe(true);
    const [mail] = await waitForMail(mailbox, 1);
    expect(mail?.to).toMatchObject({ text: 'bea@example.org' });
    expect(mail?.from?.text).toContain('whet@kepler.example');
    expect(mail?.subject).toContain('Kepler Lab');
    expect(linkIn(mail?.text, 'invite')).toBe(invited.body.link);
    expect(mail?.html).toContain(invited.body.link);
    const token = invited.body.link.split('/').pop();
    const bea = new TeamClient(server);
    const joined = await bea.call('POST', `/join/${token}`, {
      json: { name: 'Bea', password: 'bea keeps notes daily' },
    });
    expect(joined.status).toBe(201);
  });

  it('mails a reset link to a member, nothing to an unknown address, with one answer for both', async () => {
    const before = mailbox.received.length;
    const anonymous = new TeamClient(server);
    const unknown = await anonymous.call('POST', '/auth/forgot-password', {
      json: { email: 'nobody@example.org' },
    });
    const known = await anonymous.call('POST', '/auth/forgot-password', {
      json: { email: 'Bea@Example.org' },
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    const mails = await waitForMail(mailbox, before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received).toHaveLength(before + 1);
    const reset = mails[before];
    expect(reset?.to).toMatchObject({ text: 'bea@example.org' });
    const link = linkIn(reset?.text, 'reset-password');
    expect(link.startsWith(server.origin)).toBe(true);

    const signedIn = new TeamClient(server);
    await signedIn.signIn('bea@example.org', 'bea keeps notes daily');
    const token = link.split('/').pop();
    const weak = await anonymous.call<Problem>('POST', '/auth/reset-password', {
      json: { token, password: 'short' },
    });
    expect(weak.body.errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
    const done = await anonymous.call('POST', '/auth/reset-password', {
      json: { token, password: 'bea has a brand new passphrase' },
    });
    expect(done.status, done.text).toBe(204);
    // The reset ends the sessions the account had, and the old password is gone.
    expect((await signedIn.call('GET', '/me')).status).toBe(401);
    const old = await anonymous.call('POST', '/auth/sign-in', {
      json: { email: 'bea@example.org', password: 'bea keeps notes daily' },
    });
    expect(old.status).toBe(401);
    await new TeamClient(server).signIn('bea@example.org', 'bea has a brand new passphrase');
    const again = await anonymous.call<Problem>('POST', '/auth/reset-password', {
      json: { token, password: 'yet another passphrase here' },
    });
    expect(again.status).toBe(404);
    expect(again.body.detail).toMatch(/used, expired/);
  });

  it('files the reset in the audit log, and stores the reset token only as a hash', async () => {
    const events = await admin.call<{ items: { kind: string }[] }>('GET', '/audit-events');
    expect(events.body.items.map((e) => e.kind)).toContain('password.reset');
    const before = mailbox.received.length;
    await new TeamClient(server).call('POST', '/auth/forgot-password', { json: { email: ADMIN.email } });
    const token =
      linkIn((await waitForMail(mailbox, before + 1))[before]?.text, 'reset-password')
        .split('/')
        .pop() ?? '';
    const db = new Database(dbPath, { readonly: true });
    try {
      const rows = db.prepare('select identifier, value from auth_verifications').all() as Record<
        string,
        string
      >[];
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(token);
    } finally {
      db.close();
    }
  });
});
