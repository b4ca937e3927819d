/**
 * A team member's own account in the browser, against a real `whet serve --team` that mails to a
 * real SMTP server in this process: forgot password → the mail → the link → a new password that
 * signs in, and the spent link saying so; changing the password; a personal access token shown
 * once and revoked; a solo backup imported into the account; leaving the organisation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessTokenList } from '../../src/core/team/account.js';
import { type Mailbox, startMailbox, waitForMail } from '../support/mailbox.js';
import { ADMIN, inviteAndJoin, setUpOrganisation, TeamClient } from '../support/team-server.js';
import { alertsFor, captureWithCli, ideaRows, type Page, poll, waitForInbox } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs every refused request; these tests provoke 401s, 404s, 409s and 422s. */
const EXPECTED_ERRORS = /status of (401|404|409|422)\b/;

const BEA = { name: 'Bea Researcher', email: 'bea@example.org', password: 'bea keeps a long passphrase' };
const NEW_PASSWORD = 'a brand new passphrase for bea';

let mailbox: Mailbox;
let admin: TeamClient;

beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox?.close();
});
const team = teamAppPerTest('whet-team-account', EXPECTED_ERRORS, {
  serverEnv: () => ({ WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` }),
});
beforeEach(async () => {
  admin = await setUpOrganisation(team.server);
  await inviteAndJoin(admin, BEA);
  // Bea's invitation is mailed too; each test counts from an empty mailbox.
  await waitForMail(mailbox, 1);
  mailbox.received.splice(0);
});
const person = () => team.person();

const at = (path: string) => new URL(path, team.server.url).toString();

/** Signs in through the sign-in page and waits for the inbox. */
async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(at('/sign-in'));
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await waitForInbox(page);
}

/** Whether the server accepts this email and password (through the API, not the page). */
async function canSignIn(email: string, password: string): Promise<boolean> {
  const res = await new TeamClient(team.server).call('POST', '/auth/sign-in', { json: { email, password } });
  return res.status === 200;
}

const resetLinkIn = (text: string | undefined): string => {
  const match = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(text ?? '');
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[0];
};

const SAME_ANSWER = /If an account exists for that address, we’ve sent it a link/;

describe('a team member’s account in the browser', () => {
  it('forgot password: the same answer for any address, the mailed link sets a new password once', async () => {
    const page = await person();
    await page.goto(at('/sign-in'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();

    // An address without an account gets the same answer, and no mail.
    const ask = page.getByRole('form', { name: 'Send a reset link' });
    await ask.getByLabel('Email').fill('nobody@example.org');
    await ask.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').getByText(SAME_ANSWER).waitFor();

    await page.reload();
    await ask.getByLabel('Email').fill(BEA.email);
    await ask.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').getByText(SAME_ANSWER).waitFor();
    const [mail] = await waitForMail(mailbox, 1);
    expect(JSON.stringify(mail?.to)).toContain(BEA.email);
    expect(mailbox.received).toHaveLength(1);
    const link = resetLinkIn(mail?.text);
    expect(new URL(link).origin).toBe(team.server.origin);

    // A second browser opens the link too, before it is used.
    const other = await person();
    await other.goto(link);
    const late = other.getByRole('form', { name: 'Choose a new password' });
    await late.waitFor();

    await page.goto(link);
    const reset = page.getByRole('form', { name: 'Choose a new password' });
    const password = reset.getByLabel('New password', { exact: true });
    // A weak one: the field names the rule, and the link still works afterwards.
    await password.fill('password1234');
    await reset.getByRole('button', { name: 'Save new password' }).click();
    await poll(() => alertsFor(password)).toEqual([
      'The password is one of the most common passwords; choose another.',
    ]);
    await password.fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is changed' }).waitFor();
    expect(await canSignIn(BEA.email, BEA.password), 'the old password').toBe(false);

    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await signIn(page, { email: BEA.email, password: NEW_PASSWORD });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Bea Researcher/ })
      .waitFor();

    // The form opened before is spent now: sending it says so and offers a new link.
    await late.getByLabel('New password', { exact: true }).fill(BEA.password);
    await late.getByRole('button', { name: 'Save new password' }).click();
    await other.getByRole('heading', { level: 1, name: 'This reset link is expired or used' }).waitFor();
    const again = other.getByRole('form', { name: 'Send a reset link' });
    await again.getByLabel('Email').fill(BEA.email);
    await again.getByRole('button', { name: 'Send a new link' }).click();
    await other.getByRole('status').getByText(SAME_ANSWER).waitFor();
    await waitForMail(mailbox, 2);
    expect(await canSignIn(BEA.email, BEA.password), 'the spent link changed nothing').toBe(false);

    // Opened afterwards, the used link says so at once: nobody types a password for it.
    const third = await person();
    await third.goto(link);
    await third.getByRole('heading', { level: 1, name: 'This reset link is expired or used' }).waitFor();
    expect(await third.getByLabel('New password', { exact: true }).count()).toBe(0);
  });

  it('a tampered reset link shows the expired-or-used page, not a crash', async () => {
    const page = await person();
    await page.goto(at('/reset-password/not-a-real-token'));
    await page.getByRole('heading', { level: 1, name: 'This reset link is expired or used' }).waitFor();
    await page.getByRole('form', { name: 'Send a reset link' }).waitFor();
  });

  it('changes the password: the current one is checked, the new one signs in, this browser stays signed in', async () => {
    const page = await person();
    await signIn(page, BEA);
    await page.goto(at('/account'));
    const form = page.getByRole('form', { name: 'Change password' });
    const current = form.getByLabel('Current password');
    await current.fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await poll(() => alertsFor(current)).toEqual(['The password you entered is not your current password.']);

    await current.fill(BEA.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; signed out everywhere else').waitFor();
    expect(await current.inputValue(), 'the form is cleared').toBe('');
    expect(await canSignIn(BEA.email, BEA.password)).toBe(false);
    expect(await canSignIn(BEA.email, NEW_PASSWORD)).toBe(true);
    // This browser's session continues under its new cookie.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });

  it('creates an access token whose secret is shown once and works; revoking it removes it', async () => {
    const page = await person();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: team.server.origin });
    await signIn(page, BEA);
    await page.goto(at('/account'));
    await page.getByText('No access tokens yet.').waitFor();

    const form = page.getByRole('form', { name: 'Create an access token' });
    await form.getByLabel('Name').fill('laptop scripts');
    await form.getByRole('radio', { name: 'Read and write' }).check();
    await form.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('region', { name: 'New access token' });
    const secretField = shown.getByLabel('Secret of “laptop scripts”');
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whet_\S{20,}$/);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(String(await page.evaluate('navigator.clipboard.readText()'))).toBe(secret);

    const list = page.getByRole('list', { name: 'Access tokens' });
    const row = list.getByRole('listitem').filter({ hasText: 'laptop scripts' });
    await row.getByText('Read and write').waitFor();
    await row.getByText(/expires/).waitFor();

    // The secret acts as Bea; it is never shown again.
    const script = new TeamClient(team.server, 'script');
    script.bearer = secret;
    expect((await script.call('GET', '/ideas')).status).toBe(200);
    await page.reload();
    await list.getByRole('listitem').filter({ hasText: 'laptop scripts' }).waitFor();
    expect(await page.getByRole('region', { name: 'New access token' }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Revoke laptop scripts' }).click();
    await page.getByText('Token “laptop scripts” revoked').waitFor();
    await page.getByText('No access tokens yet.').waitFor();
    expect((await script.call('GET', '/ideas')).status).toBe(401);
    const bea = new TeamClient(team.server);
    await bea.signIn(BEA.email, BEA.password);
    const tokens = await bea.call<AccessTokenList>('GET', '/account/tokens');
    expect(tokens.body.items.map((t) => [t.name, t.scope, t.revokedAt !== null])).toEqual([
      ['laptop scripts', 'read-write', true],
    ]);
  });

  it('imports a solo backup into the account; the ideas are Bea’s alone', async () => {
    const solo = team.space.newDb('whet-solo');
    await captureWithCli(solo, 'Read the methods section first', ['--area', 'reading']);
    await captureWithCli(solo, 'Write before email');
    const file = join(solo.dir, 'solo-backup.json');
    await solo.cli(['export', '--format', 'json', '--out', file]);

    const page = await person();
    await signIn(page, BEA);
    await page.goto(at('/account'));
    const form = page.getByRole('form', { name: 'Bring in a solo backup' });
    await form.getByLabel('Backup file').setInputFiles(file);
    await form.getByRole('button', { name: 'Import backup' }).click();
    await form.getByText('Imported solo-backup.json').waitFor();

    await page.goto(at('/'));
    await waitForInbox(page);
    await poll(async () => (await ideaRows(page).allInnerTexts()).join('\n')).toMatch(
      /Write before email[\s\S]*Read the methods section first/,
    );
    const ofAdmin = await admin.call<{ items: unknown[] }>('GET', '/ideas');
    expect(ofAdmin.body.items, 'the admin sees none of them').toEqual([]);
  });

  it('leaves the organisation after the backup; the last admin cannot', async () => {
    const adminPage = await person();
    await signIn(adminPage, ADMIN);
    await adminPage.goto(at('/account'));
    await adminPage.getByRole('button', { name: 'Leave Kepler Lab…' }).click();
    await adminPage.getByRole('button', { name: 'Leave without a backup' }).click();
    await adminPage
      .getByRole('alert')
      .getByText(/you are the last admin of the organisation/i)
      .waitFor();

    const page = await person();
    await signIn(page, BEA);
    await page.goto(at('/account'));
    await page.getByRole('button', { name: 'Leave Kepler Lab…' }).click();
    const confirm = page.getByRole('group', { name: 'Leave Kepler Lab' });
    const download = page.waitForEvent('download');
    await confirm.getByRole('link', { name: 'Download JSON backup' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    await confirm.getByRole('button', { name: 'Leave Kepler Lab' }).click();

    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('status').getByText('You left Kepler Lab. An admin can let you back in.').waitFor();
    expect(await canSignIn(BEA.email, BEA.password)).toBe(false);
  });
});
