/**
 * Pools in the browser: create a pool, import generated result cards through the file input,
 * read the pooled analysis (checked against values computed here), import a duplicate (counts
 * once) and a tampered card (a clear error, nothing imported), and a pool too small for a test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshAppPerTest, type Page, poll, screenshot, shownText } from './support.js';

const app = freshAppPerTest('whet-pool', /Failed to load resource: .*status of 422/);

type Histogram = [number, number, number, number, number];

function cardPhase(key: string, unit: string, length: number, ratings: Histogram) {
  return {
    key,
    unit,
    length,
    count: ratings.reduce((a, b) => a + b, 0),
    valueSum: ratings.reduce((sum, n, i) => sum + n * (i + 1), 0),
    ratings,
  };
}

type CardPhase = ReturnType<typeof cardPhase>;

/** A valid card whose phases got these ratings (counts of 1s..5s). */
function card(participant: string, passive: Histogram, focused: Histogram) {
  const phases: [CardPhase, CardPhase] = [
    cardPhase('passive', 'days', 7, passive),
    cardPhase('focused', 'minutes', 20, focused),
  ];
  return {
    format: 'whetstone-result-card',
    version: 1,
    participant,
    templateId: 'week-vs-20-minutes',
    templateVersion: 1,
    ratingScale: { min: 1, max: 5 },
    phases,
    textsShared: false,
  };
}

type Card = ReturnType<typeof card>;

/** Writes each card to its own file and returns the paths. */
function writeCards(dir: string, cards: readonly Card[], prefix = 'card'): string[] {
  mkdirSync(dir, { recursive: true });
  return cards.map((c, i) => {
    const path = join(dir, `${prefix}-${String(i + 1).padStart(2, '0')}.json`);
    writeFileSync(path, `${JSON.stringify(c, null, 2)}\n`);
    return path;
  });
}

/** A rating histogram with this many ideas' values summing to `total`: 5s, then one remainder. */
function histogramFor(total: number): Histogram {
  const ratings: Histogram = [0, 0, 0, 0, Math.floor(total / 5)];
  const rest = total % 5;
  if (rest > 0) ratings[rest - 1] = 1;
  return ratings;
}

/** Total values per participant: focused wins, passive wins, ties, and two identical pairs. */
const TOTALS: [number, number][] = [
  [10, 15],
  [8, 20],
  [12, 12],
  [15, 9],
  [5, 14],
  [10, 15],
  [7, 18],
  [20, 11],
  [6, 6],
  [9, 16],
  [11, 19],
  [14, 10],
];

function generated(): Card[] {
  return TOTALS.map(([passive, focused], i) =>
    card(`tester-${String(i).padStart(4, '0')}`, histogramFor(passive), histogramFor(focused)),
  );
}

const difference = (c: Card) => c.phases[1].valueSum - c.phases[0].valueSum;

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Exact two-sided sign test, computed here from the binomial distribution. */
function signTestP(positive: number, negative: number): number {
  const n = positive + negative;
  const k = Math.min(positive, negative);
  let choose = 1;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) choose = (choose * (n - i + 1)) / i;
    tail += choose;
  }
  return Math.min(1, (2 * tail) / 2 ** n);
}

const formatP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

async function createPool(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pools' }).click();
  const form = page.getByRole('form', { name: 'Create a pool' });
  await form.getByLabel('Pool name').fill(name);
  await form.getByRole('button', { name: 'Create pool' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function importFiles(page: Page, paths: readonly string[]): Promise<void> {
  const form = page.getByRole('form', { name: 'Import result cards' });
  await form.getByLabel('Result card files').setInputFiles([...paths]);
  await form.getByRole('button', { name: 'Import cards' }).click();
}

const summary = (page: Page) => page.getByRole('list', { name: 'Pool summary' }).getByRole('listitem');

describe('pools in the browser', () => {
  it('imports card files, reports the pooled analysis, counts a duplicate once and refuses a tampered card', async () => {
    const { page, server, db } = app;
    const cards = generated();
    const paths = writeCards(join(db.dir, 'cards'), cards);
    const differences = cards.map(difference);
    const positive = differences.filter((d) => d > 0).length;
    const negative = differences.filter((d) => d < 0).length;
    const ties = differences.length - positive - negative;
    // The generated cards must exercise wins both ways and a tie, or the checks prove little.
    expect([positive > 0, negative > 0, ties > 0]).toEqual([true, true, true]);

    await page.goto(server.url);
    await createPool(page, 'Autumn cohort');
    await page.getByText('No cards yet.').waitFor();

    await importFiles(page, paths);
    const status = page.getByRole('form', { name: 'Import result cards' }).getByRole('status');
    await poll(() => shownText(status)).toBe('12 cards added. The pool now has 12 participants.');

    // Headline figures.
    await poll(() => summary(page).count()).toBe(3);
    expect(await shownText(summary(page).nth(0))).toBe('Participants 12');
    const share = Math.round((positive / (positive + negative)) * 100);
    const wins = await shownText(summary(page).nth(1));
    expect(wins).toContain(`One focused session won ${share}%`);
    expect(wins).toContain(`${positive} of ${positive + negative} participants with a winner`);
    expect(wins).toMatch(/95% CI \d+% to \d+%/);
    const median = medianOf(differences);
    const medianText = median > 0 ? `+${median}` : median < 0 ? `−${Math.abs(median)}` : '0';
    expect(await shownText(summary(page).nth(2))).toMatch(
      new RegExp(`^Median difference ${medianText.replace('+', '\\+')} 95% bootstrap CI`),
    );

    // The sign test's p-value, computed independently; the Wilcoxon test shows its p-value too.
    const sign = page.locator('.test-result').filter({ hasText: 'Exact sign test' });
    expect(await shownText(sign)).toContain(formatP(signTestP(positive, negative)));
    expect(await shownText(sign)).toContain(`ahead for ${positive}, a week of noticing for ${negative}`);
    const wilcoxon = page.locator('.test-result').filter({ hasText: 'Wilcoxon signed-rank test' });
    expect(await shownText(wilcoxon)).toMatch(/p [=<] 0\.\d{3}/);
    // Tied absolute differences: the normal approximation with tie correction.
    // By hand: |differences| 4(−) 5 5 6(−) 7 8 9 9(−) 11 12 get ranks 1, 2.5, 2.5, 4, 5, 6, 7.5, 7.5,
    // 9, 10; W− = 1 + 4 + 7.5 = 12.5, so W+ = 55 − 12.5 = 42.5 (the web says W+, as the CLI does).
    expect(await shownText(wilcoxon)).toContain(
      `W+ = 42.5 over ${positive + negative} non-zero differences · normal approximation`,
    );
    expect(await page.getByRole('note', { name: 'Caveats' }).count()).toBe(0);

    // The conclusion respects the caveats. Sign test 7 vs 3: p = 2·(1 + 10 + 45 + 120)/1024 = 0.344.
    // Wilcoxon: variance 10·11·21/24 − 2·(2³ − 2)/48 = 96.25 − 0.25 = 96, z = (42.5 − 27.5 − 0.5)/√96
    // = 1.480, p = 0.139. Neither reaches 0.05; Wilson 7/10 is 40% to 89%, which includes 50%.
    expect([positive, negative, ties]).toEqual([7, 3, 2]);
    const conclusion = page.getByRole('region', { name: 'Conclusion' });
    const concluded = await shownText(conclusion.locator('p'));
    expect(concluded).toMatch(
      /^No evidence either way yet: neither test reaches p < 0\.05 \(sign test p = 0\.344, Wilcoxon p = 0\.139\); One focused session won for 7, A week of noticing for 3, 2 ties\./,
    );
    expect(concluded).toContain('the focused-win share’s 95% interval (40% to 89%) includes 50%');
    expect(concluded).toContain('That is not evidence that the two are equal');

    // The paired chart: one point per participant, identical totals drawn once with their count.
    const chart = page.getByRole('figure', { name: 'Each participant’s total value in both phases' });
    expect(await chart.locator('.chart__drawing').getAttribute('aria-label')).toBe(
      `12 participants: ${positive} above the diagonal (One focused session won), ${negative} below it (A week of noticing won), ${ties} on it (tie).`,
    );
    const spots = new Set(cards.map((c) => `${c.phases[0].valueSum}:${c.phases[1].valueSum}`));
    await poll(() => chart.locator('.recharts-scatter-symbol').count()).toBe(spots.size);
    const pointRows = await chart
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[2]?.textContent)));
    expect(pointRows.reduce((a, b) => a + b, 0)).toBe(12);
    await screenshot(page, 'pool-report-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'pool-report-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The same card again plus a new one: the duplicate counts once.
    const extra = writeCards(join(db.dir, 'extra'), [
      card('tester-late-0001', [0, 0, 1, 0, 0], [0, 0, 0, 1, 1]),
    ]);
    await importFiles(page, [paths[3] as string, ...extra]);
    await poll(() => shownText(status)).toBe(
      '1 card added; 1 card was already in the pool and counted once. The pool now has 13 participants.',
    );
    await poll(() => shownText(summary(page).nth(0))).toBe('Participants 13');

    // A tampered card (its value sum no longer matches its ratings): nothing is imported.
    const tampered = structuredClone(cards[1]) as Card;
    tampered.participant = 'tester-tampered';
    tampered.phases[1].valueSum -= 3;
    const bad = writeCards(join(db.dir, 'bad'), [tampered], 'tampered');
    const fresh = writeCards(join(db.dir, 'fresh'), [
      card('tester-fresh-001', [1, 0, 0, 0, 0], [0, 1, 0, 0, 0]),
    ]);
    await importFiles(page, [...fresh, ...bad]);
    const alert = page.getByRole('form', { name: 'Import result cards' }).getByRole('alert');
    await poll(() => shownText(alert)).toMatch(
      /^Nothing was imported\. tampered-01\.json: phases\.1\.valueSum /,
    );
    expect(await shownText(alert)).toContain('does not match the ratings histogram');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Autumn cohort' }).waitFor();
    await poll(() => shownText(summary(page).nth(0))).toBe('Participants 13');

    // A truncated file is named too.
    const truncated = join(db.dir, 'bad', 'truncated.json');
    writeFileSync(truncated, JSON.stringify(cards[1]).slice(0, 60));
    await importFiles(page, [truncated]);
    await poll(() => shownText(alert)).toBe(
      'Nothing was imported. truncated.json is not valid JSON — is it truncated?',
    );
  }, 60_000);

  it('shows a caveat instead of a p-value when a pool is too small for the tests', async () => {
    const { page, server, db } = app;
    await page.goto(server.url);
    await createPool(page, 'Pilot');
    const cards = [
      card('pilot-participant-1', [0, 1, 1, 0, 0], [0, 0, 1, 1, 1]),
      card('pilot-participant-2', [0, 0, 2, 0, 0], [0, 0, 0, 2, 0]),
      card('pilot-participant-3', [0, 0, 0, 1, 1], [0, 1, 1, 0, 0]),
    ];
    await importFiles(page, writeCards(join(db.dir, 'pilot'), cards));
    await poll(() => shownText(summary(page).nth(0))).toBe('Participants 3');
    const sign = page.locator('.test-result').filter({ hasText: 'Exact sign test' });
    const wilcoxon = page.locator('.test-result').filter({ hasText: 'Wilcoxon signed-rank test' });
    for (const test of [sign, wilcoxon]) {
      const shown = await shownText(test);
      expect(shown).toMatch(/Only 3 pairs with a difference: .* needs at least \d+ .* no p-value is shown/);
      expect(await test.locator('.test-result__value').count(), 'a p-value is shown').toBe(0);
      expect(shown).not.toMatch(/p = 0\.\d{3}|p < 0\.001/);
      expect(await test.locator('.caveat').isVisible()).toBe(true);
    }
    // Totals 5→12, 6→8, 9→5: differences +7, +2, −4.
    expect(await shownText(page.getByRole('region', { name: 'Conclusion' }).locator('p'))).toMatch(
      /Too few participants to conclude anything yet: 3 participants with a winner, and the tests need at least 6 before any result could reach p < 0\.05\. So far One focused session won for 2, A week of noticing for 1\.$/,
    );
    await screenshot(page, 'pool-small');
  });
});
