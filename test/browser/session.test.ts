/**
 * Focused improvement sessions in the browser: a whole session (start, capture, next, skip, back,
 * pause, reload, time up, rating, summary, history, statistics, inbox), the "one session at a
 * time" offer to resume, and deck import with a located error. The server runs with
 * WHETSTONE_TEST_HOOKS=1 so the test can move its clock instead of waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhetServer, type WhetServer } from '../support/server.js';
import {
  type Browser,
  collectPageErrors,
  ideaRows,
  type Locator,
  launchBrowser,
  listIdeas,
  newPage,
  type Page,
  screenshot,
  UI_TIMEOUT_MS,
  type WhetDb,
  type Workspace,
  waitForInbox,
  workspace,
} from './support.js';

let browser: Browser;
let ws: Workspace;
const servers: WhetServer[] = [];

/** `whet serve` with the test hooks on (the workspace's `serve` cannot add environment variables). */
async function serveWithHooks(db: WhetDb): Promise<WhetServer> {
  const server = await startWhetServer({ db: db.db, env: { ...db.env, WHETSTONE_TEST_HOOKS: '1' } });
  servers.push(server);
  return server;
}

async function apiCall<T>(server: WhetServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

function advanceClock(server: WhetServer, minutes: number): Promise<unknown> {
  return apiCall(server, 'POST', '/test/clock', { advanceMs: minutes * 60_000 });
}

/** Playwright-core has no web-first assertions: wait for the state, up to UI_TIMEOUT_MS. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: UI_TIMEOUT_MS, interval: 50 });
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden' });
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

/** Page errors except the console's note about the 409/422 answers these tests provoke. */
function expectedErrorsOmitted(errors: string[]): { readonly list: string[] } {
  return {
    get list() {
      return errors.filter((e) => !/Failed to load resource: .*status of (409|422)/.test(e));
    },
  };
}

/** "19:58" -> 1198 seconds. */
function clockSeconds(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((total, n) => total * 60 + n, 0);
}

/** Light and dark, desktop and 390px mobile. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-mobile-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-mobile-light`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const question = (page: Page) => page.getByRole('heading', { level: 1 });
const timer = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const sessionIdeas = (page: Page) =>
  page.getByRole('list', { name: 'Ideas this session' }).getByRole('listitem');

async function capture(page: Page, text: string, area: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Capture an idea' });
  const before = await sessionIdeas(page).count();
  await form.getByLabel('Area').selectOption({ label: area });
  await form.getByLabel('New idea').fill(text);
  await form.getByLabel('New idea').press('Enter');
  await poll(() => sessionIdeas(page).count()).toBe(before + 1);
  await poll(() => form.getByLabel('New idea').inputValue()).toBe('');
}

beforeAll(async () => {
  ws = workspace();
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await ws?.cleanup();
  await browser?.close();
});

describe('focused session', () => {
  it('runs a whole session: capture, navigate, pause, reload, rate, summary, history, stats', async () => {
    const db = ws.newDb('whet-session');
    const server = await serveWithHooks(db);
    const { context, page } = await newPage(browser);
    const errors = expectedErrorsOmitted(collectPageErrors(page));

    // Start from the inbox's call to action.
    await page.goto(server.url);
    await waitForInbox(page);
    await screenshot(page, 'session-inbox-cta');
    await page.getByRole('button', { name: 'Start a 20-minute session' }).click();
    await page.waitForURL(/\/session$/);
    // The URL changes before the session page has replaced the inbox's heading.
    await visible(page.getByText(/^Question 1 of \d+$/));
    const q1 = ((await question(page).textContent()) ?? '').trim();
    const start = clockSeconds((await timer(page).textContent()) ?? '');
    expect(start).toBeLessThanOrEqual(20 * 60);
    expect(start).toBeGreaterThan(15 * 60);
    // The calm view: no sidebar navigation while the session is live.
    await hidden(page.getByRole('navigation', { name: 'Main' }));

    // Two ideas on the first question, with Enter.
    await capture(page, 'Batch email into two slots a day', 'Work environment & focus');
    await capture(page, 'Write the figure captions first', 'Writing');

    // Next with the keyboard (focus is in the capture box: Alt+→ does not clash with typing).
    await page.getByLabel('New idea').press('Alt+ArrowRight');
    await visible(page.getByText(/^Question 2 of \d+$/));
    const q2 = ((await question(page).textContent()) ?? '').trim();
    expect(q2).not.toBe(q1);
    await capture(page, 'Keep a running list of blocked experiments', 'Work environment & focus');

    // Skip, then back.
    await page.getByRole('button', { name: 'Skip' }).click();
    await visible(page.getByText(/^Question 3 of \d+$/));
    const q3 = ((await question(page).textContent()) ?? '').trim();
    expect(q3).not.toBe(q2);
    await page.getByRole('button', { name: 'Back' }).click();
    await visible(page.getByText(/^Question 2 of \d+$/));
    await poll(() => text(question(page))).toBe(q2);

    // Pause and resume.
    await page.getByRole('button', { name: 'Pause' }).click();
    await visible(page.getByRole('button', { name: 'Resume' }));
    await visible(page.getByText('Paused', { exact: true }));
    await page.getByRole('button', { name: 'Resume' }).click();
    await visible(page.getByRole('button', { name: 'Pause' }));

    // Four minutes pass on the server; a reload restores everything from it.
    await advanceClock(server, 4);
    await page.reload();
    await visible(page.getByText(/^Question 2 of \d+$/));
    await poll(() => text(question(page))).toBe(q2);
    await poll(() => sessionIdeas(page).count()).toBe(3);
    await poll(() => text(page.getByRole('list', { name: 'Ideas this session' }))).toContain(
      'Keep a running list of blocked experiments',
    );
    const afterReload = clockSeconds((await timer(page).textContent()) ?? '');
    expect(afterReload).toBeLessThanOrEqual(16 * 60);
    expect(afterReload).toBeGreaterThan(10 * 60);
    await shots(page, 'session-live');

    // Time runs out on the server: the next load ends the countdown and asks for ratings.
    await advanceClock(server, 20);
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Rate your ideas' }));
    const toRate = page.getByRole('list', { name: 'Ideas to rate' }).getByRole('listitem');
    await poll(() => toRate.count()).toBe(3);

    const values: Record<string, string> = {
      'Batch email into two slots a day': '5',
      'Write the figure captions first': '3',
      'Keep a running list of blocked experiments': '4',
    };
    for (const [ideaText, value] of Object.entries(values)) {
      const item = toRate.filter({ hasText: ideaText });
      const saved = page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && r.url().includes('/ideas/') && r.ok(),
      );
      // A click, then the poll below: the radio is controlled, and check() fails if a re-render
      // from the live refresh lands between the click and its own immediate look.
      await item
        .getByRole('group', { name: 'Value' })
        .getByRole('radio', { name: value, exact: true })
        .click();
      await saved;
      await poll(() =>
        item
          .getByRole('group', { name: 'Value' })
          .getByRole('radio', { name: value, exact: true })
          .isChecked(),
      ).toBe(true);
    }
    const effortSaved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.ok());
    await toRate
      .filter({ hasText: 'Batch email' })
      .getByRole('group', { name: 'Effort' })
      .getByRole('radio', { name: 'Small' })
      .check();
    await effortSaved;
    await shots(page, 'session-rating');

    await page.getByLabel('Session note').fill('Email is the big one.');
    await page.getByRole('button', { name: 'Complete session' }).click();

    // The summary.
    await page.waitForURL(/\/sessions\/[^/]+$/);
    const summary = page.getByRole('list', { name: 'Summary' });
    await poll(() => text(summary)).toContain('Ideas3');
    await poll(() => text(summary)).toContain('Rated3');
    const byArea = page.getByRole('main').getByRole('list', { name: 'Ideas by area' }).getByRole('listitem');
    await poll(() => byArea.count()).toBe(2);
    await poll(() => text(byArea.first())).toBe('Work environment & focus2');
    await poll(() => text(byArea.nth(1))).toBe('Writing1');
    const best = page.getByRole('list', { name: 'Best ideas' }).getByRole('listitem');
    await poll(() => text(best.first())).toContain('Batch email into two slots a day');
    await poll(() => text(best.nth(1))).toContain('Keep a running list of blocked experiments');
    await visible(page.getByText('Email is the big one.'));
    await shots(page, 'session-summary');

    // History and the questions that work.
    await page.getByRole('main').getByRole('link', { name: 'Session history' }).click();
    const history = page.getByRole('list', { name: 'Past sessions' }).getByRole('link');
    await poll(() => history.count()).toBe(1);
    await poll(() => text(history.first())).toContain('3 ideas');
    const stats = page.getByRole('table', { name: 'Question statistics' });
    const q1Row = stats
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: q1, exact: true }) });
    await poll(() => q1Row.getByRole('cell').allTextContents()).toEqual(['1', '2', '4.0']);
    const q2Row = stats
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: q2, exact: true }) });
    await poll(() => text(q2Row.getByRole('cell').nth(1))).toBe('1');
    await shots(page, 'session-history');

    // The ideas are in the inbox, from a focused session.
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await waitForInbox(page);
    await poll(() => ideaRows(page).count()).toBe(3);
    for (const ideaText of Object.keys(values)) {
      await poll(() => text(ideaRows(page).filter({ hasText: ideaText }))).toContain('Focused session');
    }
    const stored = (await listIdeas(db)) as unknown as { source: string; sessionId: string | null }[];
    expect(stored.map((i) => i.source)).toEqual(['session', 'session', 'session']);
    expect(new Set(stored.map((i) => i.sessionId)).size).toBe(1);

    // A second session while one is under way: the app offers to resume it.
    const other = await apiCall<{ id: string; current: { text: string } }>(server, 'POST', '/sessions', {
      minutes: 10,
    });
    await page.getByRole('button', { name: 'Start a 20-minute session' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'already under way' });
    await visible(alert);
    await alert.getByRole('button', { name: 'Resume it' }).click();
    await page.waitForURL(/\/session$/);
    await poll(() => text(question(page))).toBe(other.current.text);
    expect(clockSeconds((await timer(page).textContent()) ?? '')).toBeLessThanOrEqual(10 * 60);

    expect(errors.list).toEqual([]);
    await context.close();
  });
});

describe('decks', () => {
  it('imports a deck: a broken file shows its line:column, a valid one is listed', async () => {
    const db = ws.newDb('whet-decks');
    const server = await serveWithHooks(db);
    const { context, page } = await newPage(browser);
    const errors = expectedErrorsOmitted(collectPageErrors(page));

    await page.goto(`${server.url}decks`);
    await visible(page.getByRole('heading', { level: 1, name: 'Decks' }));
    const decks = page.getByRole('list', { name: 'Decks' }).getByRole('listitem');
    await visible(decks.filter({ hasText: 'Built-in' }).first());
    const builtinCount = await decks.count();

    const broken = [
      'name: Lab habits',
      'questions:',
      '  - id: lab-slow',
      '    text: What slowed the lab down this week?',
      '    stage: opening',
      '    areas: [underwater-basket]',
      '',
    ].join('\n');
    await page.getByLabel('Deck file').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(broken),
    });
    await page.getByRole('button', { name: 'Import deck' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await poll(() => text(alert)).toMatch(/broken\.yaml:6:\d+: unknown area "underwater-basket"/);
    expect(await decks.count()).toBe(builtinCount);
    await shots(page, 'decks-error');

    const valid = broken.replace('underwater-basket', 'coding').replace('Lab habits', 'Lab habits deck');
    await page.getByLabel('Deck file').setInputFiles({
      name: 'lab.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(valid),
    });
    await page.getByRole('button', { name: 'Import deck' }).click();
    await hidden(alert);
    const mine = decks.filter({ hasText: 'Lab habits deck' });
    await visible(mine);
    await poll(() => text(mine)).toContain('1 question');
    await visible(mine.getByRole('link', { name: 'Export Lab habits deck as YAML' }));
    await shots(page, 'decks');

    await mine.getByRole('link', { name: 'Lab habits deck', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Lab habits deck' }));
    await poll(() => text(page.getByRole('list', { name: 'Questions' }))).toContain(
      'What slowed the lab down this week?',
    );
    await page.getByRole('link', { name: 'Decks', exact: true }).first().click();
    await page.getByRole('button', { name: 'Delete Lab habits deck' }).click();
    await page.getByRole('button', { name: 'Confirm delete Lab habits deck' }).click();
    await poll(() => decks.filter({ hasText: 'Lab habits deck' }).count()).toBe(0);

    // The start screen (no session under way in this database).
    await page.getByRole('link', { name: 'Session', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Focused session' }));
    await visible(page.getByRole('button', { name: 'Start a 20-minute session' }));
    await shots(page, 'session-start');

    expect(errors.list).toEqual([]);
    await context.close();
  });
});
