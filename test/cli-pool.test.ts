/**
 * Pools of result cards in the CLI, end to end: the test generates result cards from a seeded
 * random sequence, writes them as files, imports them with the real built `whet pool import`
 * into a SQLite file in a temp folder, and checks `whet pool report --json` against statistics it
 * computes itself with small independent implementations (formulas cited where they are used).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolReport, PoolSummary } from '../src/core/experiments/pool.js';
import { cliEnv, describeRun, expectCliError, type RunResult, runWhet } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let root: string;
let db: string;

beforeAll(() => {
  assertCliBuilt();
  root = dirs.make('whet-pool');
  db = join(root, 'whet.db');
});
afterAll(() => dirs.cleanup());

async function whet(args: readonly string[]): Promise<RunResult> {
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root, WHETSTONE_DB: db });
  const result = await runWhet(args, { env });
  expect(result.timedOut, `timed out:\n${describeRun(args, result)}`).toBe(false);
  return result;
}

async function ok(args: readonly string[]): Promise<string> {
  const result = await whet(args);
  expect(result.code, describeRun(args, result)).toBe(0);
  return result.stdout;
}

async function okJson<T>(args: readonly string[]): Promise<T> {
  return JSON.parse(await ok([...args, '--json'])) as T;
}

/** Expects exit 1 and one stderr line "whet: ..." containing each of `mentions`. */
async function fails(args: readonly string[], ...mentions: string[]): Promise<void> {
  expectCliError(args, await whet(args), mentions);
}

function writeJson(name: string, value: unknown): string {
  const path = join(root, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Generated cards

/** mulberry32: a small seeded generator, so the cards are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Phase {
  key: string;
  unit: 'days' | 'minutes';
  length: number;
  count: number;
  valueSum: number;
  ratings: [number, number, number, number, number];
}

interface Card {
  format: 'whetstone-result-card';
  version: 1;
  participant: string;
  templateId: string;
  templateVersion: number;
  ratingScale: { min: 1; max: 5 };
  phases: [Phase, Phase];
  textsShared: false;
}

function phaseOf(key: string, unit: Phase['unit'], length: number, values: number[]): Phase {
  const ratings: Phase['ratings'] = [0, 0, 0, 0, 0];
  for (const v of values) ratings[v - 1]! += 1;
  return { key, unit, length, count: values.length, valueSum: values.reduce((a, b) => a + b, 0), ratings };
}

function generateCards(n: number, seed: number): Card[] {
  const random = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return Array.from({ length: n }, (_, i) => {
    const passive = Array.from({ length: int(2, 12) }, () => int(1, 5));
    const focused = Array.from({ length: int(2, 9) }, () => int(2, 5));
    return {
      format: 'whetstone-result-card',
      version: 1,
      participant: `participant-${seed}-${String(i).padStart(3, '0')}`,
      templateId: 'week-vs-20-minutes',
      templateVersion: 1,
      ratingScale: { min: 1, max: 5 },
      phases: [
        phaseOf('passive', 'days', int(5, 9), passive),
        phaseOf('focused', 'minutes', int(15, 30), focused),
      ],
      textsShared: false,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Independent statistics

/** Standard normal 97.5% quantile, for a 95% interval. */
const Z_975 = 1.959963984540054;

/**
 * Wilson score interval (Wilson 1927; Newcombe 1998, method 3):
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 */
function wilson(successes: number, n: number): { estimate: number; lower: number; upper: number } {
  const p = successes / n;
  const z2 = Z_975 * Z_975;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { estimate: p, lower: centre - half, upper: centre + half };
}

/** Exact two-sided sign test: p = min(1, 2·Σ_{i≤k} C(n,i) / 2ⁿ) with k the smaller count, in exact integers. */
function signTestP(positive: number, negative: number): number {
  const n = positive + negative;
  const k = Math.min(positive, negative);
  let choose = 1n;
  let tail = 0n;
  for (let i = 0; i <= k; i++) {
    tail += choose;
    choose = (choose * BigInt(n - i)) / BigInt(i + 1);
  }
  return Math.min(1, (2 * Number(tail)) / 2 ** n);
}

/** Ranks 1..n of `values`, ties getting the average of the ranks they span. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let j = start; j <= end; j++) ranks[order[j]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/** Standard normal CDF from erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Wilcoxon signed-rank W+ over the non-zero differences, and its normal-approximation p with the
 * tie correction of the variance, n(n+1)(2n+1)/24 − Σ(t³−t)/48, and a continuity correction of ½
 * (as R's wilcox.test with correct = TRUE).
 */
function wilcoxon(differences: readonly number[]): { n: number; wPlus: number; p: number } {
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  const ranks = averageRanks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((sum, r, i) => (nonZero[i]! > 0 ? sum + r : sum), 0);
  const counts = new Map<number, number>();
  for (const d of nonZero) counts.set(Math.abs(d), (counts.get(Math.abs(d)) ?? 0) + 1);
  const tieTerm = [...counts.values()].reduce((sum, t) => sum + (t ** 3 - t), 0);
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  const diff = wPlus - mean;
  const z = (diff - Math.sign(diff) * 0.5) / Math.sqrt(variance);
  return { n, wPlus, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------

describe('whet pool with 32 generated cards', { timeout: 120_000 }, () => {
  const cards = generateCards(32, 20261123);
  const differences = cards.map((c) => c.phases[1].valueSum - c.phases[0].valueSum);
  let pool: PoolSummary;
  let singleFiles: string[];
  let listFile: string;
  let wrappedFile: string;

  it('imports single-card files, a JSON array and {cards: [...]} in one batch', async () => {
    pool = await okJson<PoolSummary>(['pool', 'create', 'Lab retreat 2026']);
    expect(pool).toMatchObject({
      name: 'Lab retreat 2026',
      templateId: 'week-vs-20-minutes',
      participants: 0,
    });
    singleFiles = cards.slice(0, 20).map((card, i) => writeJson(`card-${i}.json`, card));
    listFile = writeJson('list.json', cards.slice(20, 26));
    wrappedFile = writeJson('wrapped.json', { cards: cards.slice(26) });
    const out = await ok(['pool', 'import', 'lab retreat 2026', ...singleFiles, listFile, wrappedFile]);
    expect(out).toBe('added 32, already in the pool 0; Lab retreat 2026 now has 32 participants\n');
    const pools = await okJson<PoolSummary[]>(['pool', 'list']);
    expect(pools.map((p) => [p.id, p.participants])).toEqual([[pool.id, 32]]);
  });

  it('counts a card imported again once', async () => {
    expect(await ok(['pool', 'import', pool.id, singleFiles[3]!, listFile])).toBe(
      'added 0, already in the pool 7; Lab retreat 2026 now has 32 participants\n',
    );
  });

  it('refuses a tampered card, a card of another template version and a truncated file; imports nothing', async () => {
    const newcomer = generateCards(1, 7)[0]!;
    const newcomerFile = writeJson('newcomer.json', newcomer);
    const tampered = structuredClone(cards[5]!);
    tampered.participant = 'p-tampered-1';
    tampered.phases[0].valueSum += 1;
    const tamperedFile = writeJson('tampered.json', tampered);
    await fails(
      ['pool', 'import', pool.id, newcomerFile, tamperedFile],
      'tampered.json',
      'phases.0.valueSum',
    );

    const otherVersion = { ...structuredClone(cards[6]!), participant: 'p-version-2', templateVersion: 2 };
    const versionFile = writeJson('version-2.json', [newcomer, otherVersion]);
    await fails(['pool', 'import', pool.id, versionFile], 'version-2.json (card 2)', 'version 2');

    const truncatedFile = join(root, 'truncated.json');
    writeFileSync(truncatedFile, JSON.stringify(newcomer).slice(0, 80));
    await fails(['pool', 'import', pool.id, newcomerFile, truncatedFile], 'truncated.json', 'not valid JSON');

    const impossible = { ...structuredClone(cards[7]!), participant: 'p-negative-1' };
    impossible.phases[1].count = -1;
    await fails(
      ['pool', 'import', pool.id, writeJson('negative.json', impossible)],
      'negative.json',
      'phases.1.count',
    );

    expect((await okJson<PoolSummary[]>(['pool', 'list']))[0]!.participants).toBe(32);
  });

  it('reports figures equal to an independent computation', async () => {
    const report = await okJson<PoolReport>(['pool', 'report', pool.id]);
    const a = report.analysis;
    const wins = differences.filter((d) => d > 0).length;
    const losses = differences.filter((d) => d < 0).length;
    const ties = differences.filter((d) => d === 0).length;
    // The generated pool must exercise both outcomes for this test to mean something.
    expect(wins).toBeGreaterThan(3);
    expect(losses).toBeGreaterThan(3);

    expect(a.participants).toBe(32);
    expect([a.focusedWins, a.passiveWins, a.ties]).toEqual([wins, losses, ties]);
    expect([...a.differences].sort((x, y) => x - y)).toEqual([...differences].sort((x, y) => x - y));
    const share = wilson(wins, wins + losses);
    expect(a.focusedWinShare!.estimate).toBeCloseTo(share.estimate, 12);
    // To 8 decimals: the app computes the normal quantile numerically, the test takes the constant.
    expect(a.focusedWinShare!.lower).toBeCloseTo(share.lower, 8);
    expect(a.focusedWinShare!.upper).toBeCloseTo(share.upper, 8);

    expect(a.signTest).toMatchObject({ positive: wins, negative: losses, ties });
    expect('pValue' in a.signTest && a.signTest.pValue).toBeCloseTo(signTestP(wins, losses), 12);

    const w = wilcoxon(differences);
    expect(a.wilcoxon).toMatchObject({ n: w.n, wPlus: w.wPlus, method: 'normal' });
    expect('pValue' in a.wilcoxon && a.wilcoxon.pValue).toBeCloseTo(w.p, 5);

    expect(a.medianDifference!.estimate).toBe(median(differences));
    expect(a.medianDifference!.lower).toBeLessThanOrEqual(a.medianDifference!.estimate);
    expect(a.medianDifference!.upper).toBeGreaterThanOrEqual(a.medianDifference!.estimate);

    const points = new Map(report.points.map((p) => [p.participant, [p.passive, p.focused]]));
    for (const card of cards)
      expect(points.get(card.participant)).toEqual([card.phases[0].valueSum, card.phases[1].valueSum]);

    const text = await ok(['pool', 'report', 'Lab retreat 2026']);
    expect(text).toMatch(/^Participants +32$/m);
    expect(text).toMatch(new RegExp(`^Focused won +${wins}; passive won ${losses}; ties ${ties}$`, 'm'));
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(text).toContain(`95% Wilson interval ${pct(share.lower)} to ${pct(share.upper)}`);
    expect(text).toContain(`W+ = ${w.wPlus} over ${w.n} non-zero differences (normal approximation`);

    // The conclusion follows the independently computed p-values: neither below 0.05 is "no
    // evidence either way yet", one of the two is "mixed", both need intervals clear of 0 and 50%.
    const significant = [signTestP(wins, losses), w.p].filter((p) => p < 0.05).length;
    const expected = significant === 0 ? ['none-yet'] : significant === 1 ? ['mixed'] : ['some', 'clear'];
    expect(expected).toContain(report.conclusion.evidence);
    if (significant === 0) {
      expect(report.conclusion).toMatchObject({ favours: null });
      expect(report.conclusion.text).toMatch(/^No evidence either way yet: neither test reaches p < 0\.05/);
    }
    expect(text.trimEnd().split('\n').at(-1)).toBe(`Conclusion: ${report.conclusion.text}`);
  });

  it('says plainly when a pool is too small for a p-value', async () => {
    const small = await okJson<PoolSummary>(['pool', 'create', 'Pilot']);
    await ok(['pool', 'import', small.id, writeJson('pilot.json', generateCards(4, 99))]);
    const report = await okJson<PoolReport>(['pool', 'report', small.id]);
    expect(report.analysis.participants).toBe(4);
    expect('pValue' in report.analysis.signTest).toBe(false);
    expect('pValue' in report.analysis.wilcoxon).toBe(false);
    const text = await ok(['pool', 'report', 'Pilot']);
    expect(text).toContain('no p-value (see caveats)');
    expect(text).toMatch(/Caveats:\n {2}- .*sign test needs at least 6/);
    expect(report.conclusion).toMatchObject({ evidence: 'too-few', favours: null });
    expect(text).toMatch(
      /\nConclusion: Too few participants to conclude anything yet: \d participants? with a winner, and the tests need at least 6 before any result could reach p < 0\.05\. So far /,
    );
  });
});
