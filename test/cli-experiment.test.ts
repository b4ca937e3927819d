/**
 * Self-experiments in the CLI, end to end: every step runs the real built `node bin/whet.cjs`
 * against a SQLite file in a temp folder. The test moves the CLI's clock forward with
 * WHETSTONE_TEST_HOOKS=1 and WHETSTONE_CLOCK_OFFSET_MS, so a week passes in seconds. Blind ratings
 * are piped into `whet experiment rate` on stdin. Nothing is mocked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCard } from '../src/core/experiments/card.js';
import type { NewSecondRaterLink, SecondRaterStatus } from '../src/core/experiments/second-rater.js';
import type { ExperimentView } from '../src/core/experiments/view.js';
import type { Idea } from '../src/core/ideas.js';
import type { MeasurementEntry } from '../src/core/measurements.js';
import { weightedKappa } from '../src/core/stats/weighted-kappa.js';
import { createServices } from '../src/services/app.js';
import type { ExperimentReportView } from '../src/services/experiment.service.js';
import { openStore } from '../src/store/connect.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';
import { WhetLab } from './support/whet-lab.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dirs = tempDirs();

beforeAll(() => assertCliBuilt());
afterAll(() => dirs.cleanup());

// ---------------------------------------------------------------------------------------------
// Helpers

/** The idea texts `whet experiment rate` showed, in order: the indented line after "(k of n)". */
function shownTexts(stdout: string): string[] {
  return [...stdout.matchAll(/^\(\d+ of \d+\)\n {2}(.+)$/gm)].map((m) => m[1]!);
}

/** An instant in the basic ISO form calendars use: 20261123T224129Z. */
const icsInstant = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

// ---------------------------------------------------------------------------------------------

describe('a week vs 20 minutes through the CLI', { timeout: 180_000 }, () => {
  const lab = new WhetLab(dirs);
  const passiveRatings = new Map([
    ['Keep a running list of questions for my supervisor', 3],
    ['Write the methods section while running the pilot', 2],
    ['Block Friday afternoons for reading', 4],
    ['Stop checking email before ten', 1],
    ['Draw the figure before writing the results', 3],
    ['Ask a colleague to read the abstract cold', 2],
  ]);
  const focusedRatings = new Map([
    ['Pre-register the analysis plan for the next study', 5],
    ['Replace the weekly status mail with a shared log', 4],
    ['Pair-review code with the postdoc every Tuesday', 4],
    ['Keep one page of failed approaches per project', 5],
    ['Time-box literature searches to 45 minutes', 3],
  ]);
  const allRatings = new Map([...passiveRatings, ...focusedRatings]);
  let id: string;
  let started: ExperimentView;

  it('starts with a locked prediction and the passive phase running', async () => {
    await lab.ok(['idea', 'An idea from before the experiment']);
    const start = await lab.ok([
      'experiment',
      'start',
      '--predict',
      'Twenty focused minutes give more valuable ideas than a week of noticing',
      '--favour',
      'focused',
      '--by',
      'at least half as much again',
    ]);
    expect(start.stdout).toContain('Your prediction is locked');
    expect(start.stdout).toContain('Started A week of noticing: 7 days, until ');
    expect(start.stderr).toBe('');

    started = await lab.json<ExperimentView>(['experiment', 'status']);
    id = started.id;
    expect(started.state).toBe('passive');
    expect(started.prediction).toMatchObject({
      favoured: 'focused',
      byHowMuch: 'at least half as much again',
    });
    expect(started.prediction.lockedAt).not.toBeNull();
    const [passive] = started.phases;
    expect(Date.parse(passive.plannedEnd) - Date.parse(passive.startedAt!)).toBe(7 * DAY);
    expect(started.status).toMatchObject({ phaseKey: 'passive', nextStep: 'startFocused', due: false });
  });

  it('refuses a value for an idea that counts to the running phase; ideas from before keep theirs', async () => {
    lab.offset = HOUR;
    await lab.fails(['idea', 'A counted idea with a value', '--value', '4'], 'value', 'blind rating');
    const ideas = await lab.json<Idea[]>(['ideas', '--all']);
    expect(ideas.map((i) => i.text)).toEqual(['An idea from before the experiment']);
    const counted = await lab.json<Idea>(['idea', 'A counted idea']);
    await lab.fails(['idea', 'rate', counted.id, '3'], 'value', 'blind rating');
    await lab.ok(['idea', 'delete', counted.id]);
    const before = ideas[0]!;
    expect((await lab.ok(['idea', 'rate', before.id, '3'])).code).toBe(0);
  });

  it('prints the sealed prediction exactly, so sha256sum of it gives the digest it was sealed with', async () => {
    const sealed = await lab.ok(['experiment', 'preregistration']);
    expect(sealed.stdout).toMatch(/^Whetstone preregistration, format 1\n/);
    expect(sealed.stdout).toContain(
      'Prediction: Twenty focused minutes give more valuable ideas than a week of noticing\n',
    );
    expect(sealed.stdout).toContain('Expected size: at least half as much again\n');
    const digest = createHash('sha256').update(sealed.stdout, 'utf8').digest('hex');
    expect(sealed.stderr).toBe(`SHA-256 ${digest}\n`);
    expect(started.prediction.seal).toEqual({ text: sealed.stdout, sha256: digest });
    const json = await lab.json<{ text: string; sha256: string }>(['experiment', 'preregistration']);
    expect(json).toEqual({ text: sealed.stdout, sha256: digest });
  });

  it('writes the phases as calendar events', async () => {
    await lab.ok(['experiment', 'calendar', '--out', lab.file('experiment.ics')]);
    const ics = readFileSync(lab.file('experiment.ics'), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    const events = ics.split(/BEGIN:VEVENT/).slice(1);
    const passive = events.find((e) => e.includes(`UID:${id}-passive@whetstone`));
    const focused = events.find((e) => e.includes(`UID:${id}-focused@whetstone`));
    expect(passive).toContain('A week of noticing');
    expect(passive).toContain(`DTSTART:${icsInstant(started.phases[0].startedAt!)}`);
    expect(passive).toContain(`DTEND:${icsInstant(started.phases[0].plannedEnd)}`);
    expect(focused).toContain('One focused session');
    expect(focused).toContain(`DTSTART:${icsInstant(started.phases[1].plannedStart)}`);
  });

  it('files ideas captured during the week in the passive phase and reminds without nagging', async () => {
    let day = 1;
    for (const text of passiveRatings.keys()) {
      lab.offset = day * DAY - 6 * HOUR + day * MINUTE;
      const capture = await lab.ok(['idea', text]);
      expect(capture.stdout).toMatch(/^[0-9a-z]{10}\n$/);
      expect(capture.stderr).toMatch(
        /^Experiment: A week of noticing — \d+ (days|hours) left \(whet experiment status\)\n$/,
      );
      day++;
    }
    // On the last day, 6½ days in: 21½ hours less a few seconds are left.
    lab.offset = 6 * DAY + 2.5 * HOUR;
    const view = await lab.json<ExperimentView>(['experiment', 'status']);
    expect(view.recorded).toEqual({ passive: 6, focused: 0 });
    const reminder = `${view.status.headline} (whet experiment status)\n`;
    expect(reminder).toBe('Experiment: A week of noticing — 21 hours left (whet experiment status)\n');

    // The fast capture path and the full CLI end with the very same line.
    const fast = await lab.ok(['idea', 'Same line from the fast path', '--json']);
    expect(fast.stderr).toBe('');
    const fastIdea = JSON.parse(fast.stdout) as { id: string };
    await lab.ok(['idea', 'delete', fastIdea.id]);
    const viaFast = await lab.ok(['idea', 'Checked on the fast path']);
    // Two --db flags send `whet idea` to the full CLI (the fast path declines them).
    const viaFull = await lab.ok(['--db', lab.db, 'idea', 'Checked on the full CLI', '--db', lab.db]);
    expect(viaFast.stderr).toBe(reminder);
    expect(viaFull.stderr).toBe(reminder);
    for (const out of [viaFast, viaFull]) await lab.ok(['idea', 'delete', out.stdout.trim()]);

    // Other commands: one line after their output; not with --json; not the experiment commands.
    const ideas = await lab.ok(['ideas']);
    expect(ideas.stdout).toContain('Block Friday afternoons for reading');
    expect(ideas.stderr).toBe(reminder);
    expect((await lab.ok(['ideas', '--json'])).stderr).toBe('');
    expect((await lab.ok(['areas'])).stderr).toBe(reminder);
    const status = await lab.ok(['experiment', 'status']);
    expect(status.stderr).toBe('');
    expect(status.stdout).toContain(`A week vs 20 minutes  (id ${id}, passive)`);
    expect(status.stdout).toContain('Experiment: A week of noticing — 21 hours left');
    expect(status.stdout).toMatch(/A week of noticing +7 days, .*, 6 ideas/);
    expect(status.stdout).toMatch(/Time left +21 hours of A week of noticing/);
    expect(status.stdout).toMatch(
      /Next +whet experiment next — end A week of noticing and start One focused session/,
    );
  });

  it('refuses to end the week early without --early, then starts the focused phase when it is over', async () => {
    lab.offset = 3 * DAY;
    await lab.fails(['experiment', 'next'], 'A week of noticing runs until', '--early');
    expect((await lab.json<ExperimentView>(['experiment', 'status'])).state).toBe('passive');
    // A focused session during the week is asked for first; piped, nobody can answer.
    await lab.fails(['session'], 'ideas from a focused session do not count to it', '--outside-experiment');
    expect(await lab.json<unknown[]>(['sessions', '--json'])).toEqual([]);

    lab.offset = 7 * DAY + MINUTE;
    const due = await lab.json<ExperimentView>(['experiment', 'status']);
    expect(due.status).toMatchObject({ due: true, nextStep: 'startFocused', msLeft: 0 });
    expect((await lab.ok(['ideas'])).stderr).toBe(
      'Experiment: A week of noticing is over; ideas you note now count to no phase until you start one focused session (whet experiment next)\n',
    );
    const next = await lab.ok(['experiment', 'next']);
    expect(next.stdout).toContain('Ended A week of noticing (6 ideas).');
    expect(next.stdout).toContain('Started One focused session: 20 minutes, until ');
    expect(next.stdout).toContain('Run your session now: whet session — it is this phase');
  });

  it('files ideas of the focused session in the focused phase; rating waits until it is over', async () => {
    let minute = 2;
    for (const text of focusedRatings.keys()) {
      lab.offset = 7 * DAY + minute * MINUTE;
      const capture = await lab.ok(['idea', text]);
      expect(capture.stderr).toMatch(
        /^Experiment: One focused session — \d+ minutes left \(whet experiment status\)\n$/,
      );
      minute += 2;
    }
    lab.offset = 7 * DAY + 15 * MINUTE;
    await lab.fails(['experiment', 'rate'], 'focused phase runs until');
    const still = await lab.json<ExperimentView>(['experiment', 'status']);
    expect(still).toMatchObject({
      state: 'focused',
      ratingStartedAt: null,
      recorded: { passive: 6, focused: 5 },
    });
  });

  it('triages blind, then rates from piped stdin: one idea text at a time, q keeps the ratings', async () => {
    lab.offset = 7 * DAY + 30 * MINUTE;
    expect((await lab.json<ExperimentView>(['experiment', 'status'])).status).toMatchObject({
      due: true,
      nextStep: 'startRating',
    });
    const ideas = await lab.json<Idea[]>(['ideas', '--all']);
    // The triage lists all 11 ideas, mixed; one is set aside, then kept after all.
    let run = await lab.ok(['experiment', 'rate'], '3\n\n3\n\nq\n');
    expect(run.stdout).toContain('Blind triage: the 11 ideas of both phases, mixed.');
    const listed = [...run.stdout.matchAll(/^ {2}(?: |\d)\d\. (.+)$/gm)].map((m) => m[1]!);
    expect([...listed].sort()).toEqual([...allRatings.keys()].sort());
    expect(run.stdout).toContain('Set aside 3: Not an improvement idea');
    expect(run.stdout).toContain('Kept 3 after all');
    expect(run.stdout).toContain('Triage finished: 0 ideas set aside, 11 ideas to rate.');
    expect(run.stdout).toContain('Blind rating: 11 ideas to rate');
    const seen: string[] = [];
    for (;;) {
      const texts = shownTexts(run.stdout);
      const current = texts.at(-1);
      if (current === undefined || run.stdout.includes('All 11 ideas rated')) break;
      // Nothing about the idea but its text: no phase, no date, no source, no id.
      const besideTexts = texts.reduce((rest, text) => rest.replaceAll(text, ''), run.stdout);
      expect(besideTexts).not.toMatch(/passive|focused|noticing|session|noticed|\d{4}-\d\d|\d\d:\d\d/i);
      for (const idea of ideas) expect(besideTexts).not.toContain(idea.id);
      expect(allRatings.has(current), `shown text: ${current}`).toBe(true);
      expect(seen).not.toContain(current);
      seen.push(current);
      // An invalid line rates nothing; "l" puts the idea off and shows another one while any is left.
      const putOff = shownTexts((await lab.ok(['experiment', 'rate'], 'x\nl\nq\n')).stdout);
      const left = 11 - seen.length + 1;
      expect(putOff[0]).toBe(current);
      if (left > 1) expect(putOff[1]).not.toBe(current);
      else expect(putOff[1]).toBe(current);
      // A new run starts from the frozen order again, so the idea is back first.
      run = await lab.ok(['experiment', 'rate'], `x\n${allRatings.get(current)}\nq\n`);
      expect(run.stdout).toContain('is not a rating');
      expect(shownTexts(run.stdout)[0]).toBe(current);
    }
    expect(seen.length).toBe(11);
    // All rated, not finished: the ratings are listed and can still change.
    expect(run.stdout).toContain('All 11 ideas rated. Until you finish, any rating can still change:');
    expect((await lab.json<ExperimentView>(['experiment', 'status', id])).state).toBe('rating');
  });

  it('changes a rating and undoes the last one before f finishes the rating', async () => {
    const review = await lab.ok(['experiment', 'rate'], 'q\n');
    const rated = [...review.stdout.matchAll(/^ +(\d+)\. \[(\d)\] (.+)$/gm)].map((m) => ({
      value: Number(m[2]),
      text: m[3]!,
    }));
    expect(rated.length).toBe(11);
    for (const r of rated) expect(r.value, r.text).toBe(allRatings.get(r.text));
    const first = rated[0]!;
    const other = first.value === 5 ? 4 : 5;
    // Change #1 to another value and back; undo takes back that latest rating, which is given again.
    const fixed = await lab.ok(
      ['experiment', 'rate'],
      `1\n${other}\n1\n${first.value}\nu\n${first.value}\nf\n`,
    );
    expect(fixed.stdout).toContain(`Changed 1 to ${other}.`);
    expect(fixed.stdout).toContain(`Changed 1 to ${first.value}.`);
    expect(fixed.stdout).toContain('Taken back: your last rating');
    expect(shownTexts(fixed.stdout)).toEqual([first.text]);
    expect(fixed.stdout).toContain('All 11 ideas rated. The experiment is finished.');
    const done = await lab.json<ExperimentView>(['experiment', 'status', id]);
    expect(done.state).toBe('reported');
    // Finished: no reminder any more.
    expect((await lab.ok(['ideas'])).stderr).toBe('');
  });

  it('reports numbers equal to the ratings given', async () => {
    const report = await lab.json<ExperimentReportView>(['experiment', 'report']);
    if (report.kind !== 'ideas') throw new Error('expected an idea report');
    const expectPhase = (phase: (typeof report.phases)[number], ratings: Map<string, number>) => {
      const values = [...ratings.values()];
      const total = values.reduce((a, b) => a + b, 0);
      expect(phase.count).toBe(values.length);
      expect(phase.rated).toBe(values.length);
      expect(phase.totalValue).toBe(total);
      expect(phase.meanValue).toBeCloseTo(total / values.length, 12);
      expect(phase.highValueCount).toBe(values.filter((v) => v >= 4).length);
      expect(phase.ratings).toEqual([1, 2, 3, 4, 5].map((r) => values.filter((v) => v === r).length));
      for (const best of phase.best) expect(ratings.get(best.text)).toBe(best.value);
      expect(phase.best[0]!.value).toBe(Math.max(...values));
    };
    expectPhase(report.phases[0], passiveRatings);
    expectPhase(report.phases[1], focusedRatings);
    // 21 vs 15 total value: 6 / 21 = 29% of the larger, beyond the 20% "about the same" band, so
    // focused won. The prediction was "at least half as much again" (+50%); 21 / 15 = 1.4, +40%:
    // the right direction, but smaller than predicted, so the prediction did not match.
    expect(report.verdict).toMatchObject({
      outcome: 'focused',
      predictionMatched: false,
      trust: 'low',
      predictionCheck: {
        match: 'smaller-than-predicted',
        predicted: { relative: 0.5, bound: 'at-least' },
      },
    });
    expect(report.verdict.predictionCheck.observed).toBeCloseTo(0.4, 12);

    const text = await lab.ok(['experiment', 'report']);
    expect(text.stdout).toMatch(
      /phase +ideas +rated +total value +mean per idea +valued 4-5 +ratings 1\/2\/3\/4\/5/,
    );
    expect(text.stdout).toMatch(/A week of noticing +6 +6 +15 +2\.50 +1 +1\/2\/2\/1\/0/);
    expect(text.stdout).toMatch(/One focused session +5 +5 +21 +4\.20 +4 +0\/0\/1\/2\/2/);
    expect(text.stdout).toContain('Prediction  One focused session wins (by at least half as much again)');
    expect(text.stdout).toContain(
      'Verdict     Right direction, smaller than predicted (predicted ≥ +50%, observed +40%).',
    );
    expect(text.stdout).not.toContain('Matched');
    expect(text.stdout).toContain('Trust       low:');
  });

  it('writes a result card that validates and holds idea texts only with --texts', async () => {
    const plain = lab.file('card.json');
    await lab.ok(['experiment', 'card', '--out', plain]);
    const body = readFileSync(plain, 'utf8');
    const card = parseCard(JSON.parse(body));
    expect(card.textsShared).toBe(false);
    expect(card.texts).toBeUndefined();
    for (const text of allRatings.keys()) expect(body).not.toContain(text);
    expect(card.phases.map((p) => [p.key, p.count, p.valueSum])).toEqual([
      ['passive', 6, 15],
      ['focused', 5, 21],
    ]);

    const withTexts = lab.file('card-texts.json');
    await lab.ok(['experiment', 'card', id, '--out', withTexts, '--texts']);
    const shared = parseCard(JSON.parse(readFileSync(withTexts, 'utf8')));
    expect(shared.participant).toBe(card.participant);
    expect(new Map(shared.texts!.map((t) => [t.text, t.value]))).toEqual(allRatings);
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * The second rater's side runs in the web page; here it runs through the real services on the
 * CLI's own database file, with the CLI's clock, between the `whet` runs.
 */
async function asSecondRater(
  lab: WhetLab,
  work: (rater: ReturnType<typeof createServices>['secondRater']) => Promise<void>,
): Promise<void> {
  const store = await openStore({ engine: 'sqlite', path: lab.db });
  try {
    await work(createServices(store, { clock: () => new Date(Date.now() + lab.offset) }).secondRater);
  } finally {
    await store.close();
  }
}

describe('a second rater through the CLI', { timeout: 180_000 }, () => {
  const lab = new WhetLab(dirs);
  // Mine (by text) and the second rater's values; the second rater is one lower on passive ideas.
  const ideas = new Map([
    ['Keep a running list of questions for my supervisor', { phase: 0, mine: 3, theirs: 2 }],
    ['Block Friday afternoons for reading', { phase: 0, mine: 4, theirs: 3 }],
    ['Stop checking email before ten', { phase: 0, mine: 1, theirs: 1 }],
    ['Pre-register the analysis plan for the next study', { phase: 1, mine: 5, theirs: 5 }],
    ['Time-box literature searches to 45 minutes', { phase: 1, mine: 3, theirs: 4 }],
  ]);
  let id: string;
  let token: string;
  const rated: string[] = [];

  it('is refused until the triage is finished; then prints the link once', async () => {
    ({ id } = await lab.json<ExperimentView>([
      'experiment',
      'start',
      '--predict',
      'Focused minutes win',
      '--favour',
      'focused',
    ]));
    lab.offset = HOUR;
    for (const [text, idea] of ideas) if (idea.phase === 0) await lab.ok(['idea', text]);
    lab.offset = 7 * DAY + MINUTE;
    await lab.ok(['experiment', 'next']);
    lab.offset = 7 * DAY + 2 * MINUTE;
    for (const [text, idea] of ideas) if (idea.phase === 1) await lab.ok(['idea', text]);
    lab.offset = 7 * DAY + 5 * MINUTE;
    await lab.fails(['experiment', 'second-rater', id], 'once the blind triage is finished');
    expect((await lab.ok(['experiment', 'second-rater', '--status'])).stdout).toBe(
      `No second rater. Invite one with: whet experiment second-rater ${id} [--name NAME]\n`,
    );

    // Keep every idea in the triage (Enter), then rate my own values one run at a time.
    lab.offset = 7 * DAY + 30 * MINUTE;
    let run = await lab.ok(['experiment', 'rate'], '\nq\n');
    while (!run.stdout.includes('All 5 ideas rated')) {
      const current = shownTexts(run.stdout).at(-1)!;
      run = await lab.ok(['experiment', 'rate'], `${ideas.get(current)!.mine}\nq\n`);
    }

    const invited = await lab.ok(['experiment', 'second-rater', id, '--name', 'Cora']);
    const link = /^ {2}(http:\/\/127\.0\.0\.1:4545\/rate\/\S+)$/m.exec(invited.stdout)?.[1];
    expect(link, invited.stdout).toBeDefined();
    token = link!.split('/').at(-1)!;
    expect(invited.stdout).toContain('Send this link to Cora (shown only now; keep it private):');
    expect(invited.stdout).toContain('They rate the 5 kept idea texts blind');
    expect(invited.stdout).toContain('The link works while whet serve runs on this machine');
    const status = await lab.json<SecondRaterStatus>(['experiment', 'second-rater', id, '--status']);
    expect(status.invitation).toMatchObject({ raterName: 'Cora', rated: 0, total: 5, linkEnded: false });
    expect(JSON.stringify(status)).not.toContain(token);
  });

  it('prints their section after the verdict: per phase, both rated, kappa with its reading, not finished', async () => {
    // Before anybody rated, the report has no second-rater section; the rating finishes with f.
    await lab.ok(['experiment', 'rate'], 'f\n');
    expect((await lab.ok(['experiment', 'report'])).stdout).not.toContain('Second rater');
    await asSecondRater(lab, async (rater) => {
      let queue = await rater.queue(token);
      // All but one: the pair count and the "not finished" line can then be checked.
      while (queue.next && queue.rated < 4) {
        const text = queue.next.text;
        queue = await rater.rate(token, { token: queue.next.token, value: ideas.get(text)!.theirs });
        rated.push(text);
      }
    });
    const json = await lab.json<ExperimentReportView>(['experiment', 'report']);
    if (json.kind !== 'ideas' || !json.secondRater) throw new Error('expected a second-rater section');
    const section = json.secondRater;
    expect(section).toMatchObject({ raterName: 'Cora', finished: false, rated: 4, total: 5 });
    const expectedKappa = weightedKappa(
      rated.map((text): [number, number] => [ideas.get(text)!.mine, ideas.get(text)!.theirs]),
      5,
      'quadratic',
    ).kappa;
    expect(section.agreement.kappa).toBe(expectedKappa);

    const text = (await lab.ok(['experiment', 'report'])).stdout;
    const after = text.slice(text.indexOf('Trust       '));
    expect(after).toContain('\nSecond rater  Cora: not finished yet, rated 4 of 5 kept ideas so far\n');
    expect(after).toMatch(/ {2}phase +rated +mean per idea +valued 4-5\n/);
    for (const [index, phase] of json.experiment.phases.entries()) {
      const theirs = rated.filter((t) => ideas.get(t)!.phase === index).map((t) => ideas.get(t)!.theirs);
      const mean = (theirs.reduce((a, b) => a + b, 0) / theirs.length).toFixed(2);
      const high = theirs.filter((v) => v >= 4).length;
      expect(after).toMatch(new RegExp(`\\n {2}${phase.label} +${theirs.length} +${mean} +${high}\\n`));
    }
    expect(after).toContain('\nBoth rated  4 ideas\n');
    expect(after).toContain(
      `\nAgreement   weighted kappa (quadratic): ${expectedKappa!.toFixed(2)} (${section.agreement.band}, Landis & Koch 1977)\n`,
    );
    expect(after).toContain('Cora has not finished yet, so this may still change.');
    expect(after).toContain(
      "\nNote        The verdict above rests on your own blind ratings only; Cora's are shown beside them as a check.\n",
    );
  });

  it('says when they finished; withdrawn, the section leaves the report', async () => {
    await asSecondRater(lab, async (rater) => {
      const queue = await rater.queue(token);
      const last = queue.next!;
      await rater.rate(token, { token: last.token, value: ideas.get(last.text)!.theirs });
      await rater.finish(token);
    });
    const text = (await lab.ok(['experiment', 'report'])).stdout;
    expect(text).toContain('\nSecond rater  Cora: finished, rated 5 of 5 kept ideas\n');
    expect(text).toContain('\nBoth rated  5 ideas\n');
    expect(text).not.toContain('has not finished yet');
    expect((await lab.ok(['experiment', 'second-rater', id, '--status'])).stdout).toMatch(
      /^Cora: finished \d{4}-\d\d-\d\d \d\d:\d\d, 5 of 5 rated \(invited \d{4}-\d\d-\d\d \d\d:\d\d\)\n$/,
    );
    expect((await lab.ok(['experiment', 'second-rater', id, '--withdraw'])).stdout).toBe(
      `withdrew the second rater's link of ${id}\n`,
    );
    expect((await lab.ok(['experiment', 'report'])).stdout).not.toContain('Second rater');
    expect(await lab.json<SecondRaterStatus>(['experiment', 'second-rater', id, '--status'])).toEqual({
      invitation: null,
    });
    const both = await lab.run(['experiment', 'second-rater', id, '--withdraw', '--name', 'X']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/option '--withdraw' cannot be used with option '--name/);
  });

  it('invites with --json: the link and its token, once', async () => {
    const created = await lab.json<NewSecondRaterLink>(['experiment', 'second-rater', id]);
    expect(created.link).toBe(`http://127.0.0.1:4545/rate/${created.token}`);
    expect(created.invitation).toMatchObject({ raterName: null, rated: 0, total: 5 });
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * Exact two-sided Mann-Whitney p-value by enumerating every way to split the pooled ranks into
 * two groups of the given sizes (no ties): p = 2·P(U ≤ u), capped at 1 (Mann & Whitney 1947; the
 * convention of R's wilcox.test with exact = TRUE).
 */
function exactMannWhitneyP(u: number, m: number, n: number): number {
  const ranks = Array.from({ length: m + n }, (_, i) => i + 1);
  let total = 0;
  let atMost = 0;
  const choose = (start: number, picked: number[]) => {
    if (picked.length === m) {
      const uA = picked.reduce((a, b) => a + b, 0) - (m * (m + 1)) / 2;
      total++;
      if (Math.min(uA, m * n - uA) <= u) atMost++;
      return;
    }
    for (let i = start; i < ranks.length; i++) choose(i + 1, [...picked, ranks[i]!]);
  };
  choose(0, []);
  // min(U, mn − U) ≤ u counts both tails at once; the distribution is symmetric.
  return Math.min(1, atMost / total);
}

describe('baseline vs change with whet measure', { timeout: 120_000 }, () => {
  const lab = new WhetLab(dirs);
  const baseline = [7, 9, 6, 8, 10];
  const change = [4, 6.5, 3, 5, 2];

  it('compares the phases with a Mann-Whitney test that matches a hand count', async () => {
    // Logged before the experiment starts: in neither phase.
    await lab.ok(['measure', 'Interruptions', '50']);
    lab.offset = MINUTE;
    await lab.ok([
      'experiment',
      'start',
      '--template',
      'baseline-vs-change',
      '--predict',
      'Fewer interruptions with the phone in another room',
      '--favour',
      'focused',
      '--length',
      'baseline=5',
      '--length',
      'change=5',
      '--measure',
      'interruptions',
      '--unit',
      'per day',
      '--better',
      'lower',
    ]);
    const started = await lab.json<ExperimentView>(['experiment', 'status']);
    expect(started.measurement).toEqual({ name: 'interruptions', unit: 'per day', better: 'lower' });
    for (const [day, value] of baseline.entries()) {
      lab.offset = day * DAY + 3 * HOUR;
      const logged = await lab.ok(['measure', 'interruptions', String(value)]);
      expect(logged.stdout).toMatch(new RegExp(`^logged interruptions = ${value} at `));
      expect(logged.stderr).toMatch(
        /^Experiment: Baseline — \d+ (days|hours) left \(whet experiment status\)\n$/,
      );
    }
    lab.offset = 5 * DAY + 2 * MINUTE;
    expect((await lab.ok(['experiment', 'next'])).stdout).toContain(
      'Started With the change: 5 days, until ',
    );
    const changeStart = Date.parse(
      (await lab.json<ExperimentView>(['experiment', 'status'])).phases[1].startedAt!,
    );
    for (const [day, value] of change.entries()) {
      lab.offset = (5 + day) * DAY + 3 * HOUR;
      if (day === 0) {
        // --at dates a value explicitly (here: two hours into the change phase).
        const at = new Date(changeStart + 2 * HOUR).toISOString();
        const entry = await lab.json<MeasurementEntry>([
          'measure',
          'INTERRUPTIONS',
          String(value),
          '--at',
          at,
          '--note',
          'first day',
        ]);
        expect(entry).toMatchObject({ value, at, note: 'first day' });
      } else {
        await lab.ok(['measure', 'interruptions', String(value)]);
      }
    }
    const all = await lab.json<MeasurementEntry[]>(['measurements', 'interruptions']);
    expect(all.map((e) => e.value)).toEqual([50, ...baseline, ...change]);

    lab.offset = 10 * DAY + 5 * MINUTE;
    expect((await lab.ok(['experiment', 'next'])).stdout).toContain('The experiment is finished.');
    const report = await lab.json<ExperimentReportView>(['experiment', 'report']);
    if (report.kind !== 'measurement') throw new Error('expected a measurement report');
    const { phases, mannWhitney, medianDifference, verdict } = report.report;
    expect(phases.map((p) => p.n)).toEqual([5, 5]);
    expect(phases[0].mean).toBe(8);
    expect(phases[1].mean).toBeCloseTo(4.1, 12);
    // By hand: of the 25 (baseline, change) pairs only (6, 6.5) has the change value higher,
    // so U(baseline) = 24, U(change) = 1 and U = min = 1; no ties, so the test is exact.
    const changeHigher = baseline.flatMap((x) => change.filter((y) => y > x)).length;
    expect(changeHigher).toBe(1);
    expect(mannWhitney).toMatchObject({ u: 1, method: 'exact' });
    // Splits of ranks 1..10 into 5 + 5 with U ≤ 1 on either side: 4 of C(10,5) = 252.
    expect(exactMannWhitneyP(1, 5, 5)).toBeCloseTo(4 / 252, 15);
    expect('pValue' in mannWhitney && mannWhitney.pValue).toBeCloseTo(4 / 252, 12);
    // Medians 8 (baseline) and 4 (change).
    expect(medianDifference?.estimate).toBe(-4);
    expect(verdict).toMatchObject({ outcome: 'focused', predictionMatched: true });

    const text = await lab.ok(['experiment', 'report']);
    expect(text.stdout).toContain('Measuring interruptions (per day); lower is better');
    expect(text.stdout).toMatch(/Baseline +5 +8 +8 /);
    expect(text.stdout).toContain('Mann-Whitney U = 1 (exact): two-sided p = 0.016');
    // A measurement's verdict checks the direction only, and says so.
    expect(text.stdout).toContain('Verdict     Matched in direction.');
    expect(text.stdout).toContain(
      'Median difference (With the change − Baseline): -4 per day, 95% bootstrap interval',
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('bad input: one clear line, exit 1, nothing written', { timeout: 120_000 }, () => {
  const lab = new WhetLab(dirs);
  const start = ['experiment', 'start', '--predict', 'Focused wins'];

  async function nothingStarted(): Promise<void> {
    expect(await lab.json<ExperimentView[]>(['experiment', 'list'])).toEqual([]);
  }

  it('refuses a favoured phase that does not exist', async () => {
    await lab.ok(['idea', 'Creates the database']);
    await lab.fails([...start, '--favour', 'maybe'], '--favour', 'focused, passive, no-difference');
    await nothingStarted();
  });

  it('refuses an unknown template', async () => {
    await lab.fails(
      [...start, '--favour', 'focused', '--template', 'a-month-vs-a-day'],
      '--template',
      'a-month-vs-a-day',
      'week-vs-20-minutes',
    );
    await nothingStarted();
  });

  it('refuses a phase length given twice, an unknown phase and a length out of range', async () => {
    await lab.fails(
      [...start, '--favour', 'focused', '--length', 'passive=7', '--length', 'passive=3'],
      '--length',
      'passive',
      'twice',
    );
    await lab.fails(
      [...start, '--favour', 'focused', '--length', 'weekend=2'],
      '--length weekend',
      'not a phase',
    );
    await lab.fails(
      [...start, '--favour', 'focused', '--length', 'passive=60'],
      '--length passive',
      '1 to 28 days',
    );
    await lab.fails([...start, '--favour', 'focused', '--length', 'seven'], '--length', 'KEY=N');
    await nothingStarted();
  });

  it('refuses to rate before the focused phase ends, and changes nothing', async () => {
    await lab.ok([...start, '--favour', 'passive', '--length', 'passive=1']);
    await lab.fails(['experiment', 'rate'], 'state passive');
    lab.offset = DAY + MINUTE;
    await lab.ok(['experiment', 'next']);
    await lab.ok(['idea', 'A focused idea']);
    const before = await lab.json<ExperimentView>(['experiment', 'status']);
    lab.offset = DAY + 10 * MINUTE;
    await lab.fails(['experiment', 'rate'], 'focused phase runs until', before.phases[1].plannedEnd);
    const after = await lab.json<ExperimentView>(['experiment', 'status']);
    expect(after).toMatchObject({ state: 'focused', ratingStartedAt: null, phases: before.phases });
  });

  it('asks for --yes before abandoning; abandoned, the reminder stops', async () => {
    await lab.fails(['experiment', 'abandon'], '--yes');
    expect((await lab.json<ExperimentView>(['experiment', 'status'])).state).toBe('focused');
    expect((await lab.ok(['experiment', 'abandon', '--yes'])).stdout).toContain('abandoned');
    expect((await lab.ok(['ideas'])).stderr).toBe('');
    await lab.fails(['experiment', 'status'], 'none is running');
  });

  it('refuses a measurement that is not a number', async () => {
    await lab.fails(['measure', 'focus', 'high'], 'value');
    expect(await lab.json<MeasurementEntry[]>(['measurements'])).toEqual([]);
  });
});
