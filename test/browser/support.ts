/**
 * Shared helpers for the browser tests: one Debian Chromium per test file (never downloaded),
 * real `whet serve` processes on throwaway SQLite databases, and the real CLI on the same files.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { cliEnv, describeRun, type RunResult, runWhet } from '../support/cli.js';
import { assertCliBuilt } from '../support/paths.js';
import { startWhetServer, type WhetServer } from '../support/server.js';
import { type TempDirs, tempDirs } from '../support/temp.js';

export type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Screenshots go here, outside the repository, for a human to look at. */
export const SHOTS_DIR = '/tmp/whet-shots';

/** Generous for a loaded CI machine; these are upper bounds for waits, never sleeps. */
export const UI_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system Chromium (scripts/ensure-test-tools.mjs makes sure it is there). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A Whetstone database file plus the CLI pointed at it. */
export interface WhetDb {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** Runs `whet --db <db> ...args`; throws (with the output) unless it exits 0. */
  cli(args: readonly string[]): Promise<RunResult>;
  /** Runs the command and parses its standard output as JSON. */
  cliJson<T>(args: readonly string[]): Promise<T>;
  /** Starts `whet serve --port 0 --db <db>` (with `extraEnv` added); `cleanup` stops it. */
  serve(extraEnv?: NodeJS.ProcessEnv): Promise<WhetServer>;
}

/** A backup's `data` as `whet export --format json` writes it. */
export interface BackupData {
  areas: Record<string, unknown>[];
  ideas: Record<string, unknown>[];
}

export interface IdeaJson {
  id: string;
  text: string;
  areaId: string | null;
  source: string;
  status: string;
  value: number | null;
  effort: string | null;
  context: string | null;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
}

/**
 * Everything one test file needs: fresh databases (`newDb`) and the servers started for them,
 * all removed by `cleanup` (call it in afterAll/afterEach).
 */
export interface Workspace {
  newDb(label?: string): WhetDb;
  cleanup(): Promise<void>;
}

export function workspace(): Workspace {
  assertCliBuilt();
  const temps: TempDirs = tempDirs();
  const servers: WhetServer[] = [];

  const newDb = (label = 'whet-browser'): WhetDb => {
    const dir = temps.make(label);
    const db = join(dir, 'w.db');
    // XDG_DATA_HOME inside the temp dir: nothing can fall back to the user's real database.
    const env = cliEnv({ XDG_DATA_HOME: join(dir, 'xdg'), NO_COLOR: '1' });
    const cli = async (args: readonly string[]): Promise<RunResult> => {
      const full = ['--db', db, ...args];
      const result = await runWhet(full, { env });
      if (result.code !== 0) throw new Error(`CLI failed:\n${describeRun(full, result)}`);
      return result;
    };
    return {
      dir,
      db,
      env,
      cli,
      async cliJson<T>(args: readonly string[]): Promise<T> {
        const result = await cli(args);
        try {
          return JSON.parse(result.stdout) as T;
        } catch (error) {
          throw new Error(`whet ${args.join(' ')} printed no JSON (${String(error)}):\n${result.stdout}`);
        }
      },
      async serve(extraEnv = {}) {
        const server = await startWhetServer({ db, env: { ...env, ...extraEnv } });
        servers.push(server);
        return server;
      },
    };
  };

  return {
    newDb,
    async cleanup() {
      const running = servers.splice(0);
      await Promise.all(running.map((s) => s.stop()));
      temps.cleanup();
    },
  };
}

/** How a person's browser is set up: its colour scheme and, optionally, its time zone (IANA). */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  timezoneId?: string;
}

/**
 * A fresh context (own storage, so no remembered area or filters) and page. Every Playwright
 * wait in it gives up after UI_TIMEOUT_MS, so a broken feature fails with the step that hung.
 */
export async function newPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    locale: 'en-US',
    // The browser's own zone (default: the machine's), as a visitor abroad would have it.
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** What each test of a file gets from `freshAppPerTest`. */
export interface FreshApp {
  db: WhetDb;
  server: WhetServer;
  page: Page;
  /** Errors the page logged so far; a test may remove the ones it provoked on purpose. */
  pageErrors: string[];
}

/**
 * Registers the file's hooks: one browser for the file, and for every test a new database
 * served by `whet serve` and a new page. A test fails if the page logged an error, except
 * those matching `expectedErrors` (e.g. Chromium's note about a 422 the test provokes).
 * `serverEnv` adds to the server's environment (e.g. WHETSTONE_TEST_HOOKS=1 for a movable clock).
 */
export function freshAppPerTest(
  dbName: string,
  expectedErrors?: RegExp,
  options: { serverEnv?: NodeJS.ProcessEnv } = {},
): FreshApp {
  let browser: Browser | undefined;
  let space: Workspace | undefined;
  let context: BrowserContext | undefined;
  const app = {} as FreshApp;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    space = workspace();
    app.db = space.newDb(dbName);
    app.server = await app.db.serve(options.serverEnv);
    ({ context, page: app.page } = await newPage(browser as Browser));
    app.pageErrors = collectPageErrors(app.page);
  });
  afterEach(async () => {
    await context?.close();
    await space?.cleanup();
    expect(
      app.pageErrors.filter((e) => !expectedErrors?.test(e)),
      'the page logged errors',
    ).toEqual([]);
  });
  return app;
}

/** All ideas in the database, newest first, via `whet ideas --all --json`. */
export function listIdeas(db: WhetDb): Promise<IdeaJson[]> {
  return db.cliJson<IdeaJson[]>(['ideas', '--all', '--json']);
}

/** One idea as `whet idea show ID --json` prints it. */
export async function showIdea(db: WhetDb, id: string): Promise<IdeaJson> {
  const idea = await db.cliJson<IdeaJson>(['idea', 'show', id, '--json']);
  if (idea.id !== id) throw new Error(`whet idea show ${id} printed idea ${JSON.stringify(idea.id)}`);
  return idea;
}

/** `data` of `whet export --format json`. */
export async function exportData(db: WhetDb): Promise<BackupData> {
  return (await db.cliJson<{ data: BackupData }>(['export', '--format', 'json'])).data;
}

/** Captures an idea with the CLI and returns its id. */
export async function captureWithCli(
  db: WhetDb,
  text: string,
  flags: readonly string[] = [],
): Promise<string> {
  const result = await db.cli(['idea', text, ...flags]);
  const id = result.stdout.trim();
  if (!/^\S+$/.test(id)) throw new Error(`whet idea printed no id: ${JSON.stringify(result.stdout)}`);
  return id;
}

/**
 * Opens the inbox and waits until the app has rendered it and the first list request has
 * finished (the list container is no longer aria-busy).
 */
export async function openInbox(page: Page, server: WhetServer, search = ''): Promise<void> {
  await page.goto(`${server.url}${search}`);
  await waitForInbox(page);
}

export async function waitForInbox(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await waitUntilNotBusy(page);
}

/**
 * Waits until nothing on the page is aria-busy. Counted through Playwright's locators, not
 * `page.waitForFunction`: a string predicate is evaluated with `eval` in the page while polling,
 * which a team server's CSP (no 'unsafe-eval') rightly refuses.
 */
export async function waitUntilNotBusy(page: Page): Promise<void> {
  await poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

/** The inbox list's rows. */
export function ideaRows(page: Page) {
  return page.getByRole('list', { name: 'Ideas' }).getByRole('listitem');
}

/** Saves a full-page screenshot under SHOTS_DIR and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  // Animations jump to their end state, so a dialog is captured as the user finally sees it.
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/** Collects uncaught page errors and console errors, for a "the app did not crash" check. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

/** One element a field names in its aria-describedby. */
export interface Description {
  id: string;
  role: string | null;
  text: string;
}

/**
 * The elements `field` points at with aria-describedby, in order (ids that match nothing are
 * returned with role null and empty text, so a dangling reference shows up in assertions).
 */
export function describedBy(field: Locator): Promise<Description[]> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id: string) => {
        const target = el.ownerDocument.getElementById(id);
        return { id, role: target?.getAttribute('role') ?? null, text: target?.textContent?.trim() ?? '' };
      }),
  );
}

/** The texts of the role=alert elements among `field`'s descriptions. */
export async function alertsFor(field: Locator): Promise<string[]> {
  return (await describedBy(field)).filter((d) => d.role === 'alert').map((d) => d.text);
}

/** The text as the page shows it (innerText: blocks apart), white space folded to single spaces. */
export async function shownText(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Playwright-core has no web-first assertions: wait for the value, up to UI_TIMEOUT_MS. */
export const poll = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: UI_TIMEOUT_MS, interval: 50 });

/** A JSON request to the server's API (`path` after /api/v1); throws unless it succeeds. */
export async function apiJson<T>(
  server: WhetServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.api}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Moves the clock of a server started with WHETSTONE_TEST_HOOKS=1; returns its new "now". */
export async function advanceClock(server: WhetServer, ms: number): Promise<Date> {
  const { now } = await apiJson<{ now: string }>(server, 'POST', '/test/clock', { advanceMs: ms });
  return new Date(now);
}
