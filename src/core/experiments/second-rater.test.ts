import { describe, expect, it } from 'vitest';
import { weightedKappa } from '../stats/weighted-kappa.js';
import { buildResultCard, parseCard } from './card.js';
import { secondRaterOrder, secondRaterQueueView } from './second-rater-queue.js';
import { secondRaterReport } from './second-rater-report.js';

const items = Array.from({ length: 12 }, (_, i) => ({
  token: `t${String(i).padStart(2, '0')}`,
  text: `Idea ${i}`,
}));

describe('secondRaterOrder', () => {
  it('is the same for the same seed whatever the input order, and differs between seeds', () => {
    const a = secondRaterOrder(items, 'inv-1').map((i) => i.token);
    expect(secondRaterOrder([...items].reverse(), 'inv-1').map((i) => i.token)).toEqual(a);
    expect(secondRaterOrder(items, 'inv-2').map((i) => i.token)).not.toEqual(a);
    expect([...a].sort()).toEqual(items.map((i) => i.token));
  });
});

describe('secondRaterQueueView', () => {
  it('serves the first unrated idea, texts and tokens only, the latest rating first', () => {
    const view = secondRaterQueueView(
      items.slice(0, 3),
      [
        { itemToken: 't00', value: 4, ratedAt: '2026-12-01T10:00:00.000Z' },
        { itemToken: 't02', value: 2, ratedAt: '2026-12-01T10:00:01.000Z' },
      ],
      { raterName: 'Cora', finished: false },
    );
    expect(view).toEqual({
      raterName: 'Cora',
      total: 3,
      rated: 2,
      finished: false,
      next: { token: 't01', text: 'Idea 1' },
      ratings: [
        { token: 't02', text: 'Idea 2', value: 2 },
        { token: 't00', text: 'Idea 0', value: 4 },
      ],
    });
    expect(secondRaterQueueView(items.slice(0, 3), [], { raterName: null, finished: true }).next).toBeNull();
  });
});

describe('secondRaterReport', () => {
  const phases = [
    { key: 'passive', label: 'A week' },
    { key: 'focused', label: '20 minutes' },
  ] as const;
  const mine = [5, 4, 1, 2, 3, 5];
  const theirs = [4, 4, 2, 1, 3, 5];
  const reportItems = mine.map((value, i) => ({
    token: `t${i}`,
    phase: i < 3 ? 'passive' : 'focused',
    value,
  }));
  const values = new Map(theirs.map((v, i) => [`t${i}`, v]));

  it('gives the second rater\u2019s means and 4–5 counts per phase, and the core\u2019s kappa for the pairs', () => {
    const report = secondRaterReport({
      phases,
      items: reportItems,
      values,
      raterName: 'Cora',
      finished: true,
    });
    expect(report.phases[0]).toEqual({
      key: 'passive',
      label: 'A week',
      rated: 3,
      meanValue: 10 / 3,
      highValueCount: 2,
    });
    expect(report.phases[1]).toEqual({
      key: 'focused',
      label: '20 minutes',
      rated: 3,
      meanValue: 3,
      highValueCount: 1,
    });
    const expected = weightedKappa(
      mine.map((v, i): [number, number] => [v, theirs[i]!]),
      5,
      'quadratic',
    );
    expect(report.agreement.kappa).toBe(expected.kappa);
    expect(report.agreement.pairs).toBe(6);
    expect(report.agreement.method).toBe('weighted kappa (quadratic)');
    expect(report.agreement.band).toBe('almost perfect');
    expect(report.agreement.text).toContain(
      `weighted kappa (quadratic) ${expected.kappa?.toFixed(2)} over 6 ideas`,
    );
    expect(report.note).toMatch(/verdict above rests on your own blind ratings only/);
  });

  it('says why agreement cannot be computed, and that an unfinished rating may change', () => {
    const one = secondRaterReport({
      phases,
      items: reportItems,
      values: new Map([['t0', 4]]),
      raterName: null,
      finished: false,
    });
    expect(one.agreement.kappa).toBeNull();
    expect(one.agreement.text).toMatch(/needs at least 2 ideas that you both rated \(there is 1\)/);
    expect(one.agreement.text).toMatch(/The second rater has not finished yet/);
    expect(one.phases[1]).toMatchObject({ rated: 0, meanValue: null, highValueCount: 0 });
  });
});

describe('result card', () => {
  const base = {
    participant: 'participant-1',
    templateId: 'week-vs-20-minutes',
    templateVersion: 1,
    phases: [
      { key: 'passive', unit: 'days', length: 7 },
      { key: 'focused', unit: 'minutes', length: 20 },
    ] as const,
    ideas: [{ phase: 'passive', text: 'x', value: 3 }],
    shareTexts: false,
  };

  it('records whether a second rater took part, and the kappa', () => {
    expect(buildResultCard(base).secondRater).toEqual({
      tookPart: false,
      pairs: 0,
      weightedKappaQuadratic: null,
    });
    expect(buildResultCard({ ...base, secondRater: { pairs: 6, kappa: 0.89 } }).secondRater).toEqual({
      tookPart: true,
      pairs: 6,
      weightedKappaQuadratic: 0.89,
    });
  });

  it('refuses a card whose second-rater part contradicts itself', () => {
    const card = buildResultCard(base);
    expect(() =>
      parseCard({ ...card, secondRater: { tookPart: false, pairs: 3, weightedKappaQuadratic: null } }),
    ).toThrow(/secondRater.pairs/);
    expect(() =>
      parseCard({ ...card, secondRater: { tookPart: true, pairs: 1, weightedKappaQuadratic: 0.5 } }),
    ).toThrow(/secondRater.weightedKappaQuadratic/);
    // Older cards without the field still read.
    const { secondRater: _, ...older } = card;
    expect(parseCard(older).secondRater).toBeUndefined();
  });
});
