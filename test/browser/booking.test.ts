/**
 * Booking a coach in the browser, against a real `whet serve --team` with a movable clock: a
 * visitor whose browser is in New York books a coach whose hours are in Berlin, in the weeks of
 * March 2027 when the US has moved its clocks and the EU has not (5 hours apart, not 6); the slot
 * buttons, the confirmation and the stored instant agree; the manage link cancels and the slot is
 * offered again; a tampered link says it no longer works. Axe and screenshots of the three pages in
 * light and dark, at desktop and phone width.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BookingList } from '../../src/core/coaching/booking.js';
import type { ConversationTypeInput } from '../../src/core/coaching/conversation-type.js';
import { inviteAndJoin, setUpOrganisation, TeamClient } from '../support/team-server.js';
import { type Page, poll, SHOTS_DIR, shownText, waitUntilNotBusy } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs the refusals the tests provoke: 404 for a spent or tampered link, 409 for a time taken. */
const EXPECTED_ERRORS = /status of (404|409)\b/;

const team = teamAppPerTest('whet-booking', EXPECTED_ERRORS, {
  serverEnv: () => ({ WHETSTONE_TEST_HOOKS: '1' }),
});

const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const MORNINGS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '09:00', end: '12:00' }]]),
);
const DEBUG: ConversationTypeInput = {
  slug: 'debug',
  title: '60-minute debugging conversation',
  description: 'We look at how you work and find one thing to improve.\n\nBring a recent week in mind.',
  durationMinutes: 60,
  locationKind: 'video',
  location: 'https://meet.example.org/cora',
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 120,
  horizonDays: 30,
  dailyLimit: null,
  weeklyLimit: null,
  slotIncrementMinutes: 30,
  questions: [{ id: 'goal', prompt: 'What would you most like to get better at?', required: true }],
  active: true,
};

/** "Now" on the server: Wednesday 10 March 2027, before the US (14 March) and the EU (28 March) move. */
const NOW = Date.parse('2027-03-10T12:00:00Z');

/** Cora publishes her page (hours 09:00–12:00 Berlin every day) and the server's clock is moved to NOW. */
async function coach(): Promise<TeamClient> {
  const admin = await setUpOrganisation(team.server);
  const cora = await inviteAndJoin(admin, CORA, ['coach']);
  const put = async (path: string, json: unknown, status: number, method = 'PUT') => {
    const res = await cora.call(method, path, { json });
    expect(res.status, `${path}: ${res.text}`).toBe(status);
  };
  await put(
    '/coach/profile',
    {
      handle: 'cora',
      displayName: 'Cora Coach',
      introduction: 'I help researchers see how they work.\n\nOne conversation, one change to try.',
      timeZone: 'Europe/Berlin',
    },
    200,
  );
  await put('/coach/availability', { weekly: MORNINGS, overrides: [], timeOff: [] }, 200);
  await put('/coach/types', DEBUG, 201, 'POST');
  // Months later by the moved clock the session has gone idle: the coach reads with a token.
  const token = await cora.call<{ secret: string }>('POST', '/account/tokens', {
    json: { name: 'booking test', scope: 'read' },
  });
  expect(token.status, token.text).toBe(201);
  await put('/test/clock', { advanceMs: NOW - Date.now() }, 200, 'POST');
  cora.bearer = token.body.secret;
  return cora;
}

/** Cora's starts on a day (09:00–12:00 Berlin, an hour long, every 30 minutes) as New York reads them. */
const NEW_YORK_6H = ['03:00', '03:30', '04:00', '04:30', '05:00'];
const NEW_YORK_5H = ['04:00', '04:30', '05:00', '05:30', '06:00'];
const BERLIN = ['09:00', '09:30', '10:00', '10:30', '11:00'];
const WED_17 = /^Wednesday,? 17 March 2027/;

const url = (path: string) => new URL(path, team.server.url).toString();

/** The time buttons shown for the chosen day. */
async function times(page: Page, day: RegExp): Promise<string[]> {
  await page.getByRole('button', { name: day }).click();
  const list = page.getByRole('list', { name: day });
  await list.getByRole('button').first().waitFor();
  return list.getByRole('button').allInnerTexts();
}

const VARIANTS = [
  { name: 'light-desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark-desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light-phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark-phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** Screenshots of the page as it is, in every variant, and axe's serious and critical findings. */
async function lookAt(page: Page, name: string): Promise<string[]> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await waitUntilNotBusy(page);
  const findings: string[] = [];
  for (const variant of VARIANTS) {
    await page.setViewportSize(variant.viewport);
    await page.emulateMedia({ colorScheme: variant.colorScheme });
    await page.screenshot({
      path: join(SHOTS_DIR, `booking-${name}-${variant.name}.png`),
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
  await page.setViewportSize(VARIANTS[0].viewport);
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

describe('booking a coach in the browser', () => {
  it('a visitor in New York books a coach in Berlin across the weeks the zones are 5 hours apart', async () => {
    const cora = await coach();
    const findings: string[] = [];

    const coachPage = await team.person({ timezoneId: 'America/New_York' });
    await coachPage.goto(url('/book/cora'));
    await coachPage.getByRole('heading', { level: 1, name: 'Cora Coach' }).waitFor();
    await coachPage.getByText('One conversation, one change to try.').waitFor();
    findings.push(...(await lookAt(coachPage, 'coach')));
    await coachPage.getByRole('link', { name: DEBUG.title }).click();
    await coachPage.getByRole('heading', { level: 1, name: DEBUG.title }).waitFor();

    const page = coachPage;
    // The zone is this browser's, detected.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    // Friday 12 March: both zones still on winter time, 6 hours apart (09:00 Berlin = 03:00 New York).
    expect(await times(page, /^Friday,? 12 March 2027/)).toEqual(NEW_YORK_6H);
    // Wednesday 17 March: New York moved on the 14th, Berlin moves on the 28th — 5 hours apart.
    expect(await times(page, WED_17)).toEqual(NEW_YORK_5H);
    // Another zone shows the same starts in its own clock, and back.
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    expect(await times(page, WED_17)).toEqual(BERLIN);
    await page.getByLabel('Time zone').selectOption('America/New_York');
    expect(await times(page, WED_17)).toEqual(NEW_YORK_5H);
    findings.push(...(await lookAt(page, 'page')));
    copyFileSync(join(SHOTS_DIR, 'booking-page-light-desktop.png'), 'docs/screenshot-booking.png');

    await page
      .getByRole('list', { name: /^Wednesday,? 17 March 2027/ })
      .getByRole('button', { name: '04:00' })
      .click();
    const form = page.getByRole('form', { name: 'Your details' });
    // Focus moves to the new step, so a screen reader hears it.
    const heading = form.getByRole('heading', { name: 'Your details' });
    await poll(() => heading.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await shownText(form)).toMatch(/Wednesday,? 17 March 2027, 04:00–05:00/);
    // A required answer left out is refused by the field, before anything is sent.
    await form.getByLabel('Name').fill('Vic Visitor');
    await form.getByLabel('Email').fill('vic@example.net');
    await form.getByRole('button', { name: 'Book this time' }).click();
    await form.getByText('Please answer this question.').waitFor();
    findings.push(...(await lookAt(page, 'form')));
    await form.getByLabel('What would you most like to get better at?').fill('Reading papers faster');
    await form.getByRole('button', { name: 'Book this time' }).click();

    const done = page.getByRole('region', { name: 'You are booked' });
    await done.waitFor();
    const confirmation = await shownText(done);
    expect(confirmation).toMatch(/Wednesday,? 17 March 2027, 04:00–05:00 \(America\/New York\)/);
    expect(confirmation).toContain('A calendar invitation is on its way to vic@example.net');
    expect(await done.getByRole('link', { name: 'https://meet.example.org/cora' }).getAttribute('href')).toBe(
      'https://meet.example.org/cora',
    );
    findings.push(...(await lookAt(page, 'confirmation')));

    // The coach's list holds the instant: 09:00 in Berlin on winter time is 08:00 UTC.
    const booked = await cora.call<BookingList>('GET', '/coach/bookings');
    expect(booked.status, booked.text).toBe(200);
    expect(booked.body.items.map((b) => [new Date(b.start).toISOString(), b.bookerTimeZone])).toEqual([
      ['2027-03-17T08:00:00.000Z', 'America/New_York'],
    ]);

    await done.getByRole('link', { name: 'Move or cancel the booking' }).click();
    await page.getByRole('heading', { level: 1, name: `${DEBUG.title} with Cora Coach` }).waitFor();
    const managed = await shownText(page.getByRole('region', { name: 'The booking' }));
    expect(managed).toMatch(/Wednesday,? 17 March 2027, 04:00–05:00 \(time zone: America\/New York\)/);
    findings.push(...(await lookAt(page, 'manage')));

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('A word for the coach').fill('Something came up, sorry.');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cancelled' }).waitFor();
    findings.push(...(await lookAt(page, 'cancelled')));
    const left = await cora.call<BookingList>('GET', '/coach/bookings');
    // The coach's list of bookings to come is empty again.
    expect(left.body.items).toEqual([]);

    // The time is free again on the public page.
    await page.getByRole('link', { name: 'Book another time' }).click();
    await page.getByRole('heading', { level: 1, name: DEBUG.title }).waitFor();
    expect(await times(page, WED_17)).toEqual(NEW_YORK_5H);

    expect(findings).toEqual([]);
  }, 120_000);

  it('a time taken meanwhile is refused plainly with the fresh times; the manage page moves the booking to a new link', async () => {
    await coach();
    const page = await team.person({ timezoneId: 'America/New_York' });
    await page.goto(url('/book/cora/debug'));
    await times(page, WED_17);
    await page.getByRole('list', { name: WED_17 }).getByRole('button', { name: '04:00' }).click();
    const form = page.getByRole('form', { name: 'Your details' });
    await form.getByLabel('Name').fill('Vic Visitor');
    await form.getByLabel('Email').fill('vic@example.net');
    await form.getByLabel('What would you most like to get better at?').fill('Reading papers faster');

    // Someone else books 09:00 Berlin (04:00 New York) while Vic types.
    const quick = await new TeamClient(team.server, 'quentin').call(
      'POST',
      '/public/book/cora/debug/bookings',
      {
        json: {
          start: '2027-03-17T08:00:00Z',
          name: 'Quick Quentin',
          email: 'quentin@example.net',
          timeZone: 'Europe/Berlin',
          answers: { goal: 'Being first' },
        },
        headers: { 'idempotency-key': 'quentin-1' },
      },
    );
    expect(quick.status, quick.text).toBe(201);
    await form.getByRole('button', { name: 'Book this time' }).click();

    await page.getByRole('alert').filter({ hasText: 'Someone booked 04:00 a moment ago' }).waitFor();
    // The fresh times, on the same day: Quentin's hour blocks the starts that overlap it.
    const fresh = page.getByRole('list', { name: WED_17 });
    await fresh.getByRole('button').first().waitFor();
    expect(await fresh.getByRole('button').allInnerTexts()).toEqual(['05:00', '05:30', '06:00']);
    expect(await lookAt(page, 'taken')).toEqual([]);
    await fresh.getByRole('button', { name: '05:00' }).click();
    // What Vic typed is still there.
    expect(await form.getByLabel('Name').inputValue()).toBe('Vic Visitor');
    await form.getByRole('button', { name: 'Book this time' }).click();
    const done = page.getByRole('region', { name: 'You are booked' });
    expect(await shownText(done)).toMatch(/Wednesday,? 17 March 2027, 05:00–06:00/);

    await done.getByRole('link', { name: 'Move or cancel the booking' }).click();
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Choose a new time' }).waitFor();
    await page.getByRole('button', { name: /^Thursday,? 18 March 2027/ }).click();
    await page
      .getByRole('list', { name: /^Thursday,? 18 March 2027/ })
      .getByRole('button', { name: '04:00' })
      .click();
    const oldPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Move the conversation' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved.' }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(oldPath);
    expect(await shownText(page.getByRole('region', { name: 'The booking' }))).toMatch(
      /Thursday,? 18 March 2027, 04:00–05:00/,
    );
    // The old link is spent.
    await page.goto(url(oldPath));
    await page.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
  }, 90_000);

  it('a tampered manage link says it no longer works', async () => {
    await coach();
    const page = await team.person({ timezoneId: 'America/New_York' });
    await page.goto(url('/booking/not-a-real-token'));
    await page.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    // No app navigation on a public page.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await lookAt(page, 'gone')).toEqual([]);
  }, 60_000);
});
