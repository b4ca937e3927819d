import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import type { Favoured } from './experiment.js';
import { experimentReport, type RatedIdea } from './report.js';

const PHASES = [
  { key: 'passive', label: 'the week of noticing' },
  { key: 'focused', label: 'the focused session' },
] as const;

let next = 0;
const predicting = (favoured: Favoured, byHowMuch: string | null = null) => ({ favoured, byHowMuch });

const ideas = (phase: string, values: (number | null)[]): RatedIdea[] =>
  values.map((value) => {
    next++;
    const id = `i${String(next).padStart(3, '0')}`;
    return { id, text: `text ${id}`, phase, value };
  });

describe('experimentReport', () => {
  it('summarises each phase (hand-computed)', () => {
    const passive = ideas('passive', [2, 5, null, 4, 1, 3]);
    const focused = ideas('focused', [4, 5, 3, 5]);
    const { phases, verdict } = experimentReport(PHASES, [...focused, ...passive], predicting('focused'));
    expect(phases[0]).toMatchObject({
      key: 'passive',
      count: 6,
      rated: 5,
      totalValue: 15,
      meanValue: 3,
      highValueCount: 2,
    });
    expect(phases[0].best.map((b) => b.value)).toEqual([5, 4, 3]);
    expect(phases[0].best[0]).toEqual({ id: passive[1]!.id, text: passive[1]!.text, value: 5 });
    expect(phases[1]).toMatchObject({
      count: 4,
      rated: 4,
      totalValue: 17,
      meanValue: 4.25,
      highValueCount: 3,
    });
    // Two ideas rated 5: the earlier id first.
    expect(phases[1].best.map((b) => b.id)).toEqual([focused[1]!.id, focused[3]!.id, focused[0]!.id]);
    // 17 vs 15: a 12% difference counts as about the same; 9 rated ideas -> low trust.
    expect(verdict.outcome).toBe('no-difference');
    expect(verdict.summary).toContain('about the same total value (total value 17 vs 15)');
    expect(verdict.summary).toContain('1 idea was not rated');
    expect(verdict.trust).toBe('low');
    // 17 / 15 = 1.133: the leading phase's total is 13% above the other's.
    expect(verdict.trustReason).toContain('9 rated ideas and 13% more total value in one phase');
    expect(verdict.predictionMatched).toBe(false);
  });

  it('says focused won, with moderate trust, on many ideas and a large difference', () => {
    const all = [...ideas('passive', Array(10).fill(1)), ...ideas('focused', Array(10).fill(4))];
    const { phases, verdict } = experimentReport(PHASES, all, predicting('focused'));
    expect([phases[0].totalValue, phases[1].totalValue]).toEqual([10, 40]);
    expect(verdict).toMatchObject({ outcome: 'focused', trust: 'moderate', predictionMatched: true });
    expect(verdict.summary).toBe(
      'The focused session produced more total value than the week of noticing (total value 40 vs 10).',
    );
  });

  it('compares the result with the predicted size, not only the direction', () => {
    // Passive 3+3+3+3+3+3 = 18, focused 4+4+4+4+4 = 20: 20 / 18 = 1.111, +11%, "about the same"
    // (2 / 20 = 10% of the larger total), and below the predicted third.
    const close = [...ideas('passive', [3, 3, 3, 3, 3, 3]), ...ideas('focused', [4, 4, 4, 4, 4])];
    const small = experimentReport(PHASES, close, predicting('focused', 'a third more value'));
    expect(small.verdict).toMatchObject({ outcome: 'no-difference', predictionMatched: false });
    expect(small.verdict.predictionCheck.text).toBe(
      'Right direction, smaller than predicted (predicted ≥ +33%, observed +11%).',
    );
    // Passive 2×6 = 12, focused 5×4 = 20: 20 / 12 = 1.667, +67%: a third reached, twice not.
    const clear = [...ideas('passive', [2, 2, 2, 2, 2, 2]), ...ideas('focused', [5, 5, 5, 5])];
    const reached = experimentReport(PHASES, clear, predicting('focused', 'a third more value'));
    expect(reached.verdict).toMatchObject({ outcome: 'focused', predictionMatched: true });
    expect(reached.verdict.predictionCheck).toMatchObject({
      match: 'matched',
      predicted: { bound: 'at-least' },
    });
    expect(reached.verdict.predictionCheck.observed).toBeCloseTo(2 / 3, 12);
    const twice = experimentReport(PHASES, clear, predicting('focused', 'twice the total value'));
    expect(twice.verdict.predictionMatched).toBe(false);
    expect(twice.verdict.predictionCheck.text).toBe(
      'Right direction, smaller than predicted (predicted ≥ +100%, observed +67%).',
    );
  });

  it('says passive won when it did', () => {
    const all = [...ideas('passive', [3, 3, 3, 3]), ...ideas('focused', [2, 2])];
    const { verdict } = experimentReport(PHASES, all, predicting('passive'));
    expect(verdict).toMatchObject({ outcome: 'passive', trust: 'low', predictionMatched: true });
    expect(verdict.summary).toContain('(12 vs 4)');
  });

  it.each([
    ['few ideas', [...ideas('passive', [5]), ...ideas('focused', [4, 4])]],
    [
      'no rated idea in one phase',
      [...ideas('passive', [5, 4, 3, 2, 1, 3]), ...ideas('focused', [null, null])],
    ],
    ['no ideas at all', []],
  ])('says too little to judge with %s', (_, all) => {
    const { verdict, phases } = experimentReport(PHASES, all, predicting('focused'));
    expect(verdict.outcome).toBe('unclear');
    expect(verdict.trust).toBe('very-low');
    expect(verdict.summary).toMatch(/^Too few ideas to say much/);
    expect(verdict.predictionMatched).toBeNull();
    expect(phases.every((p) => (p.rated === 0 ? p.meanValue === null : p.meanValue !== null))).toBe(true);
  });

  it('refuses impossible ratings and unknown phases', () => {
    expect(() => experimentReport(PHASES, ideas('passive', [6]), predicting('focused'))).toThrow(
      WhetstoneError,
    );
    expect(() => experimentReport(PHASES, ideas('passive', [2.5]), predicting('focused'))).toThrow(
      /ideas\.0\.value/,
    );
    expect(() => experimentReport(PHASES, ideas('other', [3]), predicting('focused'))).toThrow(
      /ideas\.0\.phase/,
    );
  });
});
