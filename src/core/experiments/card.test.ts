import { describe, expect, it } from 'vitest';
import { seededRandom } from '../decks/draw.js';
import { fieldsOf } from '../errors.test-support.js';
import { bootstrapInterval, median, signTest, wilcoxonSignedRank, wilsonInterval } from '../stats/index.js';
import { buildResultCard, parseCard, pooledAnalysis, type ResultCard } from './card.js';

const PHASES = [
  { key: 'passive', unit: 'days', length: 7 },
  { key: 'focused', unit: 'minutes', length: 20 },
] as const;

function card(participant: string, passive: number[], focused: number[], shareTexts = false): ResultCard {
  return buildResultCard({
    participant,
    templateId: 'week-vs-20-minutes',
    templateVersion: 1,
    phases: PHASES,
    ideas: [
      ...passive.map((value, i) => ({ phase: 'passive', text: `p${i}`, value })),
      ...focused.map((value, i) => ({ phase: 'focused', text: `f${i}`, value })),
    ],
    shareTexts,
  });
}

describe('result card', () => {
  it('is built from rated ideas, texts only when opted in', () => {
    const c = card('participant-1', [1, 3, 3, 5], [4, 4]);
    expect(c).toMatchObject({ format: 'whetstone-result-card', version: 1, ratingScale: { min: 1, max: 5 } });
    expect(c.phases[0]).toEqual({ ...PHASES[0], count: 4, valueSum: 12, ratings: [1, 0, 2, 0, 1] });
    expect(c.phases[1]).toEqual({ ...PHASES[1], count: 2, valueSum: 8, ratings: [0, 0, 0, 2, 0] });
    expect(c.textsShared).toBe(false);
    expect('texts' in c).toBe(false);
    expect(card('participant-1', [2], [5], true).texts).toEqual([
      { phase: 'passive', text: 'p0', value: 2 },
      { phase: 'focused', text: 'f0', value: 5 },
    ]);
  });

  const valid = card('participant-1', [1, 3, 3, 5], [4, 4]);
  const withPhase = (patch: object): unknown => ({
    ...valid,
    phases: [{ ...valid.phases[0], ...patch }, valid.phases[1]],
  });

  it.each([
    ['a negative count', withPhase({ count: -1, ratings: [0, 0, 0, 0, 0], valueSum: 0 }), 'phases.0.count'],
    ['a negative rating count', withPhase({ ratings: [-1, 1, 2, 0, 2] }), 'phases.0.ratings.0'],
    ['a value sum below count×1', withPhase({ valueSum: 3 }), 'phases.0.valueSum'],
    ['a value sum above count×5', withPhase({ valueSum: 21 }), 'phases.0.valueSum'],
    ['a histogram not summing to the count', withPhase({ ratings: [1, 0, 2, 0, 2] }), 'phases.0.ratings'],
    ['a value sum not matching the histogram', withPhase({ valueSum: 13 }), 'phases.0.valueSum'],
    ['a fractional count', withPhase({ count: 4.5 }), 'phases.0.count'],
    ['texts without opting in', { ...valid, texts: [{ phase: 'passive', text: 'x', value: 3 }] }, 'texts'],
    ['another rating scale', { ...valid, ratingScale: { min: 0, max: 10 } }, 'ratingScale.min'],
    ['another format', { ...valid, format: 'csv' }, 'format'],
    ['a future version', { ...valid, version: 2 }, 'version'],
    ['an identifying participant key', { ...valid, participant: 'me@example.org' }, 'participant'],
    ['extra fields', { ...valid, email: 'me@example.org' }, 'email'],
  ])('refuses %s', (_, input, field) => {
    expect(fieldsOf(() => parseCard(input))).toContain(field);
  });
});

/** 30 participants with random idea counts and ratings, generated from a fixed seed. */
function generated(): { cards: ResultCard[]; raw: { passive: number[]; focused: number[] }[] } {
  const random = seededRandom('pool-test');
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const raw = Array.from({ length: 30 }, () => ({
    passive: Array.from({ length: int(0, 12) }, () => int(1, 5)),
    focused: Array.from({ length: int(0, 12) }, () => int(1, 5)),
  }));
  return {
    raw,
    cards: raw.map((r, i) => card(`anon-key-${String(i).padStart(3, '0')}`, r.passive, r.focused)),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('pooledAnalysis', () => {
  it('matches values computed independently on 30 generated cards', () => {
    const { cards, raw } = generated();
    const differences = raw.map((r) => sum(r.focused) - sum(r.passive));
    let wins = 0;
    let losses = 0;
    for (const d of differences) {
      if (d > 0) wins++;
      else if (d < 0) losses++;
    }
    const sorted = [...differences].sort((a, b) => a - b);
    const handMedian = (sorted[14]! + sorted[15]!) / 2;

    const pooled = pooledAnalysis(cards, { seed: 'boot', resamples: 2000 });
    expect(pooled.participants).toBe(30);
    expect(pooled.differences).toEqual(differences);
    expect([pooled.focusedWins, pooled.passiveWins, pooled.ties]).toEqual([wins, losses, 30 - wins - losses]);
    expect(wins + losses).toBeGreaterThan(20); // the generator gives a realistic mix, not all ties
    expect(pooled.focusedWinShare).toEqual(wilsonInterval(wins, wins + losses));
    expect(pooled.focusedWinShare?.estimate).toBeCloseTo(wins / (wins + losses), 12);

    const sign = signTest(differences);
    expect(pooled.signTest).toEqual({
      positive: wins,
      negative: losses,
      ties: 30 - wins - losses,
      pValue: sign.pValue,
    });
    const wilcoxon = wilcoxonSignedRank(differences);
    expect(pooled.wilcoxon).toMatchObject({
      n: wins + losses,
      wPlus: wilcoxon.wPlus,
      pValue: wilcoxon.pValue,
    });

    expect(pooled.medianDifference?.estimate).toBe(handMedian);
    expect(pooled.medianDifference).toEqual(
      bootstrapInterval(differences, median, { random: seededRandom('boot'), resamples: 2000 }),
    );
    const interval = pooled.medianDifference!;
    expect(interval.lower).toBeLessThanOrEqual(handMedian);
    expect(interval.upper).toBeGreaterThanOrEqual(handMedian);
    expect(pooled.caveats).toEqual([]);
    // Reproducible from the seed.
    expect(pooledAnalysis(cards, { seed: 'boot', resamples: 2000 })).toEqual(pooled);
  });

  it('gives caveats instead of p-values for a small pool', () => {
    const cards = [
      card('anon-key-a', [3], [4, 5]),
      card('anon-key-b', [2, 2], [5]),
      card('anon-key-c', [4], [1]),
    ];
    const pooled = pooledAnalysis(cards, { seed: 's', resamples: 500 });
    expect(pooled.differences).toEqual([6, 1, -3]);
    expect([pooled.focusedWins, pooled.passiveWins]).toEqual([2, 1]);
    expect('pValue' in pooled.signTest).toBe(false);
    expect('pValue' in pooled.wilcoxon).toBe(false);
    expect(pooled.signTest).toMatchObject({ caveat: expect.stringContaining('Only 3 pairs') });
    expect(pooled.caveats).toHaveLength(2);
    expect(pooled.medianDifference?.estimate).toBe(1);
  });

  it('handles an empty pool and an all-tie pool in words', () => {
    const empty = pooledAnalysis([], { seed: 's' });
    expect(empty).toMatchObject({ participants: 0, focusedWinShare: null, medianDifference: null });
    expect(empty.caveats[0]).toBe('No results in the pool yet.');
    const ties = pooledAnalysis([card('anon-key-a', [3], [3]), card('anon-key-b', [], [])], {
      seed: 's',
      resamples: 100,
    });
    expect(ties.focusedWinShare).toBeNull();
    expect(ties.caveats).toContain('Every participant had a tie, so there is no share of wins to estimate.');
  });

  it('refuses invalid cards, mixed templates and duplicate participants', () => {
    const a = card('anon-key-a', [3], [4]);
    expect(
      fieldsOf(() => pooledAnalysis([a, { ...a, participant: 'anon-key-b', version: 9 }], { seed: 's' })),
    ).toEqual(['cards.1.version']);
    expect(
      fieldsOf(() =>
        pooledAnalysis([a, { ...a, participant: 'anon-key-b', templateId: 'baseline-vs-change' }], {
          seed: 's',
        }),
      ),
    ).toEqual(['cards.1.templateId']);
    expect(fieldsOf(() => pooledAnalysis([a, a], { seed: 's' }))).toEqual(['cards.1.participant']);
  });
});
