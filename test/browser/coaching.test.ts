/**
 * The coach's side of booking, in the browser, against a real `whet serve --team`: a new coach is
 * led from the empty bookings page to the setup, creates the page (handle, Europe/Berlin), sets
 * weekly hours, adds a 60-minute type with a question and switches it on, adds a busy calendar
 * served by a local HTTP server; a visitor books through the public API from New York, and the
 * coach sees it at the right Berlin time with the answer, and cancels it. Axe and screenshots of
 * both pages in light and dark, at desktop and phone width.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingConfirmation, SlotList } from '../../src/core/coaching/booking.js';
import { inviteAndJoin, setUpOrganisation } from '../support/team-server.js';
import { alertsFor, type Page, poll, SHOTS_DIR, screenshot, shownText, waitUntilNotBusy } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs refused requests: the 401 before sign-in, the 404 of a coach with no page yet, the 422s the test provokes. */
const EXPECTED_ERRORS = /status of (401|404|422)\b/;

const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const DAY_MS = 86_400_000;
const QUESTION = 'What would you most like to get better at?';
const ANSWER = 'Reading papers faster';

// The test's calendar server runs on this machine, which a server refuses to fetch unless told.
const team = teamAppPerTest('whet-coaching', EXPECTED_ERRORS, {
  serverEnv: () => ({ WHETSTONE_CALENDAR_PRIVATE_ADDRESSES: 'allow' }),
});

/** A calendar with one busy hour, tomorrow, as a coach's calendar app would publish it. */
function busyIcs(): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const start = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS + 6 * 3_600_000;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//whetstone test//busy//EN',
    'BEGIN:VEVENT',
    'UID:seminar-1',
    `DTSTAMP:${stamp(Date.now())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(start + 3_600_000)}`,
    'SUMMARY:Seminar',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

let calendarServer: Server;
let calendarUrl = '';
beforeAll(async () => {
  calendarServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(busyIcs());
  });
  await new Promise<void>((resolve) => calendarServer.listen(0, '127.0.0.1', resolve));
  calendarUrl = `http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}/private-4f3e2d/basic.ics`;
});
afterAll(() => new Promise<void>((resolve) => calendarServer.close(() => resolve())));

async function signIn(page: Page): Promise<void> {
  await page.goto(new URL('/sign-in', team.server.url).toString());
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(CORA.email);
  await form.getByLabel('Password').fill(CORA.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
}

const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

/** A visitor without an account books the first free slot, from New York, through the public API. */
async function bookAsVisitor(): Promise<BookingConfirmation & { start: string; end: string }> {
  const base = `${team.server.api}/public/book/cora/debugging`;
  const slots = (await (await fetch(`${base}/slots?timeZone=America%2FNew_York`)).json()) as SlotList;
  const slot = slots.days[0]?.slots[0];
  expect(slot, 'a free slot').toBeDefined();
  const res = await fetch(`${base}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      start: slot?.start,
      name: 'Vera Visitor',
      email: 'vera@example.net',
      timeZone: 'America/New_York',
      answers: { q1: ANSWER },
    }),
  });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return { ...(JSON.parse(text) as BookingConfirmation), start: slot?.start ?? '', end: slot?.end ?? '' };
}

const SHOTS = join(SHOTS_DIR, 'coaching');
const VARIANTS = [
  { name: 'light-desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark-desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light-phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark-phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** The coach's pages in four browsers: a screenshot each and axe's serious and critical findings. */
async function checkPages(): Promise<string[]> {
  mkdirSync(SHOTS, { recursive: true });
  const findings: string[] = [];
  for (const variant of VARIANTS) {
    const page = await team.person({ colorScheme: variant.colorScheme });
    await page.setViewportSize(variant.viewport);
    await signIn(page);
    for (const [name, path, ready] of [
      ['coach-bookings', '/coach/bookings', 'Vera Visitor'],
      ['coach-page', '/coach/page', 'Last read'],
      ['coach-clients', '/coach/clients', 'Vera Visitor'],
    ] as const) {
      await page.goto(new URL(path, team.server.url).toString());
      await page.getByText(ready).first().waitFor();
      await waitUntilNotBusy(page);
      await page.screenshot({
        path: join(SHOTS, `${name}-${variant.name}.png`),
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
            findings.push(`${name} [${variant.name}] ${v.id}: ${node.target.join(' ')}`);
    }
  }
  return findings;
}

describe('a coach’s booking page and bookings in the browser', () => {
  it('a coach sets up the page, a visitor books from New York, the coach sees it in Berlin time and cancels', async () => {
    const admin = await setUpOrganisation(team.server);
    await inviteAndJoin(admin, CORA, ['coach']);
    const page = await team.person();
    await signIn(page);
    const origin = new URL(team.server.url).origin;

    // No page yet: the bookings page leads to the setup.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await page.getByText('You have no booking page yet.').waitFor();
    await screenshot(page, 'coaching/no-page-yet');
    await page.getByRole('link', { name: 'Set up your booking page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Booking page' }).waitFor();

    // Profile: the address previews as one types; the name comes from the account.
    const profile = page.getByRole('form', { name: 'Profile' });
    expect(await profile.getByLabel('Display name').inputValue()).toBe(CORA.name);
    // A handle with a space: the server's refusal lands on the field.
    await profile.getByLabel('Handle').fill('cora coach');
    await profile.getByLabel('Time zone').fill('Europe/Berlin');
    await profile.getByRole('button', { name: 'Create booking page' }).click();
    await poll(() => alertsFor(profile.getByLabel('Handle'))).toEqual([
      'The handle may hold only lower-case letters, digits and single hyphens.',
    ]);
    await screenshot(page, 'coaching/profile-refused');
    await profile.getByLabel('Handle').fill('cora');
    await profile.getByText(`${origin}/book/cora`).waitFor();
    await profile.getByRole('button', { name: 'Create booking page' }).click();

    // Weekly hours: Monday 09:00–17:00, copied to the other weekdays, and a Saturday morning.
    const hours = page.getByRole('form', { name: 'Availability' });
    const monday = hours.getByRole('group', { name: 'Monday' });
    await monday.getByRole('button', { name: 'Add hours to Monday' }).click();
    expect(await monday.getByLabel('Monday, range 1, from').inputValue()).toBe('09:00');
    await monday.getByRole('button', { name: 'Copy Monday’s hours to Monday to Friday' }).click();
    expect(
      await hours.getByRole('group', { name: 'Friday' }).getByLabel('Friday, range 1, until').inputValue(),
    ).toBe('17:00');
    const saturday = hours.getByRole('group', { name: 'Saturday' });
    await saturday.getByRole('button', { name: 'Add hours to Saturday' }).click();
    // Until before from: refused, and the message is at that range.
    const saturdayUntil = saturday.getByLabel('Saturday, range 1, until');
    await saturdayUntil.fill('08:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await poll(() => alertsFor(saturdayUntil)).toEqual(['The range must end after it starts.']);
    await saturdayUntil.fill('12:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await page.getByRole('status').getByText('Hours saved').waitFor();

    // A 60-minute type with a question, created off, then switched on from the list.
    await page.getByRole('button', { name: 'New conversation type' }).click();
    const typeForm = page.getByRole('form', { name: 'New conversation type' });
    await typeForm.getByLabel('Title').fill('Debugging conversation');
    await typeForm.getByLabel('Link name').fill('debugging');
    await typeForm.getByLabel('Video link').fill('https://meet.example.org/cora');
    expect(await typeForm.getByLabel('Duration (minutes)').inputValue()).toBe('60');
    await typeForm.getByRole('button', { name: '+ Add a question' }).click();
    await typeForm.getByLabel('Question 1', { exact: true }).fill(QUESTION);
    await screenshot(page, 'coaching/new-type-form');
    await typeForm.getByRole('button', { name: 'Create type' }).click();
    const types = page.getByRole('list', { name: 'Conversation types' });
    const typeRow = types.getByRole('listitem').filter({ hasText: 'Debugging conversation' });
    await typeRow.getByText('Off', { exact: true }).waitFor();
    await typeRow.getByRole('switch', { name: /Open for booking/ }).check();
    await typeRow.getByText('On', { exact: true }).waitFor();
    await typeRow.getByRole('link', { name: `${origin}/book/cora/debugging` }).waitFor();

    // A busy calendar, read at once from the local server.
    const addCalendar = page.getByRole('form', { name: 'Add a busy calendar' });
    await addCalendar.getByLabel('Calendar address (ICS)').fill(calendarUrl);
    await addCalendar.getByLabel('Label (optional)').fill('Work calendar');
    await addCalendar.getByRole('button', { name: 'Add calendar' }).click();
    const calendars = page.getByRole('list', { name: 'Busy calendars' });
    const calendarRow = calendars.getByRole('listitem').filter({ hasText: 'Work calendar' });
    await calendarRow.getByText(/Last read just now · 1 busy time$/).waitFor();
    expect(await shownText(calendarRow), 'the secret path is not shown').not.toContain('private-4f3e2d');

    // A visitor books from New York; the coach sees it at the Berlin time, with the answer.
    const booked = await bookAsVisitor();
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await page.getByText('in your time zone, Europe/Berlin').waitFor();
    const heading = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(booked.start));
    const day = page.getByRole('list', { name: heading });
    const row = day.getByRole('listitem').filter({ hasText: 'Vera Visitor' });
    await row.waitFor();
    const text = await shownText(row);
    expect(text).toContain(
      `${wallClock(booked.start, 'Europe/Berlin')}–${wallClock(booked.end, 'Europe/Berlin')}`,
    );
    expect(text).toContain(`${wallClock(booked.start, 'America/New_York')} for them in America/New_York`);
    expect(text).toContain(`${QUESTION} ${ANSWER}`);
    expect(text).toContain('vera@example.net');

    // The clients page lists her with the conversation still ahead; none is past, so no follow-up.
    await nav.getByRole('link', { name: 'Clients' }).click();
    const clients = page.getByRole('table', { name: 'All clients' });
    const vera = clients.getByRole('row').filter({ hasText: 'Vera Visitor' });
    expect(await shownText(vera)).toMatch(/vera@example\.net.*—.*0 \+ 1 booked\s*0 → 0 → 0/s);
    await page.getByText('Nobody is due.', { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Guide questions' }).waitFor();

    // From the booking, the coach opens the conversation room.
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await row.getByRole('link', { name: 'Open the conversation room with Vera Visitor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/conversations\/[\w-]+$/);
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await row.waitFor();

    const findings = await checkPages();
    copyFileSync(join(SHOTS, 'coach-page-light-desktop.png'), 'docs/screenshot-coach-page.png');
    expect(findings).toEqual([]);

    // Cancel, with a reason, after a confirm step.
    await row.getByRole('button', { name: /^Cancel the booking of Vera Visitor/ }).click();
    await row.getByLabel(/^Reason/).fill('I am ill that day');
    await screenshot(page, 'coaching/cancel-confirm');
    await row.getByRole('button', { name: 'Confirm cancel' }).click();
    await page.getByText('No upcoming bookings.').waitFor();
    await page.getByRole('button', { name: 'Cancelled' }).click();
    const cancelled = page.getByRole('listitem').filter({ hasText: 'Vera Visitor' });
    await cancelled.getByText('“I am ill that day”', { exact: false }).waitFor();
    await poll(() => cancelled.getByRole('button').count()).toBe(0);
    await screenshot(page, 'coaching/cancelled');
  }, 180_000);
});
