/**
 * Team mode in the browser, against a real `whet serve --team`: the setup link creates the
 * organisation, an admin invites from the Members page and the invitee joins in another browser,
 * a deactivated member's open page returns to sign-in, and a used link says so.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { InvitationList, Member, MemberList } from '../../src/core/team/account.js';
import { type Mailbox, startMailbox } from '../support/mailbox.js';
import { ADMIN, inviteAndJoin, setUpOrganisation, TeamClient } from '../support/team-server.js';
import { routeEntries, unopened } from './route-table.js';
import { alertsFor, type Page, poll, waitForInbox, waitUntilNotBusy } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs every refused request; these tests provoke 401s (no session yet), 404s, 409s and 422s. */
const EXPECTED_ERRORS = /status of (401|404|409|422)\b/;

const BEA = { name: 'Bea Researcher', email: 'bea@example.org', password: 'bea keeps a long passphrase' };

const team = teamAppPerTest('whet-team', EXPECTED_ERRORS);
const person = team.person;

/** Signs in through the sign-in page and waits for the inbox. */
async function signIn(page: Page, who: { email: string; password: string }, path = '/'): Promise<void> {
  await page.goto(new URL(path, team.server.url).toString());
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

describe('team mode in the browser', () => {
  it('sets up the organisation through the one-time link and lands in the inbox, signed in', async () => {
    const page = await person();
    expect(team.server.setupLink).toBeTruthy();
    // Before setup, any page asks for a sign-in and says the server waits for its setup.
    await page.goto(team.server.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('This server is not set up yet.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await page.goto(team.server.setupLink as string);
    const form = page.getByRole('form', { name: 'Set up Whetstone' });
    await form.getByLabel('Organisation name').fill('Kepler Lab');
    await form.getByLabel('Your name').fill(ADMIN.name);
    await form.getByLabel('Email').fill(ADMIN.email);
    await form.getByLabel('Password').fill(ADMIN.password);
    await form.getByRole('button', { name: 'Create organisation' }).click();

    await waitForInbox(page);
    expect(new URL(page.url()).pathname).toBe('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Ada Admin\s*Kepler Lab/ }).waitFor();
    await nav.getByRole('link', { name: 'Members' }).waitFor();
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    await nav.getByRole('button', { name: 'Sign out' }).waitFor();

    // The link is spent: opening it again says so and offers the sign-in.
    await page.goto(team.server.setupLink as string);
    await page.getByRole('heading', { level: 1, name: 'Whetstone is set up already' }).waitFor();
  });

  it('an admin invites from Members, copies the link; the invitee joins with a password and captures an idea', async () => {
    await setUpOrganisation(team.server);
    const adminPage = await person();
    await adminPage
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: team.server.origin });
    // A deep link survives the sign-in.
    await signIn(adminPage, ADMIN, '/members');
    await adminPage.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    expect(new URL(adminPage.url()).pathname).toBe('/members');
    await adminPage
      .getByRole('table', { name: 'Members' })
      .getByRole('row', { name: /Ada Admin/ })
      .waitFor();

    const invite = adminPage.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email address').fill(BEA.email);
    await invite.getByRole('checkbox', { name: /Coach/ }).check();
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const created = adminPage.getByRole('region', { name: 'New invitation link' });
    await created.getByText('Not mailed').waitFor();
    await created.getByRole('button', { name: 'Copy' }).click();
    await created.getByRole('button', { name: 'Copied' }).waitFor();
    const link = String(await adminPage.evaluate('navigator.clipboard.readText()'));
    expect(link).toBe(await created.getByLabel(`Invitation link for ${BEA.email}`).inputValue());
    expect(new URL(link).pathname).toMatch(/^\/invite\/\S+$/);
    await adminPage.getByRole('list', { name: 'Pending invitations' }).getByText(BEA.email).waitFor();

    const beaPage = await person();
    await beaPage.goto(link);
    await beaPage.getByRole('heading', { level: 1, name: 'Join Kepler Lab' }).waitFor();
    const facts = beaPage.getByRole('definition');
    expect(await facts.allInnerTexts()).toEqual(
      expect.arrayContaining([BEA.email, 'Researcher, Coach', ADMIN.name]),
    );
    const join = beaPage.getByRole('form', { name: 'Accept the invitation' });
    await join.getByLabel('Your name').fill(BEA.name);
    const password = join.getByLabel('Password');
    // Long enough, but on the common-password list: the server names the rule on the field.
    await password.fill('password1234');
    await join.getByRole('button', { name: 'Join and sign in' }).click();
    await poll(() => alertsFor(password)).toEqual([
      'The password is one of the most common passwords; choose another.',
    ]);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await password.fill(BEA.password);
    await join.getByRole('button', { name: 'Join and sign in' }).click();

    await waitForInbox(beaPage);
    const nav = beaPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Bea Researcher\s*Kepler Lab/ }).waitFor();
    expect(await nav.getByRole('link', { name: 'Members' }).count(), 'no admin nav for a researcher').toBe(0);
    await beaPage.getByLabel('New idea').fill('Book a quiet room for writing mornings');
    await beaPage.getByLabel('New idea').press('Enter');
    await beaPage
      .getByRole('list', { name: 'Ideas' })
      .getByText('Book a quiet room for writing mornings')
      .waitFor();

    // The admin's page now lists Bea as a member, and the invitation is no longer pending.
    await adminPage.reload();
    await adminPage
      .getByRole('table', { name: 'Members' })
      .getByRole('row', { name: /Bea Researcher/ })
      .waitFor();
    expect(await adminPage.getByRole('list', { name: 'Pending invitations' }).count()).toBe(0);
  });

  it('a member deactivated by the admin finds their open page back at sign-in, with a note', async () => {
    const admin = await setUpOrganisation(team.server);
    await inviteAndJoin(admin, BEA);
    const beaPage = await person();
    await signIn(beaPage, BEA, '/plans');
    await beaPage.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();

    const adminPage = await person();
    await signIn(adminPage, ADMIN, '/members');
    const row = adminPage
      .getByRole('table', { name: 'Members' })
      .getByRole('row', { name: /Bea Researcher/ });
    await row.getByRole('button', { name: 'Deactivate Bea Researcher' }).click();
    await row.getByRole('button', { name: 'Confirm deactivate Bea Researcher' }).click();
    await row.getByText(/^Deactivated/).waitFor();
    await row.getByRole('button', { name: 'Reactivate Bea Researcher' }).waitFor();
    const members = await admin.call<MemberList>('GET', '/members');
    expect(members.body.items.find((m: Member) => m.email === BEA.email)?.active).toBe(false);

    // Bea's next request is refused: the page returns to sign-in, and back to /review after it.
    await beaPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await beaPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await beaPage.getByRole('status').getByText('Your session ended; sign in again.').waitFor();
    expect(new URL(beaPage.url()).searchParams.get('next')).toBe('/review');
    expect(await beaPage.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // A deactivated member cannot sign in again: one generic message.
    const form = beaPage.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(BEA.email);
    await form.getByLabel('Password').fill(BEA.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByRole('alert').getByText('The email or password is not right.').waitFor();
  });

  it('a used invitation link says it is used and offers the sign-in', async () => {
    const admin = await setUpOrganisation(team.server);
    const invited = await admin.call<{ link: string }>('POST', '/invitations', {
      json: { email: BEA.email, roles: ['researcher'] },
    });
    const token = new URL(invited.body.link).pathname.split('/').pop();
    const joined = await new TeamClient(team.server).call('POST', `/join/${token}`, {
      json: { name: BEA.name, password: BEA.password },
    });
    expect(joined.status).toBe(201);

    const page = await person();
    await page.goto(invited.body.link);
    await page.getByRole('heading', { level: 1, name: 'This invitation has been used' }).waitFor();
    await page.getByText('This invitation has been used already; sign in instead.').waitFor();
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const list = await admin.call<InvitationList>('GET', '/invitations');
    expect(list.body.items[0]?.state).toBe('accepted');
  });

  it('the team pages pass axe (WCAG 2.1 AA) in light and dark, at desktop and phone width', async () => {
    // This server mails, so the reset page can be opened with a live link.
    const mailbox = await startMailbox();
    await team.restart('whet-team-axe', { WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    try {
      await checkTeamPages(mailbox);
    } finally {
      await mailbox.close();
    }
  }, 240_000);

  it('the axe check opens every team page of the route table', () => {
    // Sharing's pages need a grant between two people, the coach's pages a booking; their own tests
    // (sharing.test.ts, coaching.test.ts) open them and run axe on them.
    const team = routeEntries().filter(
      (entry) =>
        entry.access !== undefined &&
        !CHECKED_IN_SHARING_TEST.includes(entry.path) &&
        !CHECKED_IN_COACHING_TEST.includes(entry.path) &&
        !CHECKED_IN_CONVERSATION_TEST.includes(entry.path),
    );
    expect(team.length).toBeGreaterThan(5);
    invitePath ||= '/invite/a-token';
    resetPath ||= '/reset-password/a-token';
    expect(
      unopened(
        team,
        TEAM_PAGES.map((entry) => entry.path()),
      ),
    ).toEqual([]);
  });
});

const CHECKED_IN_SHARING_TEST = ['/sharing', '/shared', '/shared/:id', '/shared/:id/experiments/:experiment'];
const CHECKED_IN_COACHING_TEST = ['/coach/bookings', '/coach/clients', '/coach/page'];
/** The conversation pages need a booking between a coach and a researcher: conversation-room.test.ts. */
const CHECKED_IN_CONVERSATION_TEST = ['/conversations', '/conversations/:id'];

/**
 * Opens every team page in four browsers (light and dark, desktop and phone): a screenshot of
 * each, and axe's serious and critical findings, which must be none.
 */
async function checkTeamPages(mailbox: Mailbox): Promise<void> {
  const admin = await setUpOrganisation(team.server);
  await inviteAndJoin(admin, BEA, ['researcher', 'coach']);
  await admin.call('POST', '/invitations', { json: { email: 'cai@example.org', roles: ['researcher'] } });
  const pending = await admin.call<{ link: string }>('POST', '/invitations', {
    json: { email: 'dee@example.org', roles: ['coach'] },
  });
  await admin.signIn(ADMIN.email, ADMIN.password); // a second session for the account page

  await admin.call('POST', '/account/tokens', { json: { name: 'nightly export', scope: 'read' } });
  invitePath = new URL(pending.body.link).pathname;
  // The invitations are mailed too, in the background: wait for the one mail with a reset link.
  await admin.call('POST', '/auth/forgot-password', { json: { email: ADMIN.email } });
  const resetLink = /\/reset-password\/[A-Za-z0-9_-]+/;
  const mailedTexts = () => mailbox.received.map((mail) => mail.text ?? '').join('\n');
  await poll(() => resetLink.test(mailedTexts())).toBe(true);
  resetPath = resetLink.exec(mailedTexts())?.[0] ?? '';

  const variants = [
    { name: 'light-desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
    { name: 'dark-desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
    { name: 'light-phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
    { name: 'dark-phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
  ] as const;
  mkdirSync(SHOTS, { recursive: true });
  const findings: string[] = [];
  for (const variant of variants) {
    const page = await person({ colorScheme: variant.colorScheme });
    await page.setViewportSize(variant.viewport);
    for (const entry of TEAM_PAGES.filter((e) => !e.signedIn))
      await check(page, entry, variant.name, findings);
    await signIn(page, ADMIN);
    await waitForInbox(page);
    for (const entry of TEAM_PAGES.filter((e) => e.signedIn))
      await check(page, entry, variant.name, findings);
  }
  expect(findings).toEqual([]);
}

/** The pending invitation and the live reset link the axe check opens (set by that test). */
let invitePath = '';
let resetPath = '';

interface TeamA11yPage {
  name: string;
  path: () => string;
  /** Resolves when the page shows what is to be checked. */
  ready: (p: Page) => Promise<unknown>;
  /** Brings the page into the state to check (a form sent, a confirmation open). */
  open?: (p: Page) => Promise<unknown>;
  signedIn: boolean;
}

/** Every team-only page (and some of their states), for axe and the screenshots. */
const TEAM_PAGES: readonly TeamA11yPage[] = [
  {
    name: 'sign-in',
    path: () => '/sign-in',
    ready: (p) => p.getByRole('form', { name: 'Sign in' }).waitFor(),
    signedIn: false,
  },
  {
    name: 'forgot-password',
    path: () => '/forgot-password',
    ready: (p) => p.getByRole('form', { name: 'Send a reset link' }).waitFor(),
    signedIn: false,
  },
  {
    name: 'forgot-password-sent',
    path: () => '/forgot-password',
    ready: (p) => p.getByRole('form', { name: 'Send a reset link' }).waitFor(),
    open: async (p) => {
      await p.getByLabel('Email').fill('someone@example.org');
      await p.getByRole('button', { name: 'Send reset link' }).click();
      await p.getByText('Check your inbox.').waitFor();
    },
    signedIn: false,
  },
  {
    name: 'reset-password',
    path: () => resetPath,
    ready: (p) => p.getByRole('form', { name: 'Choose a new password' }).waitFor(),
    signedIn: false,
  },
  {
    name: 'reset-password-gone',
    path: () => '/reset-password/not-a-live-token',
    ready: (p) => p.getByRole('heading', { level: 1, name: 'This reset link is expired or used' }).waitFor(),
    signedIn: false,
  },
  {
    name: 'invite',
    path: () => invitePath,
    ready: (p) => p.getByRole('form', { name: 'Accept the invitation' }).waitFor(),
    signedIn: false,
  },
  {
    name: 'setup-used',
    path: () => '/setup/no-such-token',
    ready: (p) => p.getByRole('heading', { level: 1 }).waitFor(),
    signedIn: false,
  },
  {
    name: 'members',
    path: () => '/members',
    ready: (p) => p.getByRole('row', { name: /Bea Researcher/ }).waitFor(),
    signedIn: true,
  },
  {
    name: 'audit',
    path: () => '/audit',
    ready: (p) => p.getByRole('list', { name: 'Audit events' }).waitFor(),
    signedIn: true,
  },
  {
    name: 'account',
    path: () => '/account',
    ready: (p) => p.getByRole('list', { name: 'Access tokens' }).waitFor(),
    signedIn: true,
  },
  {
    name: 'account-token-created',
    path: () => '/account',
    ready: (p) => p.getByRole('list', { name: 'Signed-in sessions' }).waitFor(),
    open: async (p) => {
      const form = p.getByRole('form', { name: 'Create an access token' });
      await form.getByLabel('Name').fill('laptop scripts');
      await form.getByRole('button', { name: 'Create token' }).click();
      await p.getByRole('region', { name: 'New access token' }).waitFor();
      await p.getByRole('button', { name: 'Leave Kepler Lab…' }).click();
      await p.getByRole('group', { name: 'Leave Kepler Lab' }).waitFor();
    },
    signedIn: true,
  },
];

/** Screenshots of the team pages for a person to look at. */
const SHOTS = '/tmp/team-shots';

async function check(page: Page, entry: TeamA11yPage, variant: string, findings: string[]): Promise<void> {
  await page.goto(new URL(entry.path(), team.server.url).toString());
  await entry.ready(page);
  await entry.open?.(page);
  await waitUntilNotBusy(page);
  await page.screenshot({
    path: join(SHOTS, `${entry.name}-${variant}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  for (const v of results.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      for (const node of v.nodes)
        findings.push(`${entry.name} [${variant}] ${v.id}: ${node.target.join(' ')}`);
}
