/**
 * Accessibility: axe-core (WCAG 2.1 A and AA) finds no serious or critical violation on any page,
 * in light and dark, at desktop and phone width, with one database seeded through the real CLI
 * so every page shows real content rather than its empty state. Keyboard focus shows a ring
 * that stands out from the background on every control Tab reaches on a few representative pages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWhet } from '../support/cli.js';
import { makeCard } from '../support/experiments.js';
import type { WhetServer } from '../support/server.js';
import { routeEntries, unopened } from './route-table.js';
import {
  apiJson,
  type Browser,
  type BrowserContext,
  captureWithCli,
  collectPageErrors,
  type Locator,
  launchBrowser,
  type Page,
  UI_TIMEOUT_MS,
  type WhetDb,
  type Workspace,
  workspace,
} from './support.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The ids the page paths need, from the seeded database. */
interface Seeded {
  ideaId: string;
  sessionId: string;
  deckId: string;
  reportedId: string;
  ratingId: string;
  poolId: string;
  planId: string;
}

type Width = 'desktop' | 'phone';

interface A11yPage {
  name: string;
  path: (s: Seeded) => string;
  /** Something only the loaded page shows (not its loading or empty state). */
  ready: (page: Page) => Locator;
  /** Brings the page into the state to check, e.g. a dialog opened. */
  open?: (page: Page) => Promise<void>;
  /** Only at these widths (default: both). */
  widths?: readonly Width[];
  /** Changes the data first, for a state no other page needs (so these entries come last). */
  setup?: () => Promise<void>;
}

const byRole = (role: Parameters<Page['getByRole']>[0], name: string | RegExp) => (page: Page) =>
  page.getByRole(role, { name }).first();
const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

/** Every page of the app, with the seeded content it should show. */
// biome-ignore lint/suspicious/noExportsInTest: the one list of pages to check, for the route table to replace
export const A11Y_PAGES: readonly A11yPage[] = [
  {
    name: 'inbox',
    path: () => '/',
    ready: (p) => p.getByRole('list', { name: 'Ideas' }).getByRole('link').first(),
  },
  {
    name: 'inbox, menu open',
    path: () => '/',
    ready: byRole('button', 'Menu'),
    open: async (p) => {
      await p.getByRole('button', { name: 'Menu' }).click();
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).waitFor();
    },
    widths: ['phone'],
  },
  { name: 'session start', path: () => '/session', ready: byRole('form', 'Start a session') },
  { name: 'sessions', path: () => '/sessions', ready: byRole('table', 'Question statistics') },
  { name: 'session summary', path: (s) => `/sessions/${s.sessionId}`, ready: byRole('list', 'Best ideas') },
  { name: 'decks', path: () => '/decks', ready: byRole('list', 'Decks') },
  { name: 'deck', path: (s) => `/decks/${s.deckId}`, ready: byRole('list', 'Questions') },
  { name: 'areas', path: () => '/areas', ready: byRole('list', 'Archived areas') },
  { name: 'data', path: () => '/data', ready: byRole('link', 'Download JSON backup') },
  { name: 'experiments', path: () => '/experiments', ready: byRole('list', 'Past experiments') },
  {
    name: 'experiment report',
    path: (s) => `/experiments/${s.reportedId}`,
    ready: byRole('region', 'Verdict'),
  },
  {
    name: 'experiment in rating',
    path: (s) => `/experiments/${s.ratingId}`,
    ready: byRole('list', 'Timeline'),
  },
  {
    name: 'blind rating',
    path: (s) => `/experiments/${s.ratingId}/rate`,
    ready: (p) => p.getByRole('progressbar', { name: 'Rated' }),
  },
  { name: 'pools', path: () => '/pools', ready: byRole('list', 'Pools') },
  { name: 'pool', path: (s) => `/pools/${s.poolId}`, ready: byRole('list', 'Pool summary') },
  { name: 'plans', path: () => '/plans', ready: byRole('list', 'Decided plans') },
  { name: 'plan', path: (s) => `/plans/${s.planId}`, ready: byRole('list', 'Practice log') },
  {
    name: 'plan, editing',
    path: (s) => `/plans/${s.planId}`,
    // What the page shows before and after the form opens (the button gives way to the form).
    ready: byRole('list', 'Practice log'),
    open: async (p) => {
      await p.getByRole('button', { name: 'Edit plan' }).click();
      await p.getByRole('form', { name: 'Edit plan' }).waitFor();
    },
  },
  {
    name: 'plans, new plan',
    path: () => '/plans',
    ready: byRole('list', 'Decided plans'),
    open: async (p) => {
      await p.getByRole('button', { name: 'New plan' }).click();
      await p.getByRole('form', { name: 'Make a plan' }).waitFor();
    },
  },
  {
    name: 'focus',
    path: () => '/focus',
    ready: byRole('list', 'Recent reasons'),
    // One interruption logged with the I key, so the page shows its list and undo.
    open: async (p) => {
      await p.keyboard.press('i');
      await p.getByRole('list', { name: 'Last interruptions' }).waitFor();
    },
  },
  { name: 'weekly review', path: () => '/review', ready: byRole('form', 'Weekly review') },
  { name: 'dashboard', path: () => '/dashboard', ready: byRole('table', 'Practice streaks') },
  { name: 'settings', path: () => '/settings', ready: byRole('list', 'Subscription links') },
  { name: 'idea', path: (s) => `/ideas/${s.ideaId}`, ready: byRole('list', 'Plans for this idea') },
  {
    name: 'idea, delete dialog',
    path: (s) => `/ideas/${s.ideaId}`,
    ready: byRole('button', 'Delete idea'),
    open: async (p) => {
      await p.getByRole('button', { name: 'Delete idea' }).click();
      await p.getByRole('dialog', { name: 'Delete this idea?' }).waitFor();
    },
  },
  { name: 'not found', path: () => '/no-such-page', ready: heading('Nothing here.') },
  {
    name: 'live session, paused',
    path: () => '/session',
    ready: (p) => p.getByRole('timer', { name: 'Time left' }),
    setup: async () => {
      const { id } = await apiJson<{ id: string }>(server, 'POST', '/sessions', { minutes: 20 });
      liveSessionId = id;
      await apiJson(server, 'POST', `/sessions/${id}/ideas`, { text: 'Close the door for the first hour' });
      await apiJson(server, 'POST', `/sessions/${id}/pause`);
    },
  },
  {
    name: 'plans, a session under way',
    path: () => '/plans',
    ready: (p) => p.getByRole('complementary', { name: 'Session under way' }),
  },
  {
    name: 'session rating',
    path: () => '/session',
    ready: byRole('list', 'Ideas to rate'),
    setup: async () => void (await apiJson(server, 'POST', `/sessions/${liveSessionId}/end`)),
  },
  {
    name: 'experiment start form',
    path: () => '/experiments',
    ready: byRole('form', 'Start an experiment'),
    // Nothing under way any more: later checks see the start forms of experiments and sessions.
    setup: async () => {
      if (liveSessionId) await apiJson(server, 'POST', `/sessions/${liveSessionId}/complete`, {});
      liveSessionId = '';
      await abandonRatingExperiment();
    },
  },
];

interface Variant {
  name: string;
  width: Width;
  colorScheme: 'light' | 'dark';
  viewport: { width: number; height: number };
}

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const VARIANTS: readonly Variant[] = [
  { name: 'light desktop', width: 'desktop', colorScheme: 'light', viewport: DESKTOP },
  { name: 'dark desktop', width: 'desktop', colorScheme: 'dark', viewport: DESKTOP },
  { name: 'light phone', width: 'phone', colorScheme: 'light', viewport: PHONE },
  { name: 'dark phone', width: 'phone', colorScheme: 'dark', viewport: PHONE },
];

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failing element of one rule, as a line a person can act on. */
interface Finding {
  page: string;
  variant: string;
  rule: string;
  impact: string;
  target: string;
  summary: string;
}

const describeFinding = (f: Finding) =>
  `${f.page} [${f.variant}] ${f.rule} (${f.impact}) ${f.target}: ${f.summary}`;

/** For colour contrast the measured and required ratio; otherwise axe's first hint. */
function summaryOf(node: {
  any: { id: string; data?: unknown; message: string }[];
  all: { message: string }[];
  none: { message: string }[];
}): string {
  const contrast = node.any.find((c) => c.id === 'color-contrast')?.data as
    | { contrastRatio: number; expectedContrastRatio: string; fgColor: string; bgColor: string }
    | undefined;
  if (contrast)
    return `${contrast.contrastRatio}:1 (needs ${contrast.expectedContrastRatio}), ${contrast.fgColor} on ${contrast.bgColor}`;
  const message = [...node.any, ...node.all, ...node.none][0]?.message ?? '';
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}

/** axe's serious and critical findings on the page as it is now. */
async function seriousFindings(page: Page, pageName: string, variant: string): Promise<Finding[]> {
  // Legacy mode runs axe in the page in one go: the app has no frames, and it is several
  // times faster than opening a helper page for every run.
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => ({
        page: pageName,
        variant,
        rule: v.id,
        impact: v.impact ?? '',
        target: node.target.map(String).join(' '),
        summary: summaryOf(node),
      })),
    );
}

// ---------------------------------------------------------------------------------------------
// The seeded database: everything through the CLI, except a completed session (the CLI's session
// needs a terminal, so it goes through the same API the browser's session page uses).

let space: Workspace;
let db: WhetDb;
let server: WhetServer;
let seeded: Seeded;
let liveSessionId = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const findings: Finding[] = [];

/** `whet ...args` with the CLI's clock `offsetMs` away from now (negative: in the past). */
async function cliAt(offsetMs: number, args: readonly string[], stdin?: string): Promise<string> {
  const env = {
    ...db.env,
    WHETSTONE_TEST_HOOKS: '1',
    WHETSTONE_CLOCK_OFFSET_MS: String(Math.round(offsetMs)),
  };
  const full = ['--db', db.db, ...args];
  const result = await runWhet(full, { env, ...(stdin === undefined ? {} : { stdin }) });
  if (result.code !== 0)
    throw new Error(`whet ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

let abandoned = false;
/** Ends the experiment left in blind rating, once, so /experiments offers its start form. */
async function abandonRatingExperiment(): Promise<void> {
  if (abandoned) return;
  await db.cli(['experiment', 'abandon', seeded.ratingId, '--yes']);
  abandoned = true;
}

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * A finished "week vs 20 minutes" experiment `startDaysAgo` days back: two days of noticing,
 * one focused session, then blind rating from piped stdin (`ratings`, one a line, `q` stops).
 */
async function runExperiment(startDaysAgo: number, noticed: string[], focused: string[], ratings: string) {
  const start = -startDaysAgo * DAY_MS;
  const id = await cliAt(start, [
    'experiment',
    'start',
    '--predict',
    'Twenty focused minutes give more valuable ideas than two days of noticing',
    '--favour',
    'focused',
    '--by',
    'about twice the total value',
    '--length',
    'passive=2',
    '--rating-delay',
    '0',
    '--json',
  ]).then((out) => (JSON.parse(out) as { id: string }).id);
  for (const [i, text] of noticed.entries()) await cliAt(start + (i + 1) * 10 * HOUR_MS, ['idea', text]);
  const focusStart = start + 2 * DAY_MS + HOUR_MS;
  await cliAt(focusStart, ['experiment', 'next']);
  for (const [i, text] of focused.entries())
    await cliAt(focusStart + (i + 1) * 3 * MINUTE_MS, ['idea', text, '--area', 'writing']);
  await cliAt(focusStart + 30 * MINUTE_MS, ['experiment', 'rate'], ratings);
  return id;
}

/** A session of the built-in deck with three rated ideas and a note, completed. */
async function completedSession(): Promise<string> {
  const session = await apiJson<{ id: string }>(server, 'POST', '/sessions', { minutes: 20 });
  const path = `/sessions/${session.id}`;
  const texts = [
    ['Batch email into two slots a day', 5, 'S'],
    ['Write the figure captions before the results', 3, 'M'],
    ['Keep a running list of blocked experiments', 4, 'S'],
  ] as const;
  const ideas: string[] = [];
  for (const [text] of texts) {
    ideas.push((await apiJson<{ id: string }>(server, 'POST', `${path}/ideas`, { text })).id);
    await apiJson(server, 'POST', `${path}/next`);
  }
  await apiJson(server, 'POST', `${path}/end`);
  for (const [i, [, value, effort]] of texts.entries())
    await apiJson(server, 'PATCH', `${path}/ideas/${ideas[i]}`, { value, effort });
  await apiJson(server, 'POST', `${path}/complete`, { note: 'Email is the big one.' });
  return session.id;
}

async function seed(): Promise<Seeded> {
  await db.cli(['areas', 'add', 'Grant writing']);
  await db.cli(['areas', 'add', 'Teaching']);
  await db.cli(['areas', 'archive', 'Teaching']);

  const reportedId = await runExperiment(
    20,
    ['Keep a running list of questions for my supervisor', 'Block Friday afternoons for reading'],
    ['Pre-register the analysis plan for the next study', 'Pair-review code with the postdoc every Tuesday'],
    '\n4\n3\n5\n2\nf\n',
  );
  const cardFile = join(db.dir, 'my-card.json');
  await db.cli(['experiment', 'card', reportedId, '--out', cardFile]);

  const ideaId = await captureWithCli(db, 'Read one paper a week and write a one-page summary', [
    '--area',
    'reading',
    '--value',
    '4',
    '--effort',
    'M',
    '--context',
    'reading group prep',
  ]);
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
  const dropped = await captureWithCli(db, 'Try a second monitor', ['--area', 'environment']);
  await db.cli(['idea', 'status', dropped, 'dropped']);
  const adopted = await captureWithCli(db, 'Mute chat while coding', ['--area', 'coding', '--value', '3']);
  const toDrop = await captureWithCli(db, 'Answer email only after lunch', ['--area', 'environment']);

  const plan = (from: string, title: string, extra: string[]) =>
    db
      .cliJson<{ id: string }>([
        'plan',
        'create',
        '--from',
        from,
        '--title',
        title,
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
        '--json',
        ...extra,
      ])
      .then((p) => p.id);
  const planId = await plan(ideaId, 'Summarise one paper a week', [
    '--review-in',
    '2w',
    '--exercise',
    'reading-one-page-summary',
  ]);
  for (const [daysAgo, minutes, difficulty] of [
    [9, 30, 2],
    [6, 45, 3],
    [4, 30, 4],
    [2, 25, 3],
    [1, 30, 3],
  ] as const)
    await db.cli([
      'practice',
      String(minutes),
      '--plan',
      planId,
      '--difficulty',
      String(difficulty),
      '--note',
      'The methods section took the longest',
      '--at',
      isoAgo(daysAgo * DAY_MS),
    ]);
  const kept = await plan(adopted, 'Chat muted while coding', ['--review-in', '1d']);
  await db.cli(['practice', '30', '--plan', kept, '--at', isoAgo(3 * DAY_MS)]);
  await db.cli(['plan', 'review', kept, '--decision', 'keep', '--answer', 'signal=Two quiet mornings']);
  const droppedPlan = await plan(toDrop, 'Email after lunch', ['--review-in', '1d']);
  await db.cli(['plan', 'review', droppedPlan, '--decision', 'drop', '--note', 'Meetings got in the way']);
  // Due today, so the weekly review asks about it.
  const due = await captureWithCli(db, 'Write before opening email', ['--area', 'writing']);
  await plan(due, 'Write 30 minutes before email', ['--review', isoAgo(0).slice(0, 10)]);

  for (const [hoursAgo, reason] of [
    [2, 'Slack'],
    [26, 'Email'],
    [50, 'Slack'],
    [75, 'Meeting ran over'],
  ] as const)
    await db.cli(['interrupt', reason, '--at', isoAgo(hoursAgo * HOUR_MS)]);
  const answers = ['Mornings without chat', 'Meetings on Tuesday', 'Keep chat muted', '', ''];
  await cliAt(0, ['review', '--week', isoAgo(7 * DAY_MS).slice(0, 10)], `${answers.join('\n')}\n`);
  await db.cli(['calendar', 'feed', 'create']);

  const poolId = await db.cli(['pool', 'create', 'Lab retreat 2026']).then((r) => r.stdout.trim());
  const cards = join(db.dir, 'cards.json');
  const totals: [number[], number[]][] = [
    [
      [3, 2, 4],
      [5, 4],
    ],
    [
      [2, 2],
      [4, 4, 3],
    ],
    [
      [4, 3, 3],
      [3, 3],
    ],
    [
      [1, 3],
      [5, 5, 4],
    ],
    [
      [2, 4],
      [4, 3],
    ],
    [
      [3, 3, 2],
      [4, 5],
    ],
  ];
  writeFileSync(cards, JSON.stringify(totals.map(([p, f], i) => makeCard(`participant-${i + 1}`, p, f))));
  await db.cli(['pool', 'import', poolId, cards, cardFile]);

  // Left in blind rating, so every page carries the banner and /rate has an idea to show.
  const ratingId = await runExperiment(
    10,
    ['Stop checking email before ten', 'Draw the figure before writing the results'],
    ['Keep one page of failed approaches per project', 'Time-box literature searches to 45 minutes'],
    '\n4\nq\n',
  );

  const sessionId = await completedSession();
  return { ideaId, sessionId, deckId: 'getting-better-at-research', reportedId, ratingId, poolId, planId };
}

beforeAll(async () => {
  const launching = launchBrowser();
  space = workspace();
  db = space.newDb('whet-a11y');
  server = await db.serve();
  seeded = await seed();
  browser = await launching;
  context = await browser.newContext({
    viewport: DESKTOP,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
}, 180_000);

afterAll(async () => {
  if (findings.length > 0) {
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    console.log(
      `axe: ${findings.length} serious/critical findings: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`,
    );
  }
  await browser?.close();
  await space?.cleanup();
});

/** Opens the page and waits until its content (not a spinner) is there. */
async function openPage(spec: A11yPage): Promise<void> {
  await page.goto(new URL(spec.path(seeded).replace(/^\//, ''), server.url).href);
  await spec.ready(page).waitFor();
  await page.waitForFunction(`!document.querySelector('[aria-busy="true"]')`, undefined, {
    timeout: UI_TIMEOUT_MS,
  });
}

async function applyVariant(variant: Variant): Promise<void> {
  await page.setViewportSize(variant.viewport);
  await page.emulateMedia({ colorScheme: variant.colorScheme, reducedMotion: 'reduce' });
}

describe('axe-core, WCAG 2.1 AA', () => {
  it('checks every page of the route table that solo mode has', () => {
    // Pages with an access level exist only on a team server; test/browser/team.test.ts checks those.
    const entries = routeEntries();
    const solo = entries.filter((entry) => entry.access === undefined);
    expect(solo.length).toBeGreaterThan(15);
    expect(entries.length - solo.length, 'the team pages are told apart').toBeGreaterThan(3);
    expect(
      unopened(
        solo,
        A11Y_PAGES.map((spec) => spec.path(seeded)),
      ),
    ).toEqual([]);
  });

  it.each(A11Y_PAGES.map((spec) => [spec.name, spec] as const))(
    '%s: no serious or critical violation in light and dark, desktop and phone',
    async (_name, spec) => {
      const found: Finding[] = [];
      const variants = VARIANTS.filter((v) => !spec.widths || spec.widths.includes(v.width));
      // Opened at the first variant's width, so an `open` step sees the layout it needs.
      await spec.setup?.();
      await applyVariant(variants[0] as Variant);
      await openPage(spec);
      await spec.open?.(page);
      for (const variant of variants) {
        await applyVariant(variant);
        await spec.ready(page).waitFor();
        found.push(...(await seriousFindings(page, spec.name, variant.name)));
      }
      findings.push(...found);
      expect(found.map(describeFinding), 'serious or critical axe violations').toEqual([]);
      expect(pageErrors.splice(0), 'the page logged errors').toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Visible focus: Tab through a page and, at every stop, find the ring keyboard focus draws (on
// the control, the styled sibling of a hidden radio, or a wrapping card) and measure it.

/** What can draw a focus ring, read from one element while focused or after focus moved on. */
interface RingStyles {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  /** Background colours behind it, nearest first, down to the first opaque one. */
  behind: string[];
}

interface FocusStop {
  label: string;
  visible: boolean;
  rings: RingStyles[];
}

type Rgba = [number, number, number, number];

/** Chromium's computed colours: rgb()/rgba(), or color(srgb r g b / a) for color-mix(). */
function parseColour(css: string): Rgba {
  const rgb = css.match(/^rgba?\(([^)]+)\)$/);
  if (rgb?.[1]) {
    const [r = 0, g = 0, b = 0, a = 1] = rgb[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  }
  const srgb = css.match(/^color\(srgb ([^)]+)\)$/);
  if (srgb?.[1]) {
    const [r = 0, g = 0, b = 0, a = 1] = srgb[1]
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [r * 255, g * 255, b * 255, a];
  }
  throw new Error(`unreadable colour: ${css}`);
}

/** `top` painted over the stack of backgrounds (nearest first). */
function composite(top: string, behind: readonly string[]): [number, number, number] {
  let base: [number, number, number] = [255, 255, 255];
  for (const layer of [...behind].reverse().map(parseColour)) base = over(layer, base);
  return over(parseColour(top), base);
}

function over([r, g, b, a]: Rgba, [br, bg, bb]: [number, number, number]): [number, number, number] {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r = 0, g = 0, bl = 0] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Solid rings (no blur, spread of 2px or more) in a computed box-shadow. */
function shadowRings(boxShadow: string): string[] {
  if (boxShadow === 'none') return [];
  // "rgb(1, 2, 3) 0px 0px 0px 3px, …": split at commas outside parentheses.
  return boxShadow
    .split(/,(?![^(]*\))/)
    .map((part) => part.trim().match(/^(.*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px/))
    .filter((m): m is RegExpMatchArray => !!m && Number(m[4]) === 0 && Number(m[5]) >= 2)
    .map((m) => m[1] ?? '');
}

/**
 * The best contrast of a ring drawn only while focused (compared with the same element once
 * focus moved on), against what is behind it; 0 when there is none.
 */
function focusRingContrast(focused: RingStyles, after: RingStyles | undefined): number {
  const background = composite('rgba(0, 0, 0, 0)', focused.behind);
  const colours: string[] = [];
  const outlined = (s: RingStyles) => s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
  if (outlined(focused) && !(after && outlined(after) && after.outlineColor === focused.outlineColor))
    colours.push(focused.outlineColor);
  if (!after || after.boxShadow !== focused.boxShadow) {
    const before = new Set(after ? shadowRings(after.boxShadow) : []);
    colours.push(...shadowRings(focused.boxShadow).filter((c) => !before.has(c)));
  }
  return Math.max(0, ...colours.map((c) => contrast(composite(c, focused.behind), background)));
}

/** Reads the ring candidates of the element marked `data-focus-probe=<mark>`. */
function readStop(page: Page, mark: number, label: boolean): Promise<FocusStop> {
  return page.locator(`[data-focus-probe="${mark}"]`).evaluate((el, withLabel) => {
    const win = el.ownerDocument.defaultView;
    const behind = (node: typeof el) => {
      const layers: string[] = [];
      for (let n = node; n; n = n.parentElement) {
        const colour = win.getComputedStyle(n).backgroundColor;
        if (colour === 'rgba(0, 0, 0, 0)') continue;
        layers.push(colour);
        if (/^rgb\(/.test(colour)) break;
      }
      return layers;
    };
    const ring = (node: typeof el) => {
      const style = win.getComputedStyle(node);
      return {
        outlineStyle: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
        behind: behind(node.parentElement),
      };
    };
    // The control, the visible sibling a hidden radio or checkbox styles, and up to three wrappers.
    const nodes = [el];
    if (el.tagName === 'INPUT' && el.nextElementSibling) nodes.push(el.nextElementSibling);
    for (let n = el.parentElement, i = 0; n && i < 3; n = n.parentElement, i++) nodes.push(n);
    const name =
      el.getAttribute('aria-label') || el.textContent?.trim() || el.getAttribute('name') || el.id || '';
    const box = el.getBoundingClientRect();
    return {
      label: withLabel ? `${el.tagName.toLowerCase()} "${name.replace(/\s+/g, ' ').slice(0, 40)}"` : '',
      visible: box.width > 0 && box.height > 0,
      rings: nodes.filter(Boolean).map(ring),
    };
  }, label);
}

/**
 * Tabs through the page up to `maxStops` times and returns, per stop, the control and its
 * ring's contrast (0: no ring drawn by focus).
 */
async function tabThrough(page: Page, maxStops: number): Promise<{ label: string; contrast: number }[]> {
  const stops: { label: string; contrast: number }[] = [];
  let previous: FocusStop | undefined;
  for (let mark = 0; mark < maxStops; mark++) {
    await page.keyboard.press('Tab');
    // Rings may fade in: wait for running transitions (not endless animations) to end.
    await page.evaluate(
      `Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished))`,
    );
    const isControl = await page.evaluate(
      `(() => { const el = document.activeElement; if (!el || el === document.body) return false;
        el.setAttribute('data-focus-probe', '${mark}'); return true; })()`,
    );
    if (previous && mark > 0) {
      const after = await readStop(page, mark - 1, false).catch(() => undefined);
      const best = Math.max(0, ...previous.rings.map((ring, i) => focusRingContrast(ring, after?.rings[i])));
      stops.push({ label: previous.label, contrast: best });
    }
    if (!isControl) break;
    previous = await readStop(page, mark, true);
    if (!previous.visible) previous = undefined;
  }
  return stops;
}

const FOCUS_WALKS: readonly { page: string; variant: Variant; stops: number }[] = [
  { page: 'inbox', variant: VARIANTS[0] as Variant, stops: 32 },
  { page: 'inbox', variant: VARIANTS[3] as Variant, stops: 12 },
  { page: 'session start', variant: VARIANTS[1] as Variant, stops: 30 },
  { page: 'idea', variant: VARIANTS[0] as Variant, stops: 36 },
  { page: 'weekly review', variant: VARIANTS[1] as Variant, stops: 36 },
  { page: 'experiment start form', variant: VARIANTS[0] as Variant, stops: 34 },
];

describe('visible keyboard focus', () => {
  it.each(FOCUS_WALKS.map((walk) => [walk.page, walk.variant.name, walk] as const))(
    '%s [%s]: every control Tab reaches shows a focus ring at 3:1 or more',
    async (_page, _variant, walk) => {
      const spec = A11Y_PAGES.find((p) => p.name === walk.page);
      if (!spec) throw new Error(`no page ${walk.page}`);
      await spec.setup?.();
      await applyVariant(walk.variant);
      await openPage(spec);
      const stops = await tabThrough(page, walk.stops);
      // Enough controls to mean something: the walk did not stop at the first one.
      expect(stops.length).toBeGreaterThanOrEqual(Math.min(10, walk.stops - 1));
      const weak = stops.filter((s) => s.contrast < 3).map((s) => `${s.label}: ${s.contrast.toFixed(2)}:1`);
      expect(weak, 'controls without a focus ring at 3:1').toEqual([]);
      expect(pageErrors.splice(0), 'the page logged errors').toEqual([]);
    },
  );
});

describe('charts keep their text alternatives', () => {
  it.each(['dashboard', 'experiment report', 'pool'])(
    '%s: every drawing is an image named by its summary, beside a table of its numbers',
    async (name) => {
      const spec = A11Y_PAGES.find((p) => p.name === name);
      if (!spec) throw new Error(`no page ${name}`);
      await applyVariant(VARIANTS[0] as Variant);
      await openPage(spec);
      // The charts are a lazy chunk: wait for a drawing.
      await page.locator('figure svg.recharts-surface').first().waitFor();
      const charts =
        (await page.evaluate(`[...document.querySelectorAll('figure svg.recharts-surface')].map((svg) => {
        const image = svg.closest('[role="img"]');
        const figure = svg.closest('figure');
        return {
          name: image?.getAttribute('aria-label') ?? '',
          rows: figure ? figure.querySelectorAll('table tbody tr').length : 0,
        };
      })`)) as { name: string; rows: number }[];
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.name.length, 'the drawing has a summary for its name').toBeGreaterThan(10);
        expect(chart.rows, `the table beside "${chart.name}"`).toBeGreaterThan(0);
      }
    },
  );
});
