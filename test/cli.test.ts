/**
 * The `whet` CLI end to end: every test spawns the real built `node bin/whet.cjs` against a
 * database in a temp folder (XDG_DATA_HOME and HOME point into it too, so nothing touches the
 * real home folder). Nothing is mocked.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area } from '../src/core/areas.js';
import type { Backup, BackupData } from '../src/core/backup.js';
import type { Idea } from '../src/core/ideas.js';
import { cliEnv, describeRun, type RunResult, runWhet } from './support/cli.js';
import { call } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import { startWhetServer } from './support/server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let root: string;
/** The suite's main database (WHETSTONE_DB). */
let mainDb: string;

beforeAll(() => {
  assertCliBuilt();
  root = dirs.make('whet-cli');
  mainDb = join(root, 'main.db');
});

afterAll(() => dirs.cleanup());

// ---------------------------------------------------------------------------------------------
// Helpers

/** Environment with XDG_DATA_HOME and HOME in the temp folder and WHETSTONE_DB = `db` (if given). */
function envFor(db: string | undefined, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: join(root, 'home'), WHETSTONE_DB: db, ...extra });
}

async function whet(args: readonly string[], db: string | undefined = mainDb, timeoutMs?: number) {
  const result = await runWhet(args, { env: envFor(db), ...(timeoutMs ? { timeoutMs } : {}) });
  expect(result.timedOut, `timed out:\n${describeRun(args, result)}`).toBe(false);
  return result;
}

/** Runs `args`, expects exit 0, returns stdout. */
async function ok(args: readonly string[], db: string | undefined = mainDb): Promise<string> {
  const result = await whet(args, db);
  expect(result.code, describeRun(args, result)).toBe(0);
  return result.stdout;
}

async function okJson<T>(args: readonly string[], db: string | undefined = mainDb): Promise<T> {
  return JSON.parse(await ok(args, db)) as T;
}

/** Captures an idea and returns its id (the only thing `whet idea` prints). */
async function captureId(args: readonly string[], db: string | undefined = mainDb): Promise<string> {
  const stdout = await ok(['idea', ...args], db);
  expect(stdout).toMatch(/^[0-9a-z]{10}\n$/);
  return stdout.trim();
}

/** Expects exit 1 with exactly one stderr line "whet: ..." that contains each of `mentions`. */
function expectUserError(args: readonly string[], result: RunResult, ...mentions: string[]): string {
  const why = describeRun(args, result);
  expect(result.code, why).toBe(1);
  expect(result.stderr, why).toMatch(/^whet: [^\n]+\n$/);
  for (const mention of mentions) expect(result.stderr, why).toContain(mention);
  return result.stderr;
}

async function exportData(db: string): Promise<BackupData> {
  return (await okJson<Backup>(['export', '--format', 'json'], db)).data;
}

/** One idea as `whet ideas --all --json` lists it (independent of `idea show`). */
async function findIdea(id: string, db: string = mainDb): Promise<Idea | undefined> {
  return (await okJson<Idea[]>(['ideas', '--all', '--json'], db)).find((i) => i.id === id);
}

/** The shortest prefix (at least 5 characters) of `id` that no other idea in `db` shares. */
async function uniquePrefix(id: string, db: string = mainDb): Promise<string> {
  const others = (await okJson<Idea[]>(['ideas', '--all', '--json'], db))
    .map((i) => i.id)
    .filter((x) => x !== id);
  for (let n = 5; n < id.length; n++) {
    const prefix = id.slice(0, n);
    if (!others.some((other) => other.startsWith(prefix))) return prefix;
  }
  return id;
}

// ---------------------------------------------------------------------------------------------

describe('capture', () => {
  it('`whet idea "..." --area <name>` prints only the id and files it under the area', async () => {
    const args = ['idea', 'Block two mornings a week for deep work', '--area', 'work environment & focus'];
    const result = await whet(args);
    expect(result.code, describeRun(args, result)).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-z]{10}\n$/);
    expect(result.stderr).toBe('');
    const id = result.stdout.trim();

    const ideas = await okJson<Idea[]>(['ideas', '--json']);
    expect(ideas.find((i) => i.id === id)).toMatchObject({
      id,
      text: 'Block two mornings a week for deep work',
      areaId: 'environment',
      source: 'noticed',
      status: 'new',
      value: null,
    });
  });

  it('takes every flag and joins unquoted words into the text', async () => {
    const args = ['Read', 'the', 'paper', 'twice', '-v', '4', '-e', 'm', '-c', 'lit review', '-s', 'session'];
    const idea = await okJson<Idea>(['idea', ...args, '--json']);
    expect(idea).toMatchObject({
      text: 'Read the paper twice',
      value: 4,
      effort: 'M',
      context: 'lit review',
      source: 'session',
      areaId: null,
    });
    // On a database that does not exist yet the fast capture path steps aside and the full CLI
    // (commander + Kysely) captures; the result must be the same.
    const fresh = join(dirs.make('whet-first-run'), 'w.db');
    const full = await okJson<Idea>(['--db', fresh, 'idea', ...args, '--json'], undefined);
    expect({ ...full, id: idea.id, createdAt: '', updatedAt: '', statusChangedAt: '' }).toEqual({
      ...idea,
      createdAt: '',
      updatedAt: '',
      statusChangedAt: '',
    });
  });

  it('--db wins over WHETSTONE_DB, before or after the command', async () => {
    const other = join(root, 'other.db');
    const a = (await ok(['--db', other, 'idea', 'Other db, flag first'])).trim();
    const b = (await ok(['idea', 'Other db, flag last', '--db', other])).trim();
    const inOther = (await okJson<Idea[]>(['ideas', '--json', '--db', other])).map((i) => i.id);
    expect(inOther.sort()).toEqual([a, b].sort());
    const inMain = (await okJson<Idea[]>(['ideas', '--all', '--json'])).map((i) => i.id);
    expect(inMain).not.toContain(a);
    expect(inMain).not.toContain(b);
  });

  it('without --db or WHETSTONE_DB the database is $XDG_DATA_HOME/whetstone/whetstone.db', async () => {
    const xdg = dirs.make('whet-xdg');
    const env = cliEnv({ XDG_DATA_HOME: xdg, HOME: join(root, 'home') });
    const expected = join(xdg, 'whetstone', 'whetstone.db');
    expect(existsSync(expected)).toBe(false);
    const capture = await runWhet(['idea', 'Where does this go?'], { env });
    expect(capture.code, describeRun(['idea'], capture)).toBe(0);
    expect(existsSync(expected)).toBe(true);
    const list = await runWhet(['ideas', '--json'], { env });
    expect((JSON.parse(list.stdout) as Idea[]).map((i) => i.id)).toEqual([capture.stdout.trim()]);
    // ... and it is the same file as an explicit --db to that path.
    const explicit = await runWhet(['ideas', '--json', '--db', expected], { env });
    expect(JSON.parse(explicit.stdout)).toEqual(JSON.parse(list.stdout));
  });
});

describe('ideas: filters and search', () => {
  let db: string;
  let reading: Idea;
  let writing: Idea;
  let coding: Idea;

  beforeAll(async () => {
    db = join(root, 'filters.db');
    reading = await okJson<Idea>(
      ['idea', 'Read one classic paper a week', '--area', 'reading', '--source', 'review', '--json'],
      db,
    );
    writing = await okJson<Idea>(
      ['idea', 'Write 300 words before email', '--area', 'Writing', '--source', 'session', '--json'],
      db,
    );
    coding = await okJson<Idea>(['idea', 'Pair-program the data loader', '--area', 'coding', '--json'], db);
    await ok(['idea', 'status', coding.id, 'planned'], db);
  });

  const ids = async (args: readonly string[]) =>
    (await okJson<Idea[]>(['ideas', '--json', ...args], db)).map((i) => i.id);

  it('lists newest first', async () => {
    const all = await okJson<Idea[]>(['ideas', '--json'], db);
    expect(all.map((i) => i.id).sort()).toEqual([reading.id, writing.id, coding.id].sort());
    for (let n = 1; n < all.length; n++) {
      expect((all[n - 1] as Idea).createdAt >= (all[n] as Idea).createdAt).toBe(true);
    }
  });

  it('--area by id or by name', async () => {
    expect(await ids(['--area', 'reading'])).toEqual([reading.id]);
    expect(await ids(['--area', 'READING PAPERS'])).toEqual([reading.id]);
    expect(await ids(['-a', 'environment'])).toEqual([]);
    expectUserError(['ideas', '--area', 'nowhere'], await whet(['ideas', '--area', 'nowhere'], db), 'area');
  });

  it('--status, --source, --search', async () => {
    expect(await ids(['--status', 'planned'])).toEqual([coding.id]);
    expect(await ids(['--status', 'new'])).toEqual(expect.arrayContaining([reading.id, writing.id]));
    expect(await ids(['--source', 'session'])).toEqual([writing.id]);
    expect(await ids(['--source', 'review'])).toEqual([reading.id]);
    expect(await ids(['--search', 'classic paper'])).toEqual([reading.id]);
    expect(await ids(['-q', 'words email'])).toEqual([writing.id]);
    expect(await ids(['--search', 'classic email'])).toEqual([]);
  });

  it('--since a date or an instant (inclusive)', async () => {
    expect((await ids(['--since', '2000-01-01'])).length).toBe(3);
    expect(await ids(['--since', '2999-01-01'])).toEqual([]);
    const expected = [reading, writing, coding]
      .filter((i) => i.createdAt >= writing.createdAt)
      .map((i) => i.id);
    expect((await ids(['--since', writing.createdAt])).sort()).toEqual(expected.sort());
    expectUserError(['ideas', '--since', 'soon'], await whet(['ideas', '--since', 'soon'], db), 'since');
  });

  it('--since a day relative to today: today, yesterday, 3d, 1w', async () => {
    for (const since of ['today', 'yesterday', '3d', '1w'])
      expect((await ids(['--since', since])).length).toBe(3);
    const refused = await whet(['ideas', '--since', 'last month'], db);
    expectUserError(['ideas', '--since', 'last month'], refused, '--since', 'today, yesterday');
  });

  it('prints a table without --json', async () => {
    const table = await ok(['ideas'], db);
    expect(table).toContain(reading.id);
    expect(table).toContain('Read one classic paper a week');
    expect(await ok(['ideas', '--since', '2999-01-01'], db)).toBe('No ideas match.\n');
  });

  it('rejects an unknown --status or --source as a usage error (exit 2)', async () => {
    expect((await whet(['ideas', '--status', 'finished'], db)).code).toBe(2);
    expect((await whet(['ideas', '--source', 'dream'], db)).code).toBe(2);
  });
});

describe('one idea by a unique id prefix: show, edit, status, rate, delete', () => {
  let id: string;
  let prefix: string;

  beforeAll(async () => {
    id = await captureId(['Use a reference manager', '--area', 'reading']);
    prefix = await uniquePrefix(id);
    expect(prefix.length).toBeLessThan(id.length);
  });

  it('show', async () => {
    const text = await ok(['idea', 'show', prefix]);
    expect(text).toContain('Use a reference manager');
    expect(text).toMatch(/status\s+new/);
    expect(text).toContain('Reading papers');
  });

  // Options after a subcommand belong to the subcommand (`idea show ID --json`).
  it('show --json', async () => {
    const json = await okJson<Idea>(['idea', 'show', prefix, '--json']);
    expect(json).toMatchObject({ id, text: 'Use a reference manager', areaId: 'reading' });
  });

  it('edit --text', async () => {
    const out = await ok(['idea', 'edit', prefix, '--text', 'Use a reference manager for every paper']);
    expect(out).toMatch(new RegExp(`^Saved ${id}\\.\n\nUse a reference manager for every paper\n`));
    // Times in the person's zone, as every other command prints them; ISO only with --json.
    expect(out).toMatch(/captured +\d{4}-\d\d-\d\d \d\d:\d\d\n/);
    expect((await findIdea(id))?.text).toBe('Use a reference manager for every paper');
  });

  // Regression: edit options once went to the parent `idea` command and were dropped.
  it('edit --area --value --effort --context, then clear with "none"', async () => {
    await ok([
      'idea',
      'edit',
      prefix,
      '--text',
      'Use Zotero for every paper',
      '--area',
      'Writing',
      '--value',
      '4',
      '--effort',
      'l',
      '--context',
      'thesis chapter 2',
    ]);
    expect(await findIdea(id)).toMatchObject({
      id,
      text: 'Use Zotero for every paper',
      areaId: 'writing',
      value: 4,
      effort: 'L',
      context: 'thesis chapter 2',
    });
    await ok(['idea', 'edit', prefix, '--context', 'none', '--area', 'none']);
    expect(await findIdea(id)).toMatchObject({ context: null, areaId: null, value: 4 });
  });

  it('status', async () => {
    expect(await ok(['idea', 'status', prefix, 'planned'])).toBe(`${id} is now planned\n`);
    expect(await ok(['idea', 'status', prefix, 'TRYING'])).toBe(`${id} is now trying\n`);
    expect((await findIdea(id))?.status).toBe('trying');
  });

  it('rate', async () => {
    expect(await ok(['idea', 'rate', prefix, '2'])).toMatch(
      new RegExp(`^${id} rated 2/5(, effort [SML])?\n$`),
    );
    expect((await findIdea(id))?.value).toBe(2);
  });

  // Regression: `rate --effort` once left effort unchanged.
  it('rate --effort', async () => {
    expect(await ok(['idea', 'rate', prefix, '3', '--effort', 'S'])).toBe(`${id} rated 3/5, effort S\n`);
    expect(await findIdea(id)).toMatchObject({ value: 3, effort: 'S' });
  });

  // Regression: with --db first, the fast path once captured "show ID" as an idea.
  it('subcommands work with the global --db before the command', async () => {
    const before = (await exportData(mainDb)).ideas.length;
    const show = await ok(['--db', mainDb, 'idea', 'show', prefix], undefined);
    expect(show).toContain('Use Zotero for every paper');
    const status = await ok(['--db', mainDb, 'idea', 'status', prefix, 'adopted'], undefined);
    expect(status).toBe(`${id} is now adopted\n`);
    expect((await exportData(mainDb)).ideas.length).toBe(before);
    expect((await findIdea(id))?.status).toBe('adopted');
  });

  it('delete', async () => {
    expect(await ok(['idea', 'delete', prefix])).toBe(`deleted ${id}\n`);
    expect(await findIdea(id)).toBeUndefined();
    const args = ['idea', 'show', id];
    expectUserError(args, await whet(args), id);
  });

  it('refuses a prefix shorter than 4 characters, naming id', async () => {
    const args = ['idea', 'show', 'ab'];
    expectUserError(args, await whet(args), 'id');
  });
});

describe('areas', () => {
  const areas = async (...flags: string[]) => okJson<Area[]>(['areas', '--json', ...flags]);

  it('lists the default areas', async () => {
    const table = await ok(['areas']);
    expect(table).toMatch(/environment\s+Work environment & focus/);
    const list = await areas();
    expect(list.filter((a) => a.isDefault)).toHaveLength(10);
  });

  it('add, rename, archive, restore, delete', async () => {
    expect(await ok(['areas', 'add', 'Grant writing', '-d', 'proposals and reports'])).toBe(
      'grant-writing\n',
    );
    expect((await areas()).find((a) => a.id === 'grant-writing')).toMatchObject({
      name: 'Grant writing',
      description: 'proposals and reports',
      isDefault: false,
    });

    const dup = ['areas', 'add', 'GRANT writing'];
    expectUserError(dup, await whet(dup), 'name');

    expect(await ok(['areas', 'rename', 'grant writing', 'Grant proposals'])).toContain('"Grant proposals"');
    expect((await areas()).find((a) => a.id === 'grant-writing')?.name).toBe('Grant proposals');

    expect(await ok(['areas', 'archive', 'grant-writing'])).toBe('Grant proposals archived\n');
    expect((await areas()).map((a) => a.id)).not.toContain('grant-writing');
    expect((await areas('--all')).find((a) => a.id === 'grant-writing')?.archivedAt).toEqual(
      expect.any(String),
    );
    const filing = ['idea', 'Apply for the fellowship', '--area', 'grant-writing'];
    expectUserError(filing, await whet(filing), 'area', 'archived');

    expect(await ok(['areas', 'restore', 'Grant proposals'])).toBe('Grant proposals restored\n');
    await captureId(['Apply for the fellowship', '--area', 'grant proposals']);

    const inUse = ['areas', 'delete', 'grant-writing'];
    expectUserError(inUse, await whet(inUse), 'archive');

    expect(await ok(['areas', 'add', 'Temporary'])).toBe('temporary\n');
    expect(await ok(['areas', 'delete', 'Temporary'])).toBe('deleted area temporary\n');
    expect((await areas('--all')).map((a) => a.id)).not.toContain('temporary');

    const unknown = ['areas', 'delete', 'no-such-area'];
    expectUserError(unknown, await whet(unknown), 'no-such-area');
  });
});

describe('export and import', () => {
  let outDir: string;
  let exported: Backup;
  let jsonFile: string;

  beforeAll(async () => {
    outDir = dirs.make('whet-export');
    await captureId(['Export me, "quoted", with a comma', '--area', 'learning', '--value', '5']);
    jsonFile = join(outDir, 'backup.json');
    const result = await whet(['export', '--format', 'json', '--out', jsonFile]);
    expect(result.code, describeRun(['export'], result)).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(jsonFile);
    exported = JSON.parse(readFileSync(jsonFile, 'utf8')) as Backup;
  });

  it('json: a complete, checksummed backup; the same as export to stdout', async () => {
    expect(existsSync(`${jsonFile}.partial`)).toBe(false);
    expect(exported).toMatchObject({ format: 'whetstone-backup', version: 1 });
    expect(exported.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(exported.data.ideas.map((i) => i.text)).toContain('Export me, "quoted", with a comma');
    expect(await exportData(mainDb)).toEqual(exported.data);
  });

  it('md and csv', async () => {
    const md = join(outDir, 'ideas.md');
    const csv = join(outDir, 'ideas.csv');
    await ok(['export', '--format', 'md', '--out', md]);
    await ok(['export', '-f', 'csv', '-o', csv]);
    const markdown = readFileSync(md, 'utf8');
    expect(markdown).toContain('Export me, "quoted", with a comma');
    expect(markdown).toContain('Block two mornings a week for deep work');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('id,text,area,source,status,value,effort,context,createdAt,updatedAt');
    expect(
      lines.some((l) => l.includes('"Export me, ""quoted"", with a comma",Learning,noticed,new,5,')),
    ).toBe(true);
    expect(lines.filter((l) => l !== '')).toHaveLength(exported.data.ideas.length + 1);
  });

  it('rejects an unknown format as a usage error', async () => {
    expect((await whet(['export', '--format', 'xml'])).code).toBe(2);
  });

  it('import into a fresh database reproduces the export exactly; a second import creates nothing', async () => {
    const fresh = join(root, 'restored.db');
    const n = exported.data.ideas.length;
    const first = await ok(['import', jsonFile], fresh);
    expect(first).toContain(`ideas: ${n} created, 0 updated, 0 unchanged`);
    expect(await exportData(fresh)).toEqual(exported.data);

    const second = await ok(['import', jsonFile], fresh);
    expect(second).toBe(
      `areas: 0 created, 0 updated, ${exported.data.areas.length} unchanged\n` +
        `ideas: 0 created, 0 updated, ${n} unchanged\n` +
        'sessions: 0 created, 0 updated, 0 unchanged\n' +
        'decks: 0 created, 0 updated, 0 unchanged\n' +
        'experiments: 0 created, 0 updated, 0 unchanged\n' +
        'measurements: 0 created, 0 updated, 0 unchanged\n' +
        'pools: 0 created, 0 updated, 0 unchanged\n' +
        'plans: 0 created, 0 updated, 0 unchanged\n' +
        'exercises: 0 created, 0 updated, 0 unchanged\n' +
        'practice: 0 created, 0 updated, 0 unchanged\n' +
        'interruptions: 0 created, 0 updated, 0 unchanged\n' +
        'reviews: 0 created, 0 updated, 0 unchanged\n',
    );
    expect(await exportData(fresh)).toEqual(exported.data);
  });

  it('importing into the database it came from changes nothing', async () => {
    const again = await ok(['import', jsonFile]);
    expect(again).toMatch(
      /^areas: 0 created, 0 updated, \d+ unchanged\nideas: 0 created, 0 updated, \d+ unchanged\nsessions: 0 created, 0 updated, 0 unchanged\ndecks: 0 created, 0 updated, 0 unchanged\nexperiments: 0 created, 0 updated, 0 unchanged\nmeasurements: 0 created, 0 updated, 0 unchanged\npools: 0 created, 0 updated, 0 unchanged\nplans: 0 created, 0 updated, 0 unchanged\nexercises: 0 created, 0 updated, 0 unchanged\npractice: 0 created, 0 updated, 0 unchanged\ninterruptions: 0 created, 0 updated, 0 unchanged\nreviews: 0 created, 0 updated, 0 unchanged\n$/,
    );
  });

  it('a tampered file: exit 1, one line naming the problem, nothing written', async () => {
    const target = join(root, 'tampered-target.db');
    const before = await exportData(target);
    const tampered = structuredClone(exported);
    const first = tampered.data.ideas[0] as Idea;
    first.text = 'edited after the export';
    tampered.data.ideas.push({ ...first, id: 'smuggled01', text: 'smuggled in' });
    const file = join(outDir, 'tampered.json');
    writeFileSync(file, JSON.stringify(tampered, null, 2));
    const args = ['import', file];
    expectUserError(args, await whet(args, target), 'checksum');
    expect(await exportData(target)).toEqual(before);
    expect(before.ideas).toEqual([]);
  });

  it('a truncated file or a missing file: exit 1, nothing written', async () => {
    const target = join(root, 'truncated-target.db');
    const before = await exportData(target);
    const text = readFileSync(jsonFile, 'utf8');
    const file = join(outDir, 'truncated.json');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    expectUserError(['import', file], await whet(['import', file], target), 'JSON');
    const missing = join(outDir, 'missing.json');
    expectUserError(['import', missing], await whet(['import', missing], target), 'file', missing);
    expect(await exportData(target)).toEqual(before);
  });
});

describe('user errors: exit 1, one line "whet: ..." naming the field', () => {
  let id: string;

  beforeAll(async () => {
    id = await captureId(['An idea to get wrong']);
  });

  const captureCases: [string, string[], string][] = [
    ['empty text', ['idea', ''], 'text'],
    ['blank text', ['idea', '   '], 'text'],
    ['--value 9', ['idea', 'Valued', '--value', '9'], 'value'],
    ['--value 2.5', ['idea', 'Valued', '--value', '2.5'], 'value'],
    ['--value high', ['idea', 'Valued', '--value', 'high'], 'value'],
    ['--area unknown', ['idea', 'Filed', '--area', 'no such area'], 'area'],
  ];

  for (const [name, args, field] of captureCases) {
    it(`${name} (fast capture and full CLI alike)`, async () => {
      const before = (await exportData(mainDb)).ideas.length;
      expectUserError(args, await whet(args), `${field}:`);
      const viaFlag = ['--db', mainDb, ...args];
      expectUserError(viaFlag, await whet(viaFlag, undefined), `${field}:`);
      expect((await exportData(mainDb)).ideas.length).toBe(before);
      // A database that does not exist yet takes the full CLI (commander + Kysely) path.
      const fresh = join(dirs.make('whet-first-run'), 'w.db');
      expectUserError(args, await whet(args, fresh), `${field}:`);
      expect((await exportData(fresh)).ideas).toEqual([]);
    });
  }

  it('illegal status change (new -> adopted) and an unknown status', async () => {
    const illegal = ['idea', 'status', id, 'adopted'];
    expectUserError(illegal, await whet(illegal), 'status', 'new', 'adopted');
    const unknown = ['idea', 'status', id, 'finished'];
    expectUserError(unknown, await whet(unknown), 'status');
    expect((await findIdea(id))?.status).toBe('new');
  });

  it('bad rating and bad edit', async () => {
    const rate = ['idea', 'rate', id, '9'];
    expectUserError(rate, await whet(rate), 'value');
    const edit = ['idea', 'edit', id, '--text', ''];
    expectUserError(edit, await whet(edit), 'text');
  });

  it('unknown idea id', async () => {
    for (const sub of ['show', 'delete']) {
      const args = ['idea', sub, 'zzzzzzzzzz'];
      expectUserError(args, await whet(args), 'zzzzzzzzzz');
    }
    const status = ['idea', 'status', 'zzzzzzzzzz', 'planned'];
    expectUserError(status, await whet(status), 'zzzzzzzzzz');
  });
});

describe('usage errors: exit 2', () => {
  const cases: string[][] = [
    ['idea', 'Text', '--bogus'],
    ['ideas', '--bogus'],
    ['--bogus', 'ideas'],
    ['idea', 'Text', '--source', 'dream'],
    ['idea', 'status'],
    ['idea', 'status', 'abcd1234'],
    ['idea', 'rate', 'abcd1234'],
    ['idea', 'show'],
    ['areas', 'add'],
    ['areas', 'rename', 'writing'],
    ['import'],
    ['export', '--out'],
    ['no-such-command'],
    ['idea', 'list'],
  ];
  for (const args of cases) {
    it(`whet ${args.join(' ')}`, async () => {
      const fresh = join(dirs.make('whet-usage'), 'w.db');
      const result = await whet(args, fresh);
      expect(result.code, describeRun(args, result)).toBe(2);
      expect(result.stderr.trim(), describeRun(args, result)).not.toBe('');
      expect(result.stdout).toBe('');
      // A usage error never opens (or creates) the database.
      expect(existsSync(fresh)).toBe(false);
    });
  }
});

describe('--help on every command', () => {
  const cases: [string[], string[]][] = [
    [[], ['--db', '--version', 'idea', 'ideas', 'areas', 'export', 'import', 'serve']],
    [
      ['idea'],
      ['--area', '--value', '--effort', '--context', '--source', '--json', 'show', 'edit', 'status', 'rate'],
    ],
    [
      ['idea', 'show'],
      ['<id>', '--json'],
    ],
    [
      ['idea', 'edit'],
      ['<id>', '--text', '--area', '--context', '--value', '--effort', '--json'],
    ],
    [
      ['idea', 'status'],
      ['<id>', '<status>', 'adopted'],
    ],
    [
      ['idea', 'rate'],
      ['<id>', '<value>', '--effort'],
    ],
    [['idea', 'delete'], ['<id>']],
    [['ideas'], ['--area', '--source', '--status', '--search', '--since', '--limit', '--all', '--json']],
    [['areas'], ['--all', '--json', 'add', 'rename', 'archive', 'restore', 'delete']],
    [
      ['areas', 'add'],
      ['<name>', '--description'],
    ],
    [
      ['areas', 'rename'],
      ['<area>', '<new-name>'],
    ],
    [['areas', 'archive'], ['<area>']],
    [['areas', 'restore'], ['<area>']],
    [['areas', 'delete'], ['<area>']],
    [['export'], ['--format', '--out', 'json', 'md', 'csv']],
    [['import'], ['<file>']],
    [['serve'], ['--port', '--host']],
  ];
  for (const [command, mentions] of cases) {
    it(`whet ${[...command, '--help'].join(' ')}`, async () => {
      const fresh = join(dirs.make('whet-help'), 'w.db');
      const args = [...command, '--help'];
      const result = await whet(args, fresh);
      expect(result.code, describeRun(args, result)).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: whet${command.map((c) => ` ${c}`).join('')}\\b`));
      for (const mention of ['--help', ...mentions])
        expect(result.stdout, describeRun(args, result)).toContain(mention);
      // Help is not a command: `whet idea --help` must not capture an idea called "--help".
      expect(existsSync(fresh)).toBe(false);
    });
  }

  it('whet --version', async () => {
    const result = await whet(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('unwritable database path: exit 1 naming the database', () => {
  it('a path whose parent is a regular file', async () => {
    const file = join(dirs.make('whet-unwritable'), 'not-a-dir');
    writeFileSync(file, 'I am a file\n');
    const db = join(file, 'w.db');
    for (const args of [
      ['--db', db, 'ideas'],
      ['--db', db, 'idea', 'Lost?'],
      ['idea', 'Lost?', '--db', db],
    ]) {
      const stderr = expectUserError(args, await whet(args, undefined), db);
      expect(stderr).toMatch(/database/);
    }
    const viaEnv = await whet(['idea', 'Lost?'], db);
    expectUserError(['idea', 'Lost? (WHETSTONE_DB)'], viaEnv, db);
  });

  // Regression: Node's recursive mkdir never returns under /proc; whet must fail instead.
  it('a path under /proc', async () => {
    const db = '/proc/whet/w.db';
    const args = ['--db', db, 'ideas'];
    const result = await runWhet(args, { env: envFor(undefined), timeoutMs: 8_000 });
    expect(result.timedOut, `hung:\n${describeRun(args, result)}`).toBe(false);
    expectUserError(args, result, db);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only directory (chmod 500; skipped as root)', async () => {
    const dir = dirs.make('whet-readonly');
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    try {
      const db = join(dir, 'locked', 'w.db');
      const args = ['--db', db, 'ideas'];
      expectUserError(args, await whet(args, undefined), db);
    } finally {
      chmodSync(join(dir, 'locked'), 0o700);
    }
  });
});

describe('CLI and a running server on the same database', () => {
  it('20 CLI captures and 20 API captures in parallel: all 40 stored, no SQLITE_BUSY', async () => {
    const db = join(root, 'shared.db');
    const server = await startWhetServer({ db, env: envFor(undefined) });
    try {
      const cli = Array.from({ length: 20 }, (_, n) => {
        // Half name the database with WHETSTONE_DB, half with --db.
        const args = n % 2 === 0 ? ['idea', `cli idea ${n}`] : ['--db', db, 'idea', `cli idea ${n}`];
        return runWhet(args, { env: envFor(n % 2 === 0 ? db : undefined) }).then((result) => ({
          args,
          result,
        }));
      });
      const viaApi = Array.from({ length: 20 }, (_, n) =>
        call<Idea>(server.api, 'POST', '/ideas', { json: { text: `api idea ${n}` } }),
      );
      const [cliResults, apiResults] = await Promise.all([Promise.all(cli), Promise.all(viaApi)]);

      const ids = new Set<string>();
      for (const { args, result } of cliResults) {
        expect(result.code, describeRun(args, result)).toBe(0);
        expect(result.stderr, describeRun(args, result)).toBe('');
        expect(result.stdout).toMatch(/^[0-9a-z]{10}\n$/);
        ids.add(result.stdout.trim());
      }
      for (const res of apiResults) {
        expect(res.status, res.text).toBe(201);
        ids.add(res.body.id);
      }
      expect(ids.size).toBe(40);

      const stored = await okJson<Idea[]>(['ideas', '--all', '--json'], db);
      expect(stored.map((i) => i.id).sort()).toEqual([...ids].sort());
      const texts = stored.map((i) => i.text).sort();
      expect(texts).toEqual(
        [
          ...Array.from({ length: 20 }, (_, n) => `cli idea ${n}`),
          ...Array.from({ length: 20 }, (_, n) => `api idea ${n}`),
        ].sort(),
      );
      expect(server.stderr()).not.toMatch(/SQLITE_BUSY|database is locked/i);
    } finally {
      await server.stop();
    }
  });
});
