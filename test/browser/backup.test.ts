/**
 * Round trip through the Data page: download a JSON backup from one server, import it on a
 * second server with an empty database, and compare both databases through the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  captureWithCli,
  collectPageErrors,
  exportData,
  ideaRows,
  launchBrowser,
  listIdeas,
  newPage,
  openInbox,
  type Page,
  UI_TIMEOUT_MS,
  type WhetDb,
  type Workspace,
  workspace,
} from './support.js';

let browser: Browser;
let space: Workspace;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  space = workspace();
  ({ context, page } = await newPage(browser));
  pageErrors = collectPageErrors(page);
});

afterEach(async () => {
  await context?.close();
  await space?.cleanup();
});

/** A database with custom, renamed and archived areas and ideas in every status. */
async function seed(db: WhetDb): Promise<number> {
  await db.cli(['areas', 'add', 'Grant writing', '--description', 'Proposals, reports, budgets']);
  await db.cli(['areas', 'add', 'Conference travel']);
  await db.cli(['areas', 'rename', 'coding', 'Software craft']);

  await captureWithCli(db, 'Draft the specific-aims page before anything else', [
    '--area',
    'Grant writing',
    '--value',
    '5',
    '--effort',
    'M',
    '--context',
    'NSF proposal, due in March',
    '--source',
    'conversation',
  ]);
  const planned = await captureWithCli(db, 'Use a reference manager for every paper', [
    '--area',
    'reading',
    '--value',
    '3',
  ]);
  await db.cli(['idea', 'status', planned, 'planned']);
  const adopted = await captureWithCli(db, 'Pair-program the tricky parsers', ['--area', 'Software craft']);
  await db.cli(['idea', 'status', adopted, 'trying']);
  await db.cli(['idea', 'status', adopted, 'adopted']);
  const dropped = await captureWithCli(db, 'Walk at lunch', ['--area', 'energy', '--effort', 'S']);
  await db.cli(['idea', 'status', dropped, 'dropped']);
  await captureWithCli(db, 'An idea with no area');
  await captureWithCli(db, 'Café ☕ notes — «quotes», emoji 🧪\nand a second line', ['--area', 'writing']);
  await captureWithCli(db, 'Book flights before the early-bird deadline', ['--area', 'Conference travel']);
  // Archived: a custom area that still has an idea, and an unused default.
  await db.cli(['areas', 'archive', 'Conference travel']);
  await db.cli(['areas', 'archive', 'collaborators']);
  return 7;
}

/** The summary table's rows as { kind: [created, updated, unchanged] }. */
async function readSummary(p: Page): Promise<Record<string, number[]>> {
  const table = p.getByRole('table', { name: 'Import summary' });
  await table.waitFor({ timeout: UI_TIMEOUT_MS });
  const rows: Record<string, number[]> = {};
  for (const kind of ['Areas', 'Ideas']) {
    const cells = await table.getByRole('row', { name: kind }).getByRole('cell').allTextContents();
    rows[kind] = cells.map(Number);
  }
  return rows;
}

describe('backup round trip', () => {
  it('a JSON backup downloaded from the Data page restores every area and idea on a fresh database', async () => {
    const a = space.newDb('whet-backup-a');
    const ideaCount = await seed(a);
    const serverA = await a.serve();

    await page.goto(`${serverA.url}data`);
    const link = page.getByRole('link', { name: 'Download JSON backup' });
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^whetstone-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(a.dir, download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; data: { ideas: unknown[] } };
    expect(backup.format).toBe('whetstone-backup');
    expect(backup.data.ideas).toHaveLength(ideaCount);

    // Server B starts on a database that does not exist yet.
    const b = space.newDb('whet-backup-b');
    const serverB = await b.serve();
    await openInbox(page, serverB);
    await page.getByText('No ideas yet — what slowed you down today?').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Backup file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import backup' }).click();
    const summary = await readSummary(page);
    expect(summary.Ideas).toEqual([ideaCount, 0, 0]);
    expect(summary.Areas?.[0], 'custom areas created').toBe(2);
    expect(summary.Areas?.reduce((x, y) => x + y, 0)).toBe(12);
    await page.getByRole('status').getByText(`Imported ${download.suggestedFilename()}`).waitFor();

    // Both databases now hold exactly the same areas and ideas.
    const [dataA, dataB] = await Promise.all([exportData(a), exportData(b)]);
    expect(dataB.areas).toEqual(dataA.areas);
    expect(dataB.ideas).toEqual(dataA.ideas);
    expect(dataA.ideas).toHaveLength(ideaCount);
    expect(dataA.areas.find((x) => x.id === 'conference-travel')?.archivedAt).not.toBeNull();
    expect(dataA.areas.find((x) => x.id === 'coding')?.name).toBe('Software craft');

    // The web app on B shows them, including the archived area.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await ideaRows(page)
      .filter({ hasText: 'Draft the specific-aims page' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await ideaRows(page).count()).toBe(ideaCount);
    await ideaRows(page)
      .filter({ hasText: 'Draft the specific-aims page' })
      .getByText('Grant writing', { exact: true })
      .waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Areas' }).click();
    const archived = page.getByRole('list', { name: 'Archived areas' });
    await archived.getByText('Conference travel', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await archived.getByText('Finding collaborators', { exact: true }).waitFor();
    await page
      .getByRole('list', { name: 'Active areas' })
      .getByText('Software craft', { exact: true })
      .waitFor();

    // Importing the same file again changes nothing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Backup file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import backup' }).click();
    expect(await readSummary(page)).toEqual({ Areas: [0, 0, 12], Ideas: [0, 0, ideaCount] });
    expect(await exportData(b)).toEqual(dataA);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a damaged backup with an alert and imports nothing', async () => {
    const a = space.newDb('whet-backup-damaged');
    await captureWithCli(a, 'An idea worth keeping', ['--area', 'writing']);
    const file = join(a.dir, 'backup.json');
    writeFileSync(file, (await a.cli(['export', '--format', 'json'])).stdout);
    // Tamper with the content: the checksum no longer matches.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('An idea worth keeping', 'An idea worth changing'),
    );

    const b = space.newDb('whet-backup-target');
    const server = await b.serve();
    await page.goto(`${server.url}data`);
    const input = page.getByLabel('Backup file');
    await input.setInputFiles(file);
    await page.getByRole('button', { name: 'Import backup' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await alert.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alert.textContent()).toMatch(/checksum/i);
    expect(await page.getByRole('table', { name: 'Import summary' }).count()).toBe(0);
    expect(await listIdeas(b)).toEqual([]);
    expect(pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
