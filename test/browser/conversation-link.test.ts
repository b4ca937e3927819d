/**
 * The room through the booking link, in two browsers against a real `whet serve --team`: a
 * visitor without an account books the coach, opens the room from their booking's page, shares
 * notes with the signed-in coach both ways, accepts an idea the coach proposed (kept for the
 * account to come) and asks for the mail that makes the account — which arrives at a real SMTP
 * server. The link holder's page has none of the app's navigation.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingConfirmation, SlotList } from '../../src/core/coaching/booking.js';
import { conversationType, everyDay } from '../support/coaching.js';
import { type Mailbox, startMailbox } from '../support/mailbox.js';
import { inviteAndJoin, setUpOrganisation, TeamClient } from '../support/team-server.js';
import { type Page, SHOTS_DIR } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs the refused requests: before sign-in, and the tampered link's 404. */
const EXPECTED_ERRORS = /status of 40[14]\b/;
const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const GIL = { name: 'Gil Guest', email: 'gil@example.org' };
/** Two browsers, one of them polling: waits are generous, never timings. */
const SLOW_MS = 20_000;

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
});
const team = teamAppPerTest('whet-link-room', EXPECTED_ERRORS, {
  serverEnv: () => ({ WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` }),
});

const slow = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: SLOW_MS, interval: 100 });
const notesOf = (page: Page) => page.getByRole('textbox', { name: 'Shared notes' });
const ideasOf = (page: Page) => page.getByRole('list', { name: 'Proposed ideas' });

/** Cora publishes a type; Gil, who has no account, books it; the answer carries the manage link. */
async function booked(): Promise<{ manageUrl: string; id: string }> {
  const admin = await setUpOrganisation(team.server);
  const cora = await inviteAndJoin(admin, CORA, ['coach']);
  await cora.call('PUT', '/coach/profile', {
    json: { handle: 'cora', displayName: CORA.name, introduction: '', timeZone: 'Europe/Berlin' },
  });
  await cora.call('PUT', '/coach/availability', { json: everyDay('00:00', '24:00') });
  expect((await cora.call('POST', '/coach/types', { json: conversationType() })).status).toBe(201);
  const visitor = new TeamClient(team.server, 'visitor');
  const slots = await visitor.call<SlotList>('GET', '/public/book/cora/debug/slots?timeZone=UTC');
  const answer = await visitor.call<BookingConfirmation>('POST', '/public/book/cora/debug/bookings', {
    json: { start: slots.body.days[1]?.slots[0]?.start, ...GIL, timeZone: 'UTC', answers: {} },
  });
  expect(answer.status, answer.text).toBe(201);
  const list = await cora.call<{ items: { id: string }[] }>('GET', '/coach/bookings');
  return { manageUrl: answer.body.manageUrl, id: list.body.items[0]?.id ?? '' };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(new URL('/sign-in', team.server.url).toString());
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(CORA.email);
  await form.getByLabel('Password').fill(CORA.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
}

describe('the room through the booking link', () => {
  it('a booker without an account shares notes, keeps an accepted idea and asks for an account', async () => {
    const { manageUrl, id } = await booked();
    const gil = await team.person();
    const cora = await team.person();

    await gil.goto(new URL(new URL(manageUrl).pathname, team.server.url).toString());
    await gil.getByRole('link', { name: 'Open the conversation room' }).click();
    await gil.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();
    await gil.getByRole('heading', { name: 'You are here through your booking link' }).waitFor();
    expect(await gil.getByRole('navigation', { name: 'Main' }).count(), 'no app navigation').toBe(0);
    expect(await gil.getByRole('button', { name: 'End conversation' }).count()).toBe(0);

    await signIn(cora);
    await cora.goto(new URL(`/conversations/${id}`, team.server.url).toString());
    await cora.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();

    // Notes both ways: the link holder polls, the coach hears the live event.
    for (const page of [gil, cora]) await slow(() => notesOf(page).getAttribute('readonly')).toBeNull();
    await notesOf(gil).click();
    await notesOf(gil).pressSequentially('Gil: reviews take me weeks. ', { delay: 10 });
    await slow(() => notesOf(cora).inputValue()).toContain('Gil: reviews take me weeks.');
    await notesOf(cora).click();
    await notesOf(cora).press('End');
    await notesOf(cora).pressSequentially('Cora: what would one week look like?', { delay: 10 });
    await slow(() => notesOf(gil).inputValue()).toContain('Cora: what would one week look like?');

    // The coach proposes; the link holder accepts; the idea waits for the account.
    const form = cora.getByRole('form', { name: 'Propose an idea' });
    await form.getByLabel('Propose an idea').fill('Review in two 1-hour blocks');
    await form.getByRole('button', { name: 'Propose' }).click();
    const row = ideasOf(gil).getByRole('listitem').filter({ hasText: 'Review in two 1-hour blocks' });
    await row.getByRole('button', { name: 'Accept' }).click({ timeout: SLOW_MS });
    await row.getByText('Kept for you').waitFor();
    await ideasOf(cora)
      .getByRole('listitem')
      .filter({ hasText: 'Review in two 1-hour blocks' })
      .getByText('Accepted')
      .waitFor({ timeout: SLOW_MS });

    // The account: the mail goes to the booking's address, never to one the page could choose.
    const before = mailbox.received.length;
    await gil.getByRole('button', { name: 'Email me a link to make an account' }).click();
    await gil
      .getByRole('status')
      .filter({ hasText: `Sent to ${GIL.email}` })
      .waitFor();
    await slow(async () =>
      mailbox.received
        .slice(before)
        .some((mail) => JSON.stringify(mail.to).includes(GIL.email) && /\/invite\//.test(mail.text ?? '')),
    ).toBe(true);

    mkdirSync(join(SHOTS_DIR, 'conversation'), { recursive: true });
    await gil.screenshot({ path: join(SHOTS_DIR, 'conversation', 'room-link-guest.png'), fullPage: true });
  }, 120_000);

  it('a tampered link shows the page that says the link no longer works', async () => {
    const { manageUrl } = await booked();
    const gil = await team.person();
    const path = `${new URL(manageUrl).pathname}x/room`;
    await gil.goto(new URL(path, team.server.url).toString());
    await gil.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    expect(await gil.getByRole('textbox', { name: 'Shared notes' }).count()).toBe(0);
  }, 60_000);
});
