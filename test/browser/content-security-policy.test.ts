/**
 * The CSP holds in solo mode too: the pages with charts (the dashboard and a pool's report) draw
 * under `script-src 'self'` without a single violation. The page records every
 * `securitypolicyviolation` from its first script on; a deliberate inline script shows that the
 * recorder sees a violation when there is one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCard } from '../support/experiments.js';
import type { WhetServer } from '../support/server.js';
import {
  type Browser,
  type BrowserContext,
  captureWithCli,
  collectPageErrors,
  launchBrowser,
  newPage,
  type Page,
  type WhetDb,
  type Workspace,
  waitUntilNotBusy,
  workspace,
} from './support.js';

const DAY_MS = 86_400_000;

let browser: Browser;
let space: Workspace;
let server: WhetServer;
let poolId: string;

/** Ideas, a practice plan with blocks and interruptions for the dashboard; six cards in a pool. */
async function seed(db: WhetDb): Promise<string> {
  const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
  const first = await captureWithCli(db, 'Summarise one paper a week', ['--value', '4']);
  await captureWithCli(db, 'Mute chat while coding', ['--value', '3']);
  const plan = await db.cliJson<{ id: string }>([
    'plan',
    'create',
    '--from',
    first,
    '--title',
    'Summarise one paper a week',
    '--kind',
    'practice',
    '--sub-skill',
    'reading',
    '--next',
    'Pick this week’s paper',
    '--signal',
    'A summary in under an hour',
    '--cadence',
    '3x30/week',
    '--review-in',
    '2w',
    '--json',
  ]);
  for (const daysAgo of [6, 3, 1]) {
    await db.cli(['practice', '30', '--plan', plan.id, '--at', isoAgo(daysAgo * DAY_MS)]);
    await db.cli(['interrupt', 'Slack', '--at', isoAgo(daysAgo * DAY_MS)]);
  }
  const pool = (await db.cli(['pool', 'create', 'Lab retreat'])).stdout.trim();
  const cards = join(db.dir, 'cards.json');
  const ratings: [number[], number[]][] = [
    [
      [3, 2],
      [5, 4],
    ],
    [
      [2, 2],
      [4, 4],
    ],
    [
      [4, 3],
      [3, 3],
    ],
    [
      [1, 3],
      [5, 5],
    ],
    [
      [2, 4],
      [4, 3],
    ],
    [
      [3, 3],
      [4, 5],
    ],
  ];
  writeFileSync(cards, JSON.stringify(ratings.map(([p, f], i) => makeCard(`participant-${i + 1}`, p, f))));
  await db.cli(['pool', 'import', pool, cards]);
  return pool;
}

/** Globals of the page, typed by hand: the tests are type-checked without the DOM library. */
type RecordingPage = {
  document: {
    addEventListener(
      type: string,
      listener: (event: { violatedDirective: string; blockedURI: string }) => void,
    ): void;
    createElement(tag: string): { textContent: string };
    head: { append(node: unknown): void };
  };
  __cspViolations: string[];
};

/** A page that keeps every CSP violation in `window.__cspViolations`, from before its scripts run. */
async function recordingPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    const page = globalThis as unknown as RecordingPage;
    page.__cspViolations = [];
    page.document.addEventListener('securitypolicyviolation', (event) => {
      page.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { context, page, errors: collectPageErrors(page) };
}

const violations = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as RecordingPage).__cspViolations);

beforeAll(async () => {
  browser = await launchBrowser();
  space = workspace();
  const db = space.newDb('whet-csp');
  poolId = await seed(db);
  server = await db.serve();
});

afterAll(async () => {
  await browser?.close();
  await space?.cleanup();
});

describe('the content security policy in solo mode', () => {
  it('is sent with the app page, without eval or inline scripts', async () => {
    const csp = (await fetch(server.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(eval|inline)/);
  });

  it.each([
    ['the dashboard', 'dashboard'],
    ['a pool report', 'pool'],
  ])('%s draws its charts with no violation', async (_name, which) => {
    const { context, page, errors } = await recordingPage();
    try {
      await page.goto(`${server.url}${which === 'pool' ? `pools/${poolId}` : 'dashboard'}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // The charts are a lazy chunk: a drawing shows that chunk loaded and ran.
      await page.locator('figure svg.recharts-surface').first().waitFor();
      await waitUntilNotBusy(page);
      expect(await violations(page)).toEqual([]);
      expect(errors, 'the page logged errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is enforced, and the recorder sees a violation when there is one', async () => {
    const { context, page, errors } = await recordingPage();
    try {
      await page.goto(`${server.url}dashboard`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.evaluate(() => {
        const { document } = globalThis as unknown as RecordingPage;
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
      });
      await page.waitForFunction(() => (globalThis as unknown as RecordingPage).__cspViolations.length > 0);
      expect(await violations(page)).toEqual(['script-src-elem inline']);
      expect(await page.evaluate('window.__inlineRan === true')).toBe(false);
      expect(errors.join('\n')).toMatch(/Content Security Policy/);
    } finally {
      await context.close();
    }
  });
});
