/**
 * Search and filters on the inbox: the list narrows to what matches, the filters combine, and
 * clearing brings everything back. One database for the file; the tests only read it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  type Browser,
  type BrowserContext,
  captureWithCli,
  collectPageErrors,
  ideaRows,
  launchBrowser,
  newPage,
  openInbox,
  type Page,
  UI_TIMEOUT_MS,
  type WhetDb,
  type Workspace,
  workspace,
} from './support.js';

const IDEAS = [
  { text: 'Batch paper reading into one morning a week', area: 'reading' },
  { text: 'Read papers on the train', area: 'reading' },
  { text: 'Automate figure generation with a script', area: 'coding' },
  { text: 'Write for thirty minutes every morning', area: 'writing' },
  { text: 'Morning walk before opening the laptop', area: 'energy' },
] as const;
const ALL = IDEAS.map((i) => i.text).reverse(); // newest first
/** The one idea moved on to "planned"; the others are new. */
const PLANNED = 'Read papers on the train';

let browser: Browser;
let space: Workspace;
let db: WhetDb;
let server: WhetServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  space = workspace();
  db = space.newDb('whet-search');
  for (const idea of IDEAS) {
    const id = await captureWithCli(db, idea.text, ['--area', idea.area]);
    if (idea.text === PLANNED) await db.cli(['idea', 'status', id, 'planned']);
  }
  server = await db.serve();
});

afterAll(async () => {
  await browser?.close();
  await space?.cleanup();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
  pageErrors = collectPageErrors(page);
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

/** The idea texts the list shows once it has settled (not loading). */
async function shownIdeas(p: Page): Promise<string[]> {
  if ((await p.locator('[aria-busy="true"]').count()) > 0) return ['(loading)'];
  return ideaRows(p).locator('.idea-row__text').allTextContents();
}

function expectList(p: Page, texts: readonly string[]) {
  return expect.poll(() => shownIdeas(p), { timeout: UI_TIMEOUT_MS }).toEqual([...texts]);
}

describe('search and filters', () => {
  it('typing in "Search ideas" narrows the list; clearing restores it', async () => {
    await openInbox(page, server);
    await expectList(page, ALL);

    const search = page.getByLabel('Search ideas');
    await search.pressSequentially('morning');
    const mornings = ALL.filter((t) => /morning/i.test(t));
    expect(mornings).toHaveLength(3);
    await expectList(page, mornings);
    expect(new URL(page.url()).searchParams.get('q')).toBe('morning');

    // Words match as prefixes, and every word must match.
    await search.fill('auto scr');
    await expectList(page, ['Automate figure generation with a script']);

    await search.fill('zebra');
    await page.getByText('No ideas match “zebra”.').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await ideaRows(page).count()).toBe(0);

    // Escape empties the box and the list comes back.
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expectList(page, ALL);
    expect(new URL(page.url()).search).toBe('');
  });

  it('the area filter narrows the list, combines with search, and "Clear filters" restores it', async () => {
    await openInbox(page, server);
    await expectList(page, ALL);

    const area = page.getByRole('combobox', { name: 'Filter by area' });
    await area.selectOption({ label: 'Reading papers' });
    await expectList(page, ['Read papers on the train', 'Batch paper reading into one morning a week']);
    expect(new URL(page.url()).searchParams.get('area')).toBe('reading');

    await page.getByLabel('Search ideas').pressSequentially('train');
    await expectList(page, ['Read papers on the train']);

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await expectList(page, ['Read papers on the train']);
    expect(await page.getByLabel('Search ideas').inputValue()).toBe('train');
    expect(await area.inputValue()).toBe('reading');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expectList(page, ALL);
    expect(await page.getByLabel('Search ideas').inputValue()).toBe('');
    expect(await area.inputValue()).toBe('');
  });

  it('the status filter shows only ideas in that status', async () => {
    await openInbox(page, server);
    await expectList(page, ALL);
    const status = page.getByRole('combobox', { name: 'Filter by status' });
    await status.selectOption({ label: 'Planned' });
    await expectList(page, [PLANNED]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('planned');
    await status.selectOption({ label: 'New' });
    await expectList(
      page,
      ALL.filter((t) => t !== PLANNED),
    );
    await status.selectOption({ label: 'Adopted' });
    await page.getByText('No ideas match these filters.').waitFor({ timeout: UI_TIMEOUT_MS });
    await status.selectOption({ label: 'Any status' });
    await expectList(page, ALL);
  });
});
