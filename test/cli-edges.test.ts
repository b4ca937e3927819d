/**
 * Rough edges of the `whet` CLI a new user hits (issue 10, item 7): import of CSV and Markdown,
 * the one-off calendar export, id prefixes, short flags, relative dates, confirmations. Every test
 * spawns the real built `node bin/whet.cjs` against a database in a temp folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Idea } from '../src/core/ideas.js';
import { cliEnv, describeRun, runWhet } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let root: string;
let dbCount = 0;

beforeAll(() => {
  assertCliBuilt();
  root = dirs.make('whet-cli-edges');
});

afterAll(() => dirs.cleanup());

/** A new, empty database file for one test. */
function freshDb(): string {
  dbCount++;
  return join(root, `edges-${dbCount}.db`);
}

function envFor(db: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: join(root, 'home'), WHETSTONE_DB: db, ...extra });
}

async function whet(db: string, args: readonly string[], stdin?: string) {
  const result = await runWhet(args, { env: envFor(db), ...(stdin === undefined ? {} : { stdin }) });
  expect(result.timedOut, `timed out:\n${describeRun(args, result)}`).toBe(false);
  return result;
}

async function ok(db: string, args: readonly string[]): Promise<string> {
  const result = await whet(db, args);
  expect(result.code, describeRun(args, result)).toBe(0);
  return result.stdout;
}

/** Runs `args`, expects exit 1 and one line on stderr; returns that line. */
async function fails(db: string, args: readonly string[]): Promise<string> {
  const result = await whet(db, args);
  expect(result.code, describeRun(args, result)).toBe(1);
  expect(result.stderr, describeRun(args, result)).toMatch(/^whet: [^\n]+\n$/);
  return result.stderr;
}

const ideasOf = async (db: string) => JSON.parse(await ok(db, ['ideas', '--all', '--json'])) as Idea[];

function writeFile(name: string, body: string): string {
  const path = join(root, name);
  writeFileSync(path, body);
  return path;
}

describe('whet import of CSV and Markdown', () => {
  it('the CSV export imports into a fresh database as the same ideas; a second import creates none', async () => {
    const source = freshDb();
    await ok(source, [
      'idea',
      'Block two mornings, "deep work"',
      '--area',
      'writing',
      '--value',
      '4',
      '-e',
      'M',
    ]);
    await ok(source, [
      'idea',
      '=not a formula\nsecond line',
      '--context',
      'ICML draft',
      '-s',
      'conversation',
    ]);
    const csv = join(root, 'export.csv');
    await ok(source, ['export', '--format', 'csv', '--out', csv]);

    const target = freshDb();
    const dry = await ok(target, ['import', csv, '--dry-run']);
    expect(dry).toMatch(/^dry run: would import 2 ideas from .*export\.csv; nothing was written\n/);
    expect(dry).toContain('row 2');
    expect(await ideasOf(target)).toEqual([]);

    expect(await ok(target, ['import', csv])).toMatch(/^imported 2 ideas from .*export\.csv\n$/);
    const strip = (ideas: Idea[]) =>
      ideas.map(({ statusChangedAt: _s, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(await ideasOf(target))).toEqual(strip(await ideasOf(source)));
    expect(await ok(target, ['import', csv])).toMatch(/imported 0 ideas .*\(2 ideas already there\)/);
    expect(await ideasOf(target)).toHaveLength(2);
  });

  it('a Markdown list: -, * and 1. items, #area tags, a heading naming an area', async () => {
    const db = freshDb();
    const md = writeFile(
      'ideas.md',
      '# My notes\n\n- Summarise a paper a week #reading\n* #coding Write the test first\n\n## Writing\n\n1. Outline before drafting\n2. Read it aloud\n',
    );
    const dry = await ok(db, ['import', md, '--dry-run']);
    expect(dry.split('\n').slice(0, 5)).toEqual([
      expect.stringMatching(/^dry run: would import 4 ideas from .*ideas\.md; nothing was written$/),
      '  line 3    Summarise a paper a week [reading]',
      '  line 4    Write the test first [coding]',
      '  line 8    Outline before drafting [writing]',
      '  line 9    Read it aloud [writing]',
    ]);
    expect(await ideasOf(db)).toEqual([]);
    expect(await ok(db, ['import', md])).toMatch(/^imported 4 ideas from /);
    const ideas = await ideasOf(db);
    expect(ideas.map((i) => [i.text, i.areaId, i.source]).sort()).toEqual(
      [
        ['Outline before drafting', 'writing', 'imported'],
        ['Read it aloud', 'writing', 'imported'],
        ['Summarise a paper a week', 'reading', 'imported'],
        ['Write the test first', 'coding', 'imported'],
      ].sort(),
    );
  });

  it('a bad row: exit 1, one line naming the row and the field, nothing written', async () => {
    const db = freshDb();
    const csv = writeFile(
      'bad.csv',
      'text,area,value\r\nfine,writing,3\r\nalso fine,,\r\nnot fine,writing,9\r\n',
    );
    expect(await fails(db, ['import', csv])).toBe('whet: row 4: value: must be a whole number from 1 to 5\n');
    const md = writeFile('bad.md', '- fine\n- filed nowhere #no-such-area\n');
    expect(await fails(db, ['import', md])).toMatch(/^whet: line 2: area: no area called "no-such-area"/);
    expect(await ideasOf(db)).toEqual([]);
  });

  it('a JSON backup still imports as before, and --dry-run writes nothing', async () => {
    const source = freshDb();
    await ok(source, ['idea', 'backed up']);
    const backup = join(root, 'backup.json');
    await ok(source, ['export', '--out', backup]);
    const target = freshDb();
    expect(await ok(target, ['import', backup, '--dry-run'])).toContain('ideas: 1 would be created');
    expect(await ideasOf(target)).toEqual([]);
    expect(await ok(target, ['import', backup])).toContain('ideas: 1 created, 0 updated, 0 unchanged');
    expect(readFileSync(backup, 'utf8')).toContain('backed up');
  });
});

describe('whet calendar export', () => {
  it("carries each plan's blocks up to its review date, while the feed keeps its rolling window", async () => {
    const db = freshDb();
    await ok(db, ['settings', '--time-zone', 'Europe/Berlin']);
    const idea = (await ok(db, ['idea', 'Read one paper a week'])).trim();
    await ok(db, [
      'plan',
      'create',
      '--from',
      idea,
      '--title',
      'Morning reading',
      '--kind',
      'practice',
      '--sub-skill',
      'reading',
      '--cadence',
      'daily 30 at 07:30',
      '--next',
      'Pick the paper',
      '--signal',
      'A summary in an hour',
      '--review-in',
      '2w',
    ]);
    const out = join(root, 'whetstone.ics');
    const said = await ok(db, ['calendar', 'export', '--out', out]);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const review = events.find((e) => e.summary.startsWith('Review plan'));
    expect(review, 'the review date is in the export').toBeDefined();
    const reviewDay = review!.startDate.toString().slice(0, 10);
    const blocks = events.filter((e) => e.summary === 'Practice: Morning reading');
    // Today (or tomorrow, once 07:30 has passed in Berlin: the cadence starts on the plan's day) to the review day.
    expect(blocks.length).toBeGreaterThanOrEqual(14);
    expect(blocks.length).toBeLessThanOrEqual(15);
    const last = blocks
      .map((e) => e.startDate.toJSDate().toISOString())
      .sort()
      .at(-1)!;
    expect(new Date(last).getTime()).toBeLessThan(Date.parse(`${reviewDay}T23:59:59Z`));
    for (const event of events)
      expect(event.startDate.toString().slice(0, 10) <= reviewDay, event.summary).toBe(true);
    expect(said).toBe(`wrote ${out}: ${events.length} events; import it into your calendar app\n`);

    // A subscription link is still made; its rolling window is checked in test/plans.test.ts.
    const feed = JSON.parse(await ok(db, ['calendar', 'feed', 'create', '--json'])) as { path: string };
    expect(feed.path).toMatch(/^\/feeds\/.+\.ics$/);
  });
});

describe('unique id prefixes for sessions, pools and experiments', () => {
  it('session show, pool report and experiment status take a unique prefix; an unknown one is not found', async () => {
    const db = freshDb();
    const session = await whet(db, ['session', '--minutes', '5'], 'an idea\n/end\n');
    expect(session.code).toBe(0);
    const sessionId = (JSON.parse(await ok(db, ['sessions', '--json'])) as { id: string }[])[0]!.id;
    const shown = JSON.parse(
      await ok(db, ['session', 'show', sessionId.slice(0, 5).toUpperCase(), '--json']),
    );
    expect(shown.id).toBe(sessionId);

    const poolId = (await ok(db, ['pool', 'create', 'Spring cohort'])).trim();
    expect(await ok(db, ['pool', 'report', poolId.slice(0, 4), '--json'])).toContain('Spring cohort');

    await ok(db, ['experiment', 'start', '--predict', 'The week wins', '--favour', 'passive']);
    const experimentId = (JSON.parse(await ok(db, ['experiment', 'list', '--json'])) as { id: string }[])[0]!
      .id;
    const status = JSON.parse(await ok(db, ['experiment', 'status', experimentId.slice(0, 6), '--json']));
    expect(status.id).toBe(experimentId);

    // A prefix that starts no id, for each kind (the alphabet has no "u", so "uuuu" starts none).
    expect(await fails(db, ['session', 'show', 'uuuu'])).toBe(
      'whet: session uuuu not found (see: whet sessions)\n',
    );
    expect(await fails(db, ['pool', 'report', 'uuuu'])).toBe(
      'whet: pool uuuu not found (see: whet pool list)\n',
    );
    expect(await fails(db, ['experiment', 'status', 'uuuu'])).toBe(
      'whet: experiment uuuu not found (see: whet experiment list)\n',
    );
    expect(await fails(db, ['session', 'show', 'ab'])).toBe(
      'whet: id: must be a session id or at least its first 4 characters\n',
    );
  });
});

describe('short flags and --help', () => {
  /** Every command that takes options, as `whet … --help` lists them. */
  const COMMANDS = [
    ['idea'],
    ['idea', 'edit'],
    ['idea', 'rate'],
    ['ideas'],
    ['session'],
    ['sessions'],
    ['practice'],
    ['practice', 'list'],
    ['interrupt'],
    ['measure'],
    ['plan', 'create'],
    ['plan', 'review'],
    ['exercises', 'add'],
    ['export'],
    ['import'],
    ['calendar', 'export'],
    ['decks', 'export'],
  ];

  it('practice has the short flags idea has, and a long flag has the same short one in every command', async () => {
    const db = freshDb();
    const shortOf = new Map<string, Set<string>>();
    const helps = new Map<string, string>();
    for (const command of COMMANDS) {
      const help = await ok(db, [...command, '--help']);
      helps.set(command.join(' '), help);
      for (const line of help.split('\n')) {
        const option = /^\s+(?:(-[a-zA-Z]), )?(--[a-z-]+)/.exec(line);
        if (!option || option[2] === '--help' || option[2] === '--db') continue;
        const shorts = shortOf.get(option[2]!) ?? new Set<string>();
        shorts.add(option[1] ?? '(none)');
        shortOf.set(option[2]!, shorts);
      }
    }
    const inconsistent = [...shortOf].filter(([, shorts]) => shorts.size > 1).map(([long]) => long);
    expect(inconsistent).toEqual([]);
    const practice = helps.get('practice')!;
    for (const flag of ['-p, --plan', '-d, --difficulty', '-n, --note', '-x, --exercise'])
      expect(practice).toContain(flag);
    expect(helps.get('interrupt')).toContain('-m, --minutes');
  });

  it('--help names the default database exactly as the README does', async () => {
    const help = (await ok(freshDb(), ['--help'])).replace(/\s+/g, ' ');
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')
      .replace(/`/g, '')
      .replace(/\s+/g, ' ');
    const defaultPath = '$XDG_DATA_HOME/whetstone/whetstone.db (~/.local/share/whetstone/whetstone.db)';
    expect(help).toContain(defaultPath);
    expect(readme).toContain(defaultPath);
    // Every mention of the default path in the README is this one.
    expect(readme.split('~/.local/share/whetstone/whetstone.db').length - 1).toBe(
      readme.split(defaultPath).length - 1,
    );
  });
});

describe('relative dates wherever a date is read', () => {
  it('--review 2w, --at yesterday / 2h, --week 1w; a bad one is one line naming the flag', async () => {
    const db = freshDb();
    const idea = (await ok(db, ['idea', 'Write every morning'])).trim();
    const base = ['plan', 'create', '--from', idea, '--title', 'Morning pages', '--kind', 'process'];
    const rest = ['--next', 'Open the file', '--signal', 'A page a day'];
    const plan = JSON.parse(await ok(db, [...base, ...rest, '--review', '2w', '--json'])) as {
      id: string;
      reviewOn: string;
    };
    const today = new Date().toISOString().slice(0, 10);
    const days = (Date.parse(plan.reviewOn) - Date.parse(today)) / 86_400_000;
    expect(Math.abs(days - 14)).toBeLessThanOrEqual(1);
    expect(await fails(db, [...base, ...rest, '--review', 'someday'])).toMatch(
      /^whet: --review: "someday" is not a date/,
    );

    const log = JSON.parse(
      await ok(db, ['practice', '20', '-p', plan.id.slice(0, 4), '--at', '2h', '--json']),
    );
    expect(Math.abs(Date.now() - 2 * 3_600_000 - Date.parse(log.at))).toBeLessThan(60_000);
    const y = JSON.parse(await ok(db, ['interrupt', 'slack', '--at', 'yesterday', '--json']));
    expect(Math.abs(Date.now() - 86_400_000 - Date.parse(y.at))).toBeLessThan(2 * 3_600_000);
    expect(await fails(db, ['measure', 'interruptions', '3', '--at', 'earlier'])).toMatch(
      /^whet: --at: "earlier" is not a time/,
    );

    const week = JSON.parse(await ok(db, ['review', '--week', '1w', '--json'])) as { weekOf: string };
    expect(week.weekOf < today).toBe(true);
    expect(await fails(db, ['review', '--week', 'soon'])).toMatch(/^whet: --week: "soon" is not a date/);
  });
});

describe('confirmations and plurals', () => {
  it('a command that changes something says so in a line; counts read "1 question", "1 idea"', async () => {
    const db = freshDb();
    expect(await ok(db, ['settings', '--time-zone', 'Europe/Berlin'])).toMatch(
      /^Saved: time zone Europe\/Berlin\.\n/,
    );
    const deck = writeFile(
      'one.yaml',
      'id: one-question\nname: One\nquestions:\n  - id: slowed\n    text: What slowed you down today?\n    stage: opening\n    areas: [writing]\n',
    );
    expect(await ok(db, ['decks', 'import', deck])).toBe('imported deck one-question ("One", 1 question)\n');
    expect((await whet(db, ['session', '--minutes', '5'], 'an idea\n/end\n')).code).toBe(0);
    const [session] = JSON.parse(await ok(db, ['sessions', '--json'])) as { id: string }[];
    expect(await ok(db, ['session', 'show', session!.id])).toMatch(/: 1 idea, /);
  });
});
