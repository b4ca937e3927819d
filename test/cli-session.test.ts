/**
 * The focused session in the CLI, end to end: `whet session` is driven in a real pseudo-terminal
 * (tmux) by typing keys and reading the screen; the history and deck commands run the real built
 * `node bin/whet.cjs` against databases in a temp folder. Nothing is mocked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../src/core/decks/deck.js';
import type { Idea } from '../src/core/ideas.js';
import type { SessionView } from '../src/core/sessions/view.js';
import type { QuestionStat } from '../src/services/session.service.js';
import { cliEnv, describeRun, runWhet } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';
import { type Terminal, tmuxTerminals } from './support/terminal.js';

const RATING_PROMPT = "value 1-5 (Enter to skip), optionally followed by effort S/M/L, e.g. '4 m':";

const dirs = tempDirs();
let root: string;
const terminals = tmuxTerminals();

beforeAll(() => {
  assertCliBuilt();
  root = dirs.make('whet-cli-session');
});

afterAll(() => {
  terminals.stop();
  dirs.cleanup();
});

// ---------------------------------------------------------------------------------------------
// Helpers

function envFor(db: string): NodeJS.ProcessEnv {
  return cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: join(root, 'home'), WHETSTONE_DB: db });
}

async function whet(args: readonly string[], db: string, cwd?: string) {
  const result = await runWhet(args, { env: envFor(db), ...(cwd ? { cwd } : {}) });
  expect(result.timedOut, `timed out:\n${describeRun(args, result)}`).toBe(false);
  return result;
}

async function ok(args: readonly string[], db: string, cwd?: string): Promise<string> {
  const result = await whet(args, db, cwd);
  expect(result.code, describeRun(args, result)).toBe(0);
  return result.stdout;
}

async function okJson<T>(args: readonly string[], db: string): Promise<T> {
  return JSON.parse(await ok(args, db)) as T;
}

/** A terminal running `whet ...args` on `db`. */
function openTerminal(args: readonly string[], db: string): Terminal {
  const env = envFor(db);
  const vars = Object.fromEntries(
    ['HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'WHETSTONE_DB'].map((name) => [name, env[name] ?? '']),
  );
  return terminals.open(args, vars);
}

// ---------------------------------------------------------------------------------------------
// The interactive session

describe('whet session in a terminal', { timeout: 120_000 }, () => {
  let db: string;

  beforeAll(() => {
    db = join(root, 'session.db');
  });

  it('captures ideas under the questions, steers, rates and summarises', async () => {
    const t = openTerminal(['session', '--minutes', '5', '--db', db], db);
    let screen = await t.waitForText('[05:00 left · question 1 of ');
    expect(screen).toMatch(/Question 1 of \d+ \(opening\)/);
    await t.waitForText(' › ');

    t.type('first idea: outline before drafting #writing');
    screen = await t.waitForText(' · 1 idea]');
    expect(screen).toContain('saved under Writing');
    expect(screen).toMatch(/\[0[45]:\d\d left · question 1 of \d+ · 1 idea\]/);
    t.type('second idea: keep a lab notebook');
    await t.waitForText(' · 2 ideas]');
    t.type('/next');
    await t.waitForText('Question 2 of');
    t.type('third idea: ask a colleague for feedback');
    await t.waitForText(' · 3 ideas]');
    t.type('/skip');
    await t.waitForText('Question 3 of');
    t.type('/back');
    await t.waitForText('Question 2 of', 2);
    t.type('/end');

    await t.waitForText('Rate your 3 ideas');
    await t.waitForText(RATING_PROMPT);
    expect(t.screen()).toContain('(1/3) first idea: outline before drafting  [Writing]');
    t.type('5 s');
    await t.waitForText('(2/3) second idea');
    await t.waitForText(RATING_PROMPT, 2);
    t.type('3');
    await t.waitForText('(3/3) third idea');
    await t.waitForText(RATING_PROMPT, 3);
    t.type('');
    await t.waitForText('A note on this session');
    t.type('writing came easily');
    screen = await t.waitForText('[exit 0]');
    expect(screen).toMatch(/Session complete: 3 ideas, 2 rated, \d\d:\d\d of 05:00 used\./);
    expect(screen).toMatch(/By area:\n {2}\(no area\) +2\n {2}Writing +1\n/);
    expect(screen).toMatch(
      /Best ideas:\n {2}5\/5 S +first idea: outline before drafting\n {2}3\/5 +second idea/,
    );

    // What the terminal did is what was stored.
    const sessions = await okJson<SessionView[]>(['sessions', '--json'], db);
    expect(sessions).toHaveLength(1);
    const [session] = sessions as [SessionView];
    expect(session).toMatchObject({ state: 'completed', note: 'writing came easily', plannedMs: 300_000 });
    expect(session.summary).toMatchObject({ ideaCount: 3, ratedCount: 2 });
    const [q1, q2, q3] = session.questions;
    expect(session.questions.map((q) => q.position)).toEqual([0, 1, 2]);
    expect(q2?.skipped).toBe(true);
    expect(q1?.skipped).toBe(false);

    const ideas = await okJson<Idea[]>(['ideas', '--json', '--source', 'session'], db);
    const byText = (start: string) => ideas.find((i) => i.text.startsWith(start));
    expect(ideas).toHaveLength(3);
    expect(byText('first idea')).toMatchObject({
      text: 'first idea: outline before drafting',
      areaId: 'writing',
      value: 5,
      effort: 'S',
      source: 'session',
      sessionId: session.id,
      questionId: q1?.questionId,
    });
    expect(byText('second idea')).toMatchObject({ value: 3, effort: null, questionId: q1?.questionId });
    expect(byText('third idea')).toMatchObject({ value: null, areaId: null, questionId: q2?.questionId });

    const stats = await okJson<QuestionStat[]>(['questions', 'stats', '--json'], db);
    const statOf = (id: string | undefined) => stats.find((s) => s.questionId === id);
    expect(statOf(q1?.questionId)).toMatchObject({ shown: 1, ideas: 2, ratedIdeas: 2, meanValue: 4 });
    expect(statOf(q2?.questionId)).toMatchObject({ shown: 1, ideas: 1, ratedIdeas: 0, meanValue: null });
    expect(statOf(q3?.questionId)).toMatchObject({ shown: 1, ideas: 0, meanValue: null });
    // Sorted as the service returns them: the best mean value first.
    expect(stats[0]?.questionId).toBe(q1?.questionId);

    const table = await ok(['sessions'], db);
    expect(table).toMatch(new RegExp(`${session.id} .* completed +3 +2 +5/5 first idea`));
    const shown = await ok(['session', 'show', session.id], db);
    expect(shown).toContain('Session complete: 3 ideas, 2 rated');
    expect(shown).toMatch(/2\. .*skipped, 1 idea\)/);
    expect(await okJson<SessionView>(['session', 'show', session.id, '--json'], db)).toMatchObject({
      id: session.id,
      note: 'writing came easily',
    });
    expect(await ok(['questions', 'stats'], db)).toMatch(
      /^ mean {2}shown {2}ideas {2}question\n 4\.00 +1 +2 /,
    );
  });

  it('offers to resume the active session, and Ctrl+C leaves it running (exit 130)', async () => {
    const quitting = openTerminal(['session', '--minutes', '10', '--db', db], db);
    await quitting.waitForText(' · 0 ideas]');
    quitting.type('an idea before a break');
    await quitting.waitForText(' · 1 idea]');
    quitting.type('/pause');
    await quitting.waitForText('[paused · ');
    quitting.type('/quit');
    let screen = await quitting.waitForText('[exit 0]');
    expect(screen).toMatch(/The session is paused with \d\d:\d\d left\. Resume it with: whet session --db /);

    // Answering no leaves it alone and exits 1.
    const declining = openTerminal(['session', '--db', db], db);
    screen = await declining.waitForText('Resume it? [Y/n]');
    expect(screen).toMatch(/A session is already active: .*is paused \(\d\d:\d\d left, 1 idea\)\./);
    declining.type('n');
    screen = await declining.waitForText('[exit 1]');
    expect(screen).toContain('whet: not resumed: session');

    // Without a terminal to ask in, it says so and exits 1.
    const piped = await whet(['session'], db);
    expect(piped.code, describeRun(['session'], piped)).toBe(1);
    expect(piped.stdout).toContain('A session is already active');
    expect(piped.stderr).toMatch(/^whet: session \w+ is already active; run `whet session` in a terminal/);

    // Enter means yes: the paused session runs again, with its idea; Ctrl+C leaves it running.
    const resuming = openTerminal(['session', '--db', db], db);
    await resuming.waitForText('Resume it? [Y/n]');
    resuming.type('');
    await resuming.waitFor((s) => /\[\d\d:\d\d left · question 1 of \d+ · 1 idea\]/.test(s), 'the status');
    resuming.type('/add 2');
    await resuming.waitForText('Added 2 minutes.');
    resuming.keys('C-c');
    screen = await resuming.waitForText('[exit 130]');
    expect(screen).toMatch(
      /whet: interrupted\. The session is still running \((1[12]):\d\d left\)\. Resume it with/,
    );

    const [active] = await okJson<SessionView[]>(['sessions', '--json', '--limit', '1'], db);
    expect(active).toMatchObject({ state: 'running', addedMs: 120_000, plannedMs: 600_000 });
    expect(active?.ideas.map((i) => i.text)).toEqual(['an idea before a break']);
  });
});

describe('whet session when time runs out', () => {
  // A real minute: the countdown is the service's, and there is no clock to move from outside.
  it('ends by itself at 00:00, keeps a line typed at the notice, then rates', async () => {
    const db = join(root, 'time-up.db');
    const t = openTerminal(['session', '--minutes', '1', '--db', db], db);
    await t.waitForText('[01:00 left · question 1 of ');
    t.type('idea in time');
    await t.waitForText(' · 1 idea]');
    // The prompt counts down by itself, without any input.
    await t.waitFor((s) => /^00:[0-4]\d ›/m.test(s), 'the prompt to count down', 30_000);
    await t.waitForText('Time is up — press Enter to rate your ideas', 1, 65_000);
    t.type('late idea');
    await t.waitForText('Rate your 2 ideas');
    t.type('4 l');
    await t.waitForText(RATING_PROMPT, 2);
    t.type('x');
    await t.waitForText('"x" is not a rating');
    t.type('6');
    await t.waitForText('value must be from 1 to 5, not 6');
    t.type('');
    await t.waitForText('A note on this session');
    t.type('');
    const screen = await t.waitForText('[exit 0]');
    expect(screen).toContain('Session complete: 2 ideas, 1 rated, 01:00 of 01:00 used.');
    const [session] = await okJson<SessionView[]>(['sessions', '--json'], db);
    expect(session).toMatchObject({ state: 'completed', elapsedMs: 60_000, note: null });
    expect(session?.ideas.map((i) => [i.text, i.value, i.effort])).toEqual([
      ['idea in time', 4, 'L'],
      ['late idea', null, null],
    ]);
  }, 110_000);
});

// ---------------------------------------------------------------------------------------------
// Decks

const BAD_DECK = `id: my-deck
name: My deck
questions:
  - id: q-one
    stage: opening
    areas: [writing]
    text: What did you write last week?
  - id: q-one
    stage: exploring
    areas: [writing, nonsense]
    text: Which part of writing is slowest?
`;

describe('whet decks', () => {
  let db: string;
  let folder: string;

  beforeAll(() => {
    folder = dirs.make('whet-decks');
    db = join(folder, 'decks.db');
  });

  it('lists and shows the built-in deck', async () => {
    const decks = await okJson<Deck[]>(['decks', '--json'], db);
    const builtin = decks.find((d) => d.builtin);
    expect(builtin).toBeDefined();
    expect(await ok(['decks'], db)).toMatch(
      new RegExp(`^${builtin?.id} +${builtin?.name} +builtin +${builtin?.questions.length} questions$`, 'm'),
    );
    expect(await okJson<Deck>(['decks', 'show', builtin?.id ?? '', '--json'], db)).toEqual(builtin);
    expect(await ok(['decks', 'show', builtin?.id ?? ''], db)).toContain(builtin?.questions[0]?.text);
  });

  it('reports every problem of a deck file with file:line:column', async () => {
    writeFileSync(join(folder, 'bad-deck.yaml'), BAD_DECK);
    const args = ['decks', 'import', 'bad-deck.yaml'];
    const result = await whet(args, db, folder);
    expect(result.code, describeRun(args, result)).toBe(1);
    const [first, second] = result.stderr.trimEnd().split('\n');
    expect(first).toBe(
      'whet: bad-deck.yaml:8:9: questions.1.id: duplicate question id "q-one" (first used by questions.0) (and 1 more problem)',
    );
    expect(second).toMatch(
      /^ {2}bad-deck\.yaml:10:22: unknown area "nonsense" \(known: .*\) \(questions\.1\.areas\.1\)$/,
    );

    // Unknown area alone.
    writeFileSync(
      join(folder, 'unknown-area.yaml'),
      BAD_DECK.replace(/- id: q-one\n {4}stage: exploring/, '- id: q-two\n    stage: exploring'),
    );
    const alone = await whet(['decks', 'import', 'unknown-area.yaml'], db, folder);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(
      /^whet: unknown-area\.yaml:10:22: questions\.1\.areas\.1: unknown area "nonsense"/,
    );

    const missing = await whet(['decks', 'import', 'no-such-file.yaml'], db, folder);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('whet: file: cannot read no-such-file.yaml: ENOENT\n');
    expect((await okJson<Deck[]>(['decks', '--json'], db)).some((d) => d.id === 'my-deck')).toBe(false);
  });

  it('imports, exports (round trip under another id) and deletes a deck', async () => {
    const good = BAD_DECK.replace(
      /- id: q-one\n {4}stage: exploring/,
      '- id: q-two\n    stage: exploring',
    ).replace('nonsense', 'coding');
    writeFileSync(join(folder, 'good.yaml'), good);
    expect(await ok(['decks', 'import', 'good.yaml'], db, folder)).toBe(
      'imported deck my-deck ("My deck", 2 questions)\n',
    );
    const mine = await okJson<Deck>(['decks', 'show', 'my-deck', '--json'], db);
    expect(mine).toMatchObject({ id: 'my-deck', builtin: false });
    expect(mine.questions.map((q) => [q.id, q.areas])).toEqual([
      ['q-one', ['writing']],
      ['q-two', ['writing', 'coding']],
    ]);
    expect(await ok(['decks'], db)).toMatch(/^my-deck +My deck +own +2 questions$/m);

    // Importing the same deck twice is refused: the id is taken.
    const again = await whet(['decks', 'import', 'good.yaml'], db, folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a deck with the id "my-deck" already exists');

    // With --replace the same file edits the deck in place.
    writeFileSync(join(folder, 'edited.yaml'), good.replace('name: My deck', 'name: My sharper deck'));
    expect(await ok(['decks', 'import', 'edited.yaml', '--replace'], db, folder)).toContain(
      '("My sharper deck"',
    );
    expect((await okJson<Deck>(['decks', 'show', 'my-deck', '--json'], db)).name).toBe('My sharper deck');
    expect(await ok(['decks', 'import', 'good.yaml', '--replace'], db, folder)).toContain('("My deck"');

    // YAML to a file, imported back under another id, gives the same questions.
    const exported = join(folder, 'exported.yaml');
    const wrote = await whet(['decks', 'export', 'my-deck', '--out', exported], db);
    expect(wrote.code, describeRun(['decks', 'export'], wrote)).toBe(0);
    expect(wrote.stderr).toBe(`wrote ${exported}\n`);
    const yaml = readFileSync(exported, 'utf8');
    expect(yaml).toMatch(/^id: my-deck\nname: My deck\n/);
    writeFileSync(join(folder, 'copy.yaml'), yaml.replace('id: my-deck', 'id: my-deck-copy'));
    expect(await ok(['decks', 'import', 'copy.yaml'], db, folder)).toContain('imported deck my-deck-copy');
    const copy = await okJson<Deck>(['decks', 'show', 'my-deck-copy', '--json'], db);
    expect(copy.questions).toEqual(mine.questions);
    expect(copy.name).toBe(mine.name);

    // JSON to standard output.
    const json = JSON.parse(await ok(['decks', 'export', 'my-deck', '--format', 'json'], db)) as Deck;
    expect(json).toEqual({ id: 'my-deck', name: 'My deck', questions: expect.any(Array) });
    expect(json.questions).toEqual(
      mine.questions.map(({ id, stage, areas, text }) => ({ id, stage, areas, text })),
    );
    const badFormat = await whet(['decks', 'export', 'my-deck', '--format', 'xml'], db);
    expect(badFormat.code).toBe(2);

    // Delete: own decks go, built-in decks stay.
    expect(await ok(['decks', 'delete', 'my-deck-copy'], db)).toBe('deleted deck my-deck-copy\n');
    const gone = await whet(['decks', 'show', 'my-deck-copy'], db);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe('whet: deck my-deck-copy not found\n');
    const builtinId = (await okJson<Deck[]>(['decks', '--json'], db)).find((d) => d.builtin)?.id ?? '';
    const refused = await whet(['decks', 'delete', builtinId], db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is built in and cannot be changed');
  });

  it('has help for every new command', async () => {
    for (const args of [
      ['session'],
      ['session', 'show'],
      ['sessions'],
      ['questions', 'stats'],
      ['decks'],
      ['decks', 'import'],
      ['decks', 'export'],
      ['decks', 'delete'],
    ]) {
      const help = await ok([...args, '--help'], db);
      expect(help, args.join(' ')).toContain(`Usage: whet ${args.join(' ')}`);
      expect(help, args.join(' ')).toContain('--db <path>');
    }
    const badLimit = await whet(['sessions', '--limit', '0'], db);
    expect(badLimit.code).toBe(1);
    expect(badLimit.stderr).toBe('whet: limit: must be a whole number from 1 to 1000\n');
  });
});
