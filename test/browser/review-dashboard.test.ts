/**
 * Focus mode, the weekly review, the dashboard and settings in the browser: interruptions logged
 * with one key, a week's numbers and a submitted review in the history, a dashboard that follows
 * new practice and shows the interruption heat map, and a calendar subscription that serves ICS
 * until it is revoked. The server runs with WHETSTONE_TEST_HOOKS=1 so the test can move its clock.
 */
import { describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  advanceClock,
  apiJson,
  captureWithCli,
  freshAppPerTest,
  type Locator,
  type Page,
  poll,
  screenshot,
  shownText,
  UI_TIMEOUT_MS,
  waitUntilNotBusy,
} from './support.js';

const app = freshAppPerTest('whet-review-dashboard', undefined, { serverEnv: { WHETSTONE_TEST_HOOKS: '1' } });

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface ApiPlan {
  id: string;
  title: string;
  state: string;
}

/** Counts days and hours in UTC, so the test knows which heat-map cell is "now". */
async function useUtc(server: WhetServer): Promise<void> {
  await apiJson(server, 'PUT', '/settings', { timeZone: 'UTC' });
}

/** The server's today (YYYY-MM-DD in its zone), from the dashboard. */
async function serverToday(server: WhetServer): Promise<string> {
  return (await apiJson<{ today: string }>(server, 'GET', '/dashboard')).today;
}

async function createPlan(
  server: WhetServer,
  ideaId: string,
  title: string,
  reviewOn: string,
): Promise<ApiPlan> {
  return apiJson<ApiPlan>(server, 'POST', '/plans', {
    title,
    kind: 'practice',
    ideaIds: [ideaId],
    subSkill: 'writing',
    nextAction: 'Open the draft first',
    cadence: '3x30/week',
    successSignal: 'A section a week',
    reviewOn,
  });
}

/** The count in the heat map's cell for a weekday (0 = Monday) and hour. */
async function heatCell(page: Page, weekday: number, hour: number): Promise<string> {
  const table = page.getByRole('table', { name: /^Interruptions by weekday and hour/ });
  const row = table.getByRole('row', { name: new RegExp(WEEKDAYS[weekday] ?? '') });
  return (await row.getByRole('cell').nth(hour).textContent())?.trim() ?? '';
}

/** A card of the dashboard's "At a glance" list, by its label. */
const glance = (page: Page, label: string) =>
  page.getByRole('list', { name: 'At a glance' }).getByRole('listitem').filter({ hasText: label });

describe('focus mode', () => {
  it('logs interruptions with Space and I, takes a reason typed or picked, and undoes the last', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}focus`);
    const count = page.getByRole('status').filter({ hasText: 'since you started' });
    await poll(() => shownText(count)).toContain('0 interruptions since you started');
    // The calm view: no sidebar.
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);

    await page.keyboard.press('Space');
    await poll(() => shownText(count)).toContain('1 interruption since you started');
    await page.keyboard.press('i');
    await poll(() => shownText(count)).toContain('2 interruptions since you started');

    // A reason typed for the one just logged (it replaces it, with the same time).
    const reason = page.getByRole('textbox', { name: 'Reason' });
    await reason.fill('Slack');
    await reason.press('Enter');
    const last = page.getByRole('list', { name: 'Last interruptions' }).getByRole('listitem');
    await poll(() => shownText(last.first())).toContain('Slack');
    expect(await last.count()).toBe(2);

    // Keys typed in the reason field stay text; outside it, I logs again.
    await reason.pressSequentially('i i');
    expect(await last.count()).toBe(2);
    expect(await shownText(count)).toContain('2 interruptions since you started');
    await reason.fill('');
    await page.getByRole('heading', { name: 'Deep work' }).click();
    await page.keyboard.press('I');
    await poll(() => shownText(count)).toContain('3 interruptions since you started');
    // A recent reason is one click.
    await page.getByRole('list', { name: 'Recent reasons' }).getByRole('button', { name: 'Slack' }).click();
    await poll(() => shownText(last.first())).toContain('Slack');

    const stored = await apiJson<{ items: { reason: string | null }[] }>(server, 'GET', '/interruptions');
    const reasons = stored.items.map((i) => i.reason);
    expect(reasons.filter((r) => r === 'Slack')).toHaveLength(2);
    expect(reasons.filter((r) => r === null)).toHaveLength(1);
    await screenshot(page, 'focus-light');

    await page.getByRole('button', { name: 'Undo the last one' }).click();
    await poll(() => shownText(count)).toContain('2 interruptions since you started');
    expect((await apiJson<{ items: unknown[] }>(server, 'GET', '/interruptions')).items).toHaveLength(2);
  });
});

describe('weekly review', () => {
  it('shows the week’s numbers, saves answers and a decision, and lists the review in the history', async () => {
    const { page, server, db } = app;
    await useUtc(server);
    const today = await serverToday(server);
    const ideaId = await captureWithCli(db, 'Write before opening email', ['--source', 'conversation']);
    await captureWithCli(db, 'Keep the phone in another room');
    const plan = await createPlan(server, ideaId, 'Write 30 minutes before email', today);
    await apiJson(server, 'POST', '/practice', { planId: plan.id, minutes: 45, difficulty: 3 });
    await apiJson(server, 'POST', '/interruptions', { reason: 'Slack' });

    await page.goto(`${server.url}review`);
    const numbers = page.getByRole('list', { name: 'The week in numbers' });
    await numbers.waitFor({ timeout: UI_TIMEOUT_MS });
    const stats = await shownText(numbers);
    expect(stats).toContain('2 ideas captured');
    expect(stats).toContain('1 noticed during work · 1 conversation');
    expect(stats).toContain('45 min practice');
    expect(stats).toContain('1 interruption');
    expect(stats).toContain('1 plan due');
    const table = page.getByRole('table', { name: 'Practice against cadence' });
    expect(await shownText(table)).toContain('Write 30 minutes before email');
    // What the cadence asks of this week counts from the day the plan was made.
    expect(await shownText(table)).toMatch(/45 min of (\d+ h )?\d+ min/);

    const form = page.getByRole('form', { name: 'Weekly review' });
    await form
      .getByRole('textbox', {
        name: 'What went better this week than you expected, and what made the difference?',
      })
      .fill('Writing first thing worked on four days.');
    await form
      .getByRole('textbox', { name: 'If you changed one thing about next week, what would it be?' })
      .fill('No meetings before eleven.');
    const decision = form.getByRole('group', { name: /Write 30 minutes before email/ });
    await decision.getByRole('radio', { name: 'Keep' }).check();
    await screenshot(page, 'weekly-review-light');
    await form.getByRole('button', { name: 'Save weekly review' }).click();
    await poll(() => shownText(form.getByRole('status').filter({ hasText: 'Saved the review' }))).toContain(
      '2 answers, 1 decision',
    );

    // The decision went through: the plan is kept; nothing is due any more.
    const [stored] = (await apiJson<{ items: ApiPlan[] }>(server, 'GET', '/plans')).items;
    expect(stored?.state).toBe('kept');
    await poll(() => shownText(numbers)).toContain('0 plans due');

    // The history lists it; opening it shows the answers and the decision.
    const history = page.getByRole('list', { name: 'Past weekly reviews' });
    await history.waitFor();
    const entry = history.locator(':scope > li');
    expect(await entry.count()).toBe(1);
    expect(await shownText(entry)).toContain('2 answers · 1 decision');
    await entry.getByText(/^Week of/).click();
    await poll(() => shownText(entry)).toContain('Writing first thing worked on four days.');
    expect(await shownText(entry)).toContain('Keep Write 30 minutes before email');

    // Another week is one link away, and its own history entry opens it again.
    await page.getByRole('link', { name: /Previous week/ }).click();
    await poll(() => shownText(numbers)).toContain('0 ideas captured');
    expect(new URL(page.url()).searchParams.get('week')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await entry.getByRole('link', { name: 'Open this week' }).click();
    await poll(() => shownText(numbers)).toContain('2 ideas captured');
    expect(await form.getByRole('textbox', { name: /^If you changed one thing/ }).inputValue()).toBe(
      'No meetings before eleven.',
    );
  });
});

describe('dashboard', () => {
  it('follows new practice (minutes this week, the streak) and maps the interruptions', async () => {
    const { page, server, db } = app;
    await useUtc(server);
    const today = await serverToday(server);
    const ideaId = await captureWithCli(db, 'Write before opening email', ['--area', 'writing']);
    const reviewOn = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * DAY_MS).toISOString().slice(0, 10);
    const plan = await createPlan(server, ideaId, 'Write 30 minutes before email', reviewOn);
    for (const reason of ['Slack', 'Email', 'Slack'])
      await apiJson(server, 'POST', '/interruptions', { reason });
    const now = await advanceClock(server, 0);
    const weekday = (now.getUTCDay() + 6) % 7;

    await page.goto(`${server.url}dashboard`);
    const practice = glance(page, 'Practice this week');
    await practice.waitFor({ timeout: UI_TIMEOUT_MS });
    const value = (card: Locator) => shownText(card.locator('.glance__value'));
    expect(await value(practice)).toBe('0 min');
    expect(await shownText(practice)).toMatch(/of (\d+ h )?\d+ min the cadences ask/);
    const streak = glance(page, 'Current streak');
    expect(await value(streak)).toBe('0 days');
    // The heat map has the three interruptions in this hour's cell.
    await poll(() => heatCell(page, weekday, now.getUTCHours())).toBe('3');
    expect(await shownText(page.getByRole('list', { name: 'Upcoming reviews' }))).toContain(
      'Write 30 minutes before email',
    );

    // Practice logged elsewhere (here: the API) shows up without a reload.
    await apiJson(server, 'POST', '/practice', { planId: plan.id, minutes: 30 });
    await poll(() => value(practice)).toBe('30 min');
    await poll(() => value(streak)).toBe('1 day');
    // The chart's text alternative has the minutes too.
    const figure = page.getByRole('figure', { name: /^Practice minutes per week/ });
    await poll(async () => figure.locator('.chart__drawing').getAttribute('aria-label')).toContain(
      'This week: 30 min practised',
    );

    // The next day's practice makes it a two-day streak.
    await advanceClock(server, DAY_MS);
    await apiJson(server, 'POST', '/practice', { planId: plan.id, minutes: 30 });
    await poll(() => value(streak)).toBe('2 days');
    expect(await shownText(page.getByRole('table', { name: 'Practice streaks' }))).toContain(
      'Write 30 minutes before email 2 days 2 days',
    );
    // Each view links to its JSON.
    expect(await page.getByRole('link', { name: 'Streaks as JSON' }).getAttribute('href')).toBe(
      '/api/v1/dashboard',
    );
    await screenshot(page, 'dashboard-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'dashboard-dark');
  });
});

describe('settings', () => {
  it('sets the time zone, and gives a calendar subscription URL that serves ICS until it is revoked', async () => {
    const { page, server, db } = app;
    const ideaId = await captureWithCli(db, 'Write before opening email');
    await createPlan(server, ideaId, 'Write 30 minutes before email', await serverToday(server));

    await page.goto(`${server.url}settings`);
    // The time zone: searchable, saved as the user's choice.
    await page.getByRole('searchbox', { name: 'Search time zones' }).fill('new york');
    await poll(() => page.getByRole('listbox', { name: 'Time zone' }).inputValue()).toBe('America/New_York');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('chosen by you').waitFor();
    expect(await apiJson(server, 'GET', '/settings')).toEqual({
      timeZone: 'America/New_York',
      timeZoneSource: 'chosen',
    });

    // The one-off download.
    const download = page.getByRole('link', { name: 'Download calendar (.ics)' });
    const file = await fetch(new URL((await download.getAttribute('href')) ?? '', server.url));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/calendar');

    // A subscription URL, shown once, absolute, serving the feed.
    await page.getByRole('button', { name: 'Create a subscription link' }).click();
    const created = page.getByRole('region', { name: 'New subscription link' });
    const url = await created.getByRole('textbox', { name: 'Subscription URL' }).inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}feeds/[A-Za-z0-9_-]{16,64}\\.ics$`));
    expect(await shownText(created)).toContain('Shown only now');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Write 30 minutes before email');
    await screenshot(page, 'settings-light');

    // Revoked, the same URL is simply not found.
    const feeds = page.getByRole('list', { name: 'Subscription links' });
    await feeds.getByRole('button', { name: 'Revoke' }).click();
    await feeds.getByRole('button', { name: 'Confirm revoke' }).click();
    await poll(() => shownText(feeds)).toContain('revoked');
    expect(await created.count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
  });
});

describe('phone layout', () => {
  it('keeps every new page within a 390px screen and folds the nav into a menu', async () => {
    const { page, server, db } = app;
    const ideaId = await captureWithCli(db, 'Write before opening email', ['--area', 'writing']);
    const plan = await createPlan(server, ideaId, 'Write 30 minutes before email', await serverToday(server));
    await apiJson(server, 'POST', '/interruptions', { reason: 'Slack' });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [
      'plans',
      `plans/${plan.id}`,
      `ideas/${ideaId}`,
      'focus',
      'review',
      'dashboard',
      'settings',
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await waitUntilNotBusy(page);
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow, `${path} scrolls sideways on a phone`).toBe(0);
      await screenshot(page, `phone-${path.replace(/\//g, '-')}`);
    }

    // The nav is behind "Menu"; a section opens from it and the menu closes.
    await page.goto(`${server.url}plans`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'phone-menu');
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
  });
});
