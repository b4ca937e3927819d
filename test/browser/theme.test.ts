/**
 * The theme follows the operating system (prefers-color-scheme), and screenshots of the main
 * screens in both themes are saved to /tmp/whet-shots for a human to look at.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  type Browser,
  type BrowserContext,
  captureWithCli,
  collectPageErrors,
  launchBrowser,
  newPage,
  openInbox,
  type Page,
  screenshot,
  UI_TIMEOUT_MS,
  type WhetDb,
  type Workspace,
  workspace,
} from './support.js';

let browser: Browser;
let space: Workspace;
let db: WhetDb;
let server: WhetServer;
let ideaId: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  space = workspace();
  db = space.newDb('whet-theme');
  await db.cli(['areas', 'add', 'Grant writing']);
  await captureWithCli(db, 'Walk at lunch instead of eating at the desk', ['--area', 'energy']);
  const dropped = await captureWithCli(db, 'Try a second monitor', ['--area', 'environment']);
  await db.cli(['idea', 'status', dropped, 'dropped']);
  await captureWithCli(db, 'Draft the specific-aims page first', [
    '--area',
    'Grant writing',
    '--value',
    '5',
    '--effort',
    'L',
    '--source',
    'conversation',
  ]);
  const trying = await captureWithCli(db, 'Write tests before refactoring the data loader', [
    '--area',
    'coding',
    '--value',
    '3',
    '--effort',
    'S',
  ]);
  await db.cli(['idea', 'status', trying, 'trying']);
  ideaId = await captureWithCli(
    db,
    'Batch paper reading into one morning a week, and keep a one-line summary of each paper in the notes',
    ['--area', 'reading', '--value', '4', '--effort', 'M', '--context', 'reading group prep'],
  );
  await db.cli(['idea', 'status', ideaId, 'planned']);
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

type Rgb = [number, number, number];

/** Parses `rgb(r, g, b)` / `rgba(r, g, b, a)` as computed by Chromium. */
function parseRgb(css: string): Rgb {
  const parts = css
    .match(/rgba?\(([^)]+)\)/)?.[1]
    ?.split(',')
    .map((p) => Number.parseFloat(p));
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not an rgb colour: ${css}`);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
function luminance(css: string): number {
  const [r, g, b] = parseRgb(css).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function bodyColours(p: Page): Promise<{ background: string; text: string }> {
  // Strings, not functions: the tests are type-checked without the DOM library.
  const background = (await p.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
  const text = (await p.evaluate('getComputedStyle(document.body).color')) as string;
  return { background, text };
}

describe('theme', () => {
  it('follows the OS colour scheme: dark mode has a dark background and light text', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openInbox(page, server);
    const light = await bodyColours(page);
    await screenshot(page, 'inbox-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(async () => (await bodyColours(page)).background, { timeout: UI_TIMEOUT_MS })
      .not.toBe(light.background);
    const dark = await bodyColours(page);
    await screenshot(page, 'inbox-dark');

    expect(luminance(light.background)).toBeGreaterThan(0.7);
    expect(luminance(dark.background)).toBeLessThan(0.1);
    expect(luminance(dark.text)).toBeGreaterThan(luminance(dark.background));
    expect(luminance(light.text)).toBeLessThan(luminance(light.background));
  });

  it('saves screenshots of the idea page, areas and data pages in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}ideas/${ideaId}`);
      await page.getByLabel('Idea text').waitFor({ timeout: UI_TIMEOUT_MS });
      await page.getByRole('heading', { name: 'Status: Planned' }).waitFor();
      await screenshot(page, `idea-${scheme}`);

      await page.getByRole('button', { name: 'Delete idea' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this idea?' });
      await dialog.waitFor();
      await screenshot(page, `idea-delete-dialog-${scheme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Areas' }).click();
      await page.getByRole('list', { name: 'Active areas' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await screenshot(page, `areas-${scheme}`);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
      await page.getByRole('link', { name: 'Download JSON backup' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await screenshot(page, `data-${scheme}`);
    }
  });

  it('saves a screenshot of the inbox on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openInbox(page, server);
    await screenshot(page, 'inbox-phone-light');
    // The capture box still fits: nothing wider than the screen.
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow, 'the page scrolls sideways on a phone').toBe(0);
  });
});
