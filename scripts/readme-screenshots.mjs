// Retakes the five screenshots the README shows (docs/screenshot-*.png) from the current web app.
//
// Why a script: the screenshots go stale whenever the app's look changes, and taking them by hand
// on a personal database leaks private data and never looks the same twice. This seeds a throwaway
// SQLite database with eight weeks of plausible use — through the real built `whet` CLI and the
// real HTTP API, nothing written behind their backs — serves it with the real `whet serve`, and
// photographs it with the system Chromium.
//
// Past events: the CLI's test hooks (WHETSTONE_TEST_HOOKS=1 + WHETSTONE_CLOCK_OFFSET_MS, see
// src/cli/clock.ts) let each `whet` call believe it runs at a chosen instant in the past; practice
// blocks and interruptions are logged through the API with their `at`. The server itself runs on
// the real clock, so "now" in the screenshots is the moment the script runs.
//
// Run after `npm run build`:   node scripts/readme-screenshots.mjs
// Needs /usr/bin/chromium (or CHROMIUM_PATH); never downloads a browser.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// Days and weeks are counted in this zone by the app, the seed and the browser alike.
const TIME_ZONE = 'Europe/Berlin';
process.env.TZ = TIME_ZONE;

const REPO = fileURLToPath(new URL('../', import.meta.url));
const WHET_BIN = join(REPO, 'bin/whet.cjs');
const DOCS = join(REPO, 'docs');
const WIDTH = 1280;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Time: every seeded event is placed at a local time some days before today.

/** `days` days before today at local `hhmm` ("09:30"); never later than a minute ago. */
function at(days, hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, h, m);
  return new Date(Math.min(date.getTime(), now.getTime() - MINUTE));
}

/** How many days ago the Monday `weeks` weeks before this week's Monday was. */
const mondayOf = (weeks) => ((new Date().getDay() + 6) % 7) + 7 * weeks;

const ago = (ms) => new Date(Date.now() - ms);
const plus = (date, ms) => new Date(date.getTime() + ms);

/** YYYY-MM-DD of the local day `days` from today (negative: in the past). */
function localDay(days) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** mulberry32: the same "random" practice log and cohort on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20_26);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

// ---------------------------------------------------------------------------------------------
// The real CLI and the real server on a temp database

function whetEnv(root, db, when) {
  const env = { ...process.env };
  for (const name of ['WHETSTONE_DB', 'DATABASE_URL', 'PORT']) delete env[name];
  return {
    ...env,
    WHETSTONE_DB: db,
    XDG_DATA_HOME: join(root, 'xdg'),
    HOME: root,
    TZ: TIME_ZONE,
    NO_COLOR: '1',
    ...(when
      ? { WHETSTONE_TEST_HOOKS: '1', WHETSTONE_CLOCK_OFFSET_MS: String(when.getTime() - Date.now()) }
      : {}),
  };
}

/** `whet ...args` as if run at `when` (default: now), with `stdin` piped in; resolves to stdout. */
function makeCli(root, db) {
  return (args, { when, stdin } = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [WHET_BIN, ...args], {
        cwd: REPO,
        env: whetEnv(root, db, when),
        stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
      });
      child.once('error', reject);
      child.once('close', (code) => {
        if (code === 0) resolve(stdout);
        else reject(new Error(`whet ${args.join(' ')} exited ${code}\n${stdout}${stderr}`));
      });
      if (stdin !== undefined) child.stdin.end(stdin);
    });
}

/** Starts `whet serve --port 0` on `db` and resolves once it prints its URL. */
function startServer(root, db) {
  const child = spawn(process.execPath, [WHET_BIN, 'serve', '--port', '0', '--db', db], {
    cwd: REPO,
    env: whetEnv(root, db),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`whet serve printed no URL:\n${output}`)), 20_000);
    exited.then((code) => reject(new Error(`whet serve exited (${code}) before it was ready:\n${output}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      const url = /Whetstone is running at (http:\/\/\S+\/)/.exec(line)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, pid: child.pid, stop });
    });
  });
}

/** A JSON request to the server's /api/v1; throws unless it succeeds. */
function makeApi(url) {
  return async (method, path, body) => {
    const response = await fetch(`${url}api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Seed data: what eight weeks of a PhD student's use might leave behind

/** Captures one idea at `when`; returns its id. */
async function capture(cli, when, idea) {
  const args = ['idea', idea.text, '--source', idea.source ?? 'noticed'];
  if (idea.area) args.push('--area', idea.area);
  if (idea.value) args.push('--value', String(idea.value));
  if (idea.effort) args.push('--effort', idea.effort);
  if (idea.context) args.push('--context', idea.context);
  return (await cli(args, { when })).trim();
}

/** Ideas noticed while working (the ones plans are made from come later, by key). */
// biome-ignore format: seed data reads best as a table, one idea per entry
const EVERYDAY_IDEAS = [
  { days: 54, time: '10:20', area: 'collaborators', value: 3, effort: 'S',
    text: 'Keep a running list of questions for my supervisor instead of interrupting her' },
  { key: 'paper', days: 52, time: '11:30', area: 'reading', value: 4, effort: 'M',
    text: 'Summarise one paper a week on a single page, in my own words' },
  { key: 'phone', days: 50, time: '09:40', area: 'environment', value: 5, effort: 'S',
    text: 'Phone in the other room until the first result of the day is in' },
  { days: 48, time: '15:05', area: 'coding', value: 5, effort: 'S', context: 'after the leakage mess in the NER eval',
    text: 'Check every new eval for train/test leakage before the first real run' },
  { key: 'pomodoro', days: 44, time: '14:10', area: 'reading', value: 2, effort: 'S',
    text: 'Read papers in 25-minute pomodoros' },
  { days: 41, time: '12:45', area: 'collaborators', source: 'conversation', value: 2, context: 'lunch with Tom',
    text: 'Ask Tom how his group runs paper-reading sessions — theirs actually finish on time' },
  { key: 'writing', days: 40, time: '08:15', area: 'writing', value: 5, effort: 'S',
    text: 'Write for 25 minutes before opening email' },
  { key: 'failed', days: 38, time: '17:20', area: 'decomposition', value: 4, effort: 'S',
    text: 'Keep one page of failed approaches per project' },
  { key: 'friday', days: 35, time: '16:30', area: 'prioritisation', source: 'review', value: 3,
    text: 'Do the weekly review on Friday at 16:00, not “sometime”' },
  { key: 'predict', days: 33, time: '13:50', area: 'coding', value: 4, effort: 'S',
    text: 'Predict the outcome before every training run and note whether I was right' },
  { days: 30, time: '10:05', area: 'decomposition', value: 4, effort: 'M',
    text: 'Draw the main figure before running the full sweep' },
  { key: 'email', days: 29, time: '09:10', area: 'environment', value: 3, effort: 'S',
    text: 'Batch email into two slots a day' },
  { key: 'monday', days: 27, time: '09:25', area: 'prioritisation', value: 4, effort: 'M',
    text: 'Monday planning hour: score the whole list before touching any of it' },
  { days: 15, time: '17:05', area: 'prioritisation', source: 'review', value: 4, effort: 'S',
    text: 'Cap the number of open experiments at three' },
  { days: 12, time: '15:40', area: 'collaborators', source: 'conversation', value: 3, context: 'group meeting',
    text: 'Maya’s idea: a shared “stuck” channel where anyone can ask for 15 minutes of help' },
  { days: 11, time: '09:50', area: 'reading', value: 2,
    text: 'Keep the reading list in one place instead of forty browser tabs' },
  { days: 9, time: '13:15', area: 'energy', value: 2, effort: 'S',
    text: 'Take a 10-minute walk after lunch before going back to the draft' },
  { key: 'arxiv', days: 6, time: '16:45', area: 'environment', source: 'review', value: 4,
    text: 'Stop reading arXiv in the morning; it eats the deep-work block' },
  { days: 5, time: '11:00', area: 'writing', value: 3, effort: 'S',
    text: 'Write the limitations section while the experiments are still running' },
  { days: 3, time: '10:35', area: 'writing',
    text: 'Outline the talk as five claims before opening the slide software' },
  { key: 'slack', days: 1, time: '10:15', area: 'environment', value: 3, effort: 'S',
    text: 'Turn off Slack notifications between 9 and 11' },
  { days: 1, time: '16:40', area: 'decomposition', value: 5, effort: 'S',
    text: 'Before every experiment, write down which result would change my mind' },
];

/** The newest ideas, minutes and hours old when the inbox is photographed. */
const RECENT_IDEAS = [
  {
    agoMs: 5 * HOUR,
    area: 'collaborators',
    source: 'conversation',
    value: 4,
    effort: 'M',
    context: 'coffee after the group meeting',
    text: 'Ask Lena whether she wants to pair on the ablation study — she already has the eval harness',
  },
  {
    agoMs: 50 * MINUTE,
    area: 'writing',
    value: 3,
    effort: 'S',
    text: 'Keep a doc of the reviewer objections we keep getting, and answer them in the draft up front',
  },
];

async function seedEverydayIdeas(cli) {
  const ids = {};
  for (const idea of EVERYDAY_IDEAS)
    ids[idea.key ?? idea.text] = await capture(cli, at(idea.days, idea.time), idea);
  for (const idea of RECENT_IDEAS) await capture(cli, ago(idea.agoMs), idea);
  // Decided by hand, without a plan: one habit stuck, one did not.
  await cli(['idea', 'status', ids.friday, 'trying'], { when: at(33, '16:10') });
  await cli(['idea', 'status', ids.friday, 'adopted'], { when: at(19, '16:10') });
  await cli(['idea', 'status', ids.email, 'dropped'], { when: at(15, '09:00') });
  await cli(['idea', 'status', ids.slack, 'trying'], { when: at(1, '10:20') });
  return ids;
}

/**
 * A focused session through the real `whet session` (ideas piped in, "/next" between questions,
 * "/quit" leaves it running); then, over the API, ended — the end is when its countdown ran out —
 * its ideas rated and the session completed. `questions` holds the ideas for each question.
 */
async function runSession(cli, api, when, questions, note, { beforeEnd } = {}) {
  const lines = questions
    .map((ideas) => ideas.map((i) => `${i.text} #${i.area}`).join('\n'))
    .join('\n/next\n');
  await cli(['session', '--minutes', '20'], { when, stdin: `${lines}\n/quit\n` });
  // The server runs on today's clock: what must happen back then (an experiment's phase ending
  // with this session) is done through the CLI, dated, before the session is ended here.
  await beforeEnd?.();
  const { session } = await api('GET', '/sessions/active');
  const ended = await api('POST', `/sessions/${session.id}/end`);
  const byText = new Map(ended.ideas.map((i) => [i.text, i.id]));
  // Ideas that count to a running experiment get their value in its blind rating, not here.
  const blind = new Set(ended.blindIdeaIds);
  for (const idea of questions.flat()) {
    const id = byText.get(idea.text);
    if (id && idea.value && !blind.has(id))
      await api('PATCH', `/sessions/${session.id}/ideas/${id}`, { value: idea.value });
  }
  await api('POST', `/sessions/${session.id}/complete`, { note });
  return session.id;
}

const FIRST_SESSION = [
  [
    {
      area: 'prioritisation',
      value: 4,
      text: 'Stop starting new experiments on Friday afternoon; finish and write up instead',
    },
  ],
  [
    { area: 'coding', value: 4, text: 'Set up a one-command reproduction script for every experiment' },
    { area: 'reading', value: 2, text: 'Read the related-work section of a paper last, not first' },
  ],
  [{ area: 'decomposition', value: 3, text: 'Write down the question before opening a dataset' }],
];

// The self-experiment: a week of noticing, then one focused session, rated blind afterwards.
const PASSIVE_IDEAS = [
  { area: 'coding', rating: 3, text: 'Print the config at the top of every results file' },
  { area: 'writing', rating: 3, text: 'Ask for feedback on the intro paragraph only, not the whole draft' },
  { area: 'reading', rating: 4, text: 'Block Thursday mornings for reading' },
  { area: 'environment', rating: 2, text: 'Stop checking email before ten' },
  { area: 'writing', rating: 1, text: 'Name the figure files after the claim they support' },
  { area: 'environment', rating: 2, text: 'Move the stand-up to after lunch so mornings stay unbroken' },
];
const FOCUSED_SESSION = [
  [
    { area: 'decomposition', rating: 5, text: 'Pre-register the analysis plan for the next study' },
    { area: 'collaborators', rating: 3, text: 'Replace the weekly status mail with a shared log' },
  ],
  [
    { area: 'coding', rating: 4, text: 'Pair-review code with the postdoc every Tuesday' },
    { area: 'reading', rating: 3, text: 'Time-box literature searches to 45 minutes' },
  ],
  [{ area: 'prioritisation', rating: 5, text: 'Decide the kill criterion for a project before starting it' }],
  [
    {
      area: 'writing',
      rating: 4,
      text: 'Write the paper’s one-sentence claim on a sticky note above the desk',
    },
    {
      area: 'coding',
      rating: 2,
      text: 'Rerun one old baseline a month to catch silent drift in the pipeline',
    },
  ],
];

/**
 * The blind rating through `whet experiment rate`: the triage keeps every idea, then each run
 * rates the idea shown and stops; the last run finishes the rating.
 */
async function rateBlind(cli, when, ratings) {
  const shown = (stdout) => [...stdout.matchAll(/^\(\d+ of \d+\)\n {2}(.+)$/gm)].map((m) => m[1]);
  const first = await cli(['experiment', 'rate'], { when, stdin: '\nq\n' });
  let current = shown(first).at(-1);
  for (let i = 0; current !== undefined && i < ratings.size; i++) {
    // An everyday idea that fell into the week of noticing (it depends on today's weekday).
    const rating = ratings.get(current) ?? EVERYDAY_IDEAS.find((i) => i.text === current)?.value ?? 3;
    const out = await cli(['experiment', 'rate'], {
      when: plus(when, (i + 1) * MINUTE),
      stdin: `${rating}\nq\n`,
    });
    current = /All \d+ ideas rated/.test(out) ? undefined : shown(out).at(1);
  }
  await cli(['experiment', 'rate'], { when: plus(when, (ratings.size + 2) * MINUTE), stdin: 'f\n' });
}

/** Starts on a Monday three weeks ago: the week of noticing, then one focused session. */
async function seedExperiment(cli, api, root) {
  const start = mondayOf(3);
  const predict = 'A week of noticing gives more, because real problems show up while I work';
  const startArgs = ['experiment', 'start', '--predict', predict, '--favour', 'passive'];
  await cli([...startArgs, '--by', 'about a third more total value'], { when: at(start, '09:05') });
  for (const [i, idea] of PASSIVE_IDEAS.entries()) {
    await capture(cli, at(start - i, pick(['10:40', '11:55', '14:20', '16:05'])), idea);
  }
  // A week later, Monday morning: the focused session, then the blind rating on Tuesday.
  await cli(['experiment', 'next'], { when: at(start - 7, '09:30') });
  const focused = FOCUSED_SESSION.map((q) => q.map((i) => ({ ...i, value: i.rating })));
  await runSession(cli, api, at(start - 7, '09:31'), focused, 'The focused phase of the experiment.', {
    beforeEnd: () => cli(['experiment', 'next'], { when: at(start - 7, '09:51') }),
  });
  const ratings = new Map([...PASSIVE_IDEAS, ...FOCUSED_SESSION.flat()].map((i) => [i.text, i.rating]));
  await rateBlind(cli, at(start - 8, '08:40'), ratings);
  const card = join(root, 'my-card.json');
  await cli(['experiment', 'card', '--out', card], { when: at(start - 8, '09:00') });
  return card;
}

/** A cohort's anonymous result cards, mostly (not always) in favour of the focused session. */
function cohortCards(n) {
  const phase = (key, unit, length, values) => {
    const ratings = [0, 0, 0, 0, 0];
    for (const v of values) ratings[v - 1] += 1;
    return { key, unit, length, count: values.length, valueSum: values.reduce((a, b) => a + b, 0), ratings };
  };
  return Array.from({ length: n }, () => {
    const passive = Array.from({ length: int(4, 10) }, () => int(1, 4));
    const focused = Array.from({ length: int(4, 8) }, () => int(2, 5));
    return {
      format: 'whetstone-result-card',
      version: 1,
      participant: Array.from({ length: 12 }, () => pick([...'abcdefghjkmnpqrstuvwxyz23456789'])).join(''),
      templateId: 'week-vs-20-minutes',
      templateVersion: 1,
      ratingScale: { min: 1, max: 5 },
      phases: [phase('passive', 'days', 7, passive), phase('focused', 'minutes', int(20, 30), focused)],
      textsShared: false,
    };
  });
}

async function seedPool(cli, root, myCard) {
  const id = (await cli(['pool', 'create', 'Autumn cohort'], { when: at(9, '11:00') })).trim();
  const cards = join(root, 'cohort.json');
  writeFileSync(cards, JSON.stringify(cohortCards(21)));
  await cli(['pool', 'import', id, cards, myCard], { when: at(8, '14:30') });
  return id;
}

/**
 * Plans made from ideas: four practice routines, two environment changes and two processes.
 * `days` is how long ago the plan was made; `reviewIn` is its review date in days from today
 * (negative: it was due in the past, so it is overdue or has been reviewed since).
 */
function planSpecs(ids) {
  return [
    {
      key: 'reading',
      idea: ids.paper,
      days: 49,
      kind: 'practice',
      subSkill: 'reading',
      exercise: 'reading-one-page-summary',
      cadence: '2x45/week',
      title: 'Summarise one paper a week on one page',
      next: 'Pick Tuesday’s paper from the reading list',
      signal: 'A summary I can explain to the lab in five minutes',
      reviewIn: -28,
    },
    {
      key: 'writing',
      idea: ids.writing,
      days: 39,
      kind: 'practice',
      subSkill: 'writing',
      exercise: 'writing-one-claim-paragraph',
      cadence: 'weekdays 25',
      title: 'Write 25 minutes before opening email',
      next: 'Leave the draft open on the desktop tonight',
      signal: 'Two pages a week without late nights',
      reviewIn: 6,
    },
    {
      key: 'coding',
      idea: ids.predict,
      days: 32,
      kind: 'practice',
      subSkill: 'coding',
      exercise: 'coding-predict-each-run',
      cadence: '3x30/week',
      title: 'Predict before every run',
      next: 'Add a “prediction” column to the run log',
      signal: 'Fewer runs whose result surprises me',
      reviewIn: -2,
    },
    {
      key: 'planning',
      idea: ids.monday,
      days: 26,
      kind: 'practice',
      subSkill: 'prioritisation',
      exercise: 'prioritisation-score-the-list',
      cadence: 'MO 45 at 09:00',
      title: 'A planning hour on Monday',
      next: 'Book Monday 9:00 in the calendar',
      signal: 'The week’s top task is done by Wednesday',
      reviewIn: 12,
    },
    {
      key: 'phone',
      idea: ids.phone,
      days: 49,
      kind: 'environment',
      area: 'environment',
      title: 'Phone in the other room until the first result is in',
      next: 'Put the charger in the hallway',
      signal: 'No phone pick-ups before 11',
      reviewIn: -21,
    },
    {
      key: 'failed',
      idea: ids.failed,
      days: 37,
      kind: 'process',
      area: 'decomposition',
      title: 'A page of failed approaches per project',
      next: 'Start the page for the ablation project',
      signal: 'I stop retrying things that already failed',
      reviewIn: -23,
    },
    {
      key: 'pomodoro',
      idea: ids.pomodoro,
      days: 43,
      kind: 'process',
      area: 'reading',
      title: 'Read papers in 25-minute pomodoros',
      next: 'Install a timer',
      signal: 'Finish a paper in one sitting',
      reviewIn: -30,
    },
    {
      key: 'arxiv',
      idea: ids.arxiv,
      days: 4,
      kind: 'environment',
      area: 'environment',
      title: 'No arXiv before lunch',
      next: 'Move the arXiv bookmark out of the toolbar',
      signal: 'The morning block starts on time',
      reviewIn: 17,
    },
  ];
}

/** Creates a plan `spec.days` ago, due for review on the day `spec.reviewIn` says. */
async function createPlan(cli, spec) {
  const args = ['plan', 'create', '--from', spec.idea, '--title', spec.title, '--kind', spec.kind, '--json'];
  args.push('--next', spec.next, '--signal', spec.signal, '--review', localDay(spec.reviewIn));
  if (spec.subSkill)
    args.push('--sub-skill', spec.subSkill, '--exercise', spec.exercise, '--cadence', spec.cadence);
  if (spec.area) args.push('--area', spec.area);
  return JSON.parse(await cli(args, { when: at(spec.days, '17:30') })).id;
}

/** `whet plan review` at `days` ago; `answers` by question (signal, obstacles, worth-it). */
function reviewPlan(cli, id, days, { decision, note, answers = {}, adjust = {} }) {
  const args = ['plan', 'review', id, '--decision', decision, '--note', note];
  for (const [prompt, text] of Object.entries(answers)) args.push('--answer', `${prompt}=${text}`);
  for (const [flag, value] of Object.entries(adjust)) args.push(`--${flag}`, value);
  return cli(args, { when: at(days, '16:20') });
}

/** The reviews so far: kept (the idea is adopted), dropped, and one adjusted with a new date. */
async function reviewPlans(cli, plans) {
  await reviewPlan(cli, plans.pomodoro, 30, {
    decision: 'drop',
    note: 'Breaks broke the thread',
    answers: {
      signal: 'Never finished a paper in one go',
      'worth-it': 'No: the breaks cut right through the hard parts',
    },
  });
  await reviewPlan(cli, plans.phone, 21, {
    decision: 'keep',
    note: 'Works; the mornings are quieter',
    answers: { signal: 'Hardly any pick-ups before 11' },
  });
  await reviewPlan(cli, plans.failed, 14, {
    decision: 'keep',
    note: 'Cheap and it pays',
    answers: { signal: 'Skipped two dead ends this month' },
  });
  await reviewPlan(cli, plans.reading, 18, {
    decision: 'adjust',
    note: 'Keep it, move it before the reading group',
    answers: { obstacles: 'Reading group weeks' },
    adjust: { review: localDay(1), next: 'Summarise before the reading group, not after' },
  });
}

/** Which weekdays (0 = Sunday) each practice plan is done on, and how long a block lasts. */
const PRACTICE_HABITS = {
  reading: {
    weekdays: [2, 4],
    time: '08:30',
    minutes: [35, 60],
    skip: 0.12,
    notes: ['Got the method, lost the ablations', 'One page, finally', 'Too long again: 1.5 pages'],
  },
  writing: {
    weekdays: [1, 2, 3, 4, 5],
    time: '08:05',
    minutes: [20, 30],
    skip: 0.25,
    notes: ['Related work paragraph', 'Rewrote the intro claim', 'Slow start, good end'],
  },
  coding: {
    weekdays: [1, 3, 5],
    time: '14:10',
    minutes: [25, 40],
    skip: 0.2,
    notes: ['Predicted the lr sweep right', 'Wrong about the warm-up, interesting'],
  },
  planning: {
    weekdays: [1],
    time: '09:00',
    minutes: [40, 55],
    skip: 0.1,
    notes: ['Scored 23 items, 4 matter'],
  },
};

/** Practice blocks from each plan's start until today, with some days missed like in real life. */
async function logPractice(api, plans, specs) {
  for (const spec of specs) {
    const habit = PRACTICE_HABITS[spec.key];
    if (!habit) continue;
    for (let days = spec.days - 1; days >= 0; days--) {
      const when = at(days, habit.time);
      if (!habit.weekdays.includes(when.getDay())) continue;
      if (days > 3 && random() < habit.skip) continue;
      if (when.getTime() > Date.now() - 2 * HOUR) continue;
      const [lo, hi] = habit.minutes;
      await api('POST', '/practice', {
        planId: plans[spec.key],
        minutes: int(lo, hi),
        difficulty: int(2, 4),
        note: random() < 0.25 ? pick(habit.notes) : null,
        at: plus(when, int(0, 20) * MINUTE).toISOString(),
      });
    }
  }
}

const INTERRUPTIONS = [
  'slack',
  'email',
  'colleague at the door',
  'phone',
  'meeting ran over',
  'build broke',
  null,
];
// Focus breaks most in the late morning and mid-afternoon.
const BUSY_HOURS = [8, 9, 9, 10, 10, 10, 10, 11, 11, 11, 12, 13, 14, 14, 15, 15, 15, 16, 16, 17];

async function logInterruptions(api) {
  for (let days = 55; days >= 0; days--) {
    const day = at(days, '00:00');
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    const count = weekend ? (random() < 0.3 ? 1 : 0) : int(1, 3);
    for (let i = 0; i < count; i++) {
      const hour = weekend ? int(10, 18) : pick(BUSY_HOURS);
      const when = at(days, `${hour}:${String(int(0, 59)).padStart(2, '0')}`);
      if (when.getTime() > Date.now() - HOUR) continue;
      const reason = pick(INTERRUPTIONS);
      await api('POST', '/interruptions', {
        reason,
        durationMinutes: reason ? int(2, 25) : null,
        at: when.toISOString(),
      });
    }
  }
}

async function seed(cli, api, root) {
  await cli(['settings', '--time-zone', TIME_ZONE], { when: at(56, '09:00') });
  const ids = await seedEverydayIdeas(cli);
  const note = 'Good one: the Friday habit is worth trying.';
  await runSession(cli, api, at(mondayOf(6) - 2, '10:00'), FIRST_SESSION, note);
  const myCard = await seedExperiment(cli, api, root);
  const poolId = await seedPool(cli, root, myCard);
  const specs = planSpecs(ids);
  const plans = {};
  for (const spec of specs.sort((a, b) => b.days - a.days)) plans[spec.key] = await createPlan(cli, spec);
  await logPractice(api, plans, specs);
  await reviewPlans(cli, plans);
  await logInterruptions(api);
  // The newest idea, typed into the web app a moment ago.
  await api('POST', '/ideas', {
    text: 'Spend 20 minutes every Friday re-deriving one result from a paper I rely on',
    areaId: 'learning',
    value: 4,
  });
  const experimentId = (await api('GET', '/experiments')).items[0].id;
  return { experimentId, poolId };
}

/** The session on screen in its screenshot: started four minutes ago, on its second question. */
async function startCurrentSession(cli) {
  const stdin = [
    'Write the figure captions before the text around them #writing',
    'Ask the lab for one hour of code review a month #collaborators',
    '/next',
    'Keep a running list of blocked experiments #decomposition',
    '/quit',
  ].join('\n');
  await cli(['session', '--minutes', '20'], { when: ago(4 * MINUTE), stdin: `${stdin}\n` });
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Waits until the page has rendered and loaded its data (one reload if the first load stalls). */
async function settle(page) {
  const rendered = async () => {
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
    // A function, not a string: the CSP refuses a string Playwright evaluates inside the page.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  };
  await rendered().catch(async () => {
    await page.reload();
    await rendered();
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready');
}

/** A viewport-sized shot; `height` is the pixel height, or a function of the page giving it. */
async function shoot(page, name, height) {
  const h = typeof height === 'number' ? height : Math.ceil(await height(page));
  await page.setViewportSize({ width: WIDTH, height: h });
  await page.waitForTimeout(300);
  await page.screenshot({
    path: join(DOCS, `screenshot-${name}.png`),
    animations: 'disabled',
    caret: 'hide',
  });
  console.log(`wrote docs/screenshot-${name}.png (${WIDTH}x${h})`);
}

/** Crops just above `heading`: the shot ends with the section before it. */
const topOf = (heading) => () =>
  heading.evaluate((el) => el.getBoundingClientRect().top + window.scrollY - 24);

/** What the page showed when a step failed, for the maintainer to look at. */
const FAILURE_SHOT = join(tmpdir(), 'readme-screenshots-failure.png');

async function takeScreenshots(browser, url, ids, cli) {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: 900 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: TIME_ZONE,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await shootAll(page, url, ids, cli);
  } catch (error) {
    await page.screenshot({ path: FAILURE_SHOT, fullPage: true }).catch(() => {});
    throw new Error(
      `${error.message}\n(the page at that moment: ${FAILURE_SHOT}; it logged: ${errors.join(' | ') || 'nothing'})`,
    );
  }
  await context.close();
  if (errors.length) throw new Error(`the page logged errors:\n${errors.join('\n')}`);
}

async function shootAll(page, url, ids, cli) {
  await page.goto(url);
  await settle(page);
  await shoot(page, 'inbox', 1300);

  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(`${url}experiments/${ids.experimentId}`);
  await settle(page);
  await shoot(page, 'experiment', topOf(page.getByRole('heading', { name: 'Result card' })));

  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(`${url}pools/${ids.poolId}`);
  await settle(page);
  await shoot(page, 'pool', topOf(page.getByRole('heading', { name: 'Add cards' })));

  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(`${url}dashboard`);
  await settle(page);
  await shoot(page, 'dashboard', (p) => p.evaluate('document.documentElement.scrollHeight'));

  await startCurrentSession(cli);
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(`${url}session`);
  await settle(page);
  await shoot(page, 'session', 900);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'whet-readme-shots-'));
  const db = join(root, 'whetstone.db');
  const cli = makeCli(root, db);
  let server;
  let browser;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  };
  const interrupted = () => {
    if (server?.pid) process.kill(server.pid, 'SIGTERM');
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startServer(root, db);
    const api = makeApi(server.url);
    console.log(`seeding ${db} through ${server.url}`);
    const ids = await seed(cli, api, root);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    await takeScreenshots(browser, server.url, ids, cli);
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
