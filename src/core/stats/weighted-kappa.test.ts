import { describe, expect, it } from 'vitest';
import { agreementBand } from './kappa-reading.js';
import { type KappaWeights, weightedKappa } from './weighted-kappa.js';

/** Pairs from a contingency table: `table[i][j]` items rated i + 1 by rater A and j + 1 by rater B. */
function fromTable(table: readonly (readonly number[])[]): [number, number][] {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, (): [number, number] => [i + 1, j + 1])),
  );
}

const kappaOf = (pairs: [number, number][], k: number, w: KappaWeights) => {
  const result = weightedKappa(pairs, k, w);
  if (result.kappa === null) throw new Error(`not computable: ${result.reason}`);
  return result.kappa;
};

describe('weightedKappa', () => {
  it('matches Artstein & Poesio (2008), Computational Linguistics 34(4), Table 1: κ = 0.348', () => {
    // Two coders, two categories: 20 + 50 items on which they agree, 20 + 10 on which they do not.
    const pairs = fromTable([
      [20, 20],
      [10, 50],
    ]);
    const result = weightedKappa(pairs, 2, 'unweighted');
    expect(result.n).toBe(100);
    expect(result.kappa).toBeCloseTo(0.348, 3);
    // With two categories every weighting is the same.
    expect(kappaOf(pairs, 2, 'quadratic')).toBeCloseTo(0.348, 3);
  });

  it("matches scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py)", () => {
    // y1 = 46×0, 44×1, 10×2 and y2 = 50×0, 40×1, 10×2, paired in that order; our categories are 1..3.
    const y1 = [...Array(46).fill(1), ...Array(44).fill(2), ...Array(10).fill(3)] as number[];
    const y2 = [...Array(50).fill(1), ...Array(40).fill(2), ...Array(10).fill(3)] as number[];
    const pairs = y1.map((a, i): [number, number] => [a, y2[i]!]);
    expect(kappaOf(pairs, 3, 'unweighted')).toBeCloseTo(0.9315, 4);
    expect(kappaOf(pairs, 3, 'linear')).toBeCloseTo(0.9412, 4);
    expect(kappaOf(pairs, 3, 'quadratic')).toBeCloseTo(0.9541, 4);
  });

  it('gives the hand-computed values for five pairs on the 1–5 scale', () => {
    // Pairs (1,1) (2,3) (3,3) (4,5) (5,5). Rater A's shares: 0.2 for each of 1..5; rater B's:
    // 1 → 0.2, 3 → 0.4, 5 → 0.4. Two pairs are one step apart.
    // Quadratic, w = (d/4)²: observed = 2·(1/16)/5 = 0.025; expected = (1/5)·Σᵢ Σⱼ b[j](i−j)²/16
    //   = (1/5)·(8.0 + 4.2 + 2.4 + 2.6 + 4.8)/16 = 0.275; κ = 1 − 0.025/0.275 = 10/11.
    // Linear, w = d/4: observed = 2·(1/4)/5 = 0.1; expected = (1/5)·(2.4 + 1.8 + 1.2 + 1.4 + 1.6)/4
    //   = 0.42; κ = 1 − 0.1/0.42 = 16/21.
    // Unweighted: p_o = 3/5, p_e = 0.2·0.2 + 0.2·0.4 + 0.2·0.4 = 0.2; κ = (0.6 − 0.2)/0.8 = 0.5.
    const pairs: [number, number][] = [
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 5],
      [5, 5],
    ];
    expect(kappaOf(pairs, 5, 'quadratic')).toBeCloseTo(10 / 11, 12);
    expect(kappaOf(pairs, 5, 'linear')).toBeCloseTo(16 / 21, 12);
    expect(kappaOf(pairs, 5, 'unweighted')).toBeCloseTo(0.5, 12);
    // Swapping the raters changes nothing: the weights are symmetric.
    const swapped = pairs.map(([a, b]): [number, number] => [b, a]);
    expect(kappaOf(swapped, 5, 'quadratic')).toBeCloseTo(10 / 11, 12);
  });

  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(
      kappaOf(
        [
          [1, 1],
          [3, 3],
          [5, 5],
        ],
        5,
        'quadratic',
      ),
    ).toBeCloseTo(1, 12);
    expect(
      kappaOf(
        [
          [1, 5],
          [5, 1],
        ],
        5,
        'quadratic',
      ),
    ).toBeLessThan(0);
  });

  it('says why it cannot be computed: under two pairs, or no disagreement to expect', () => {
    expect(weightedKappa([], 5)).toEqual({ kappa: null, n: 0, reason: 'too-few-pairs' });
    expect(weightedKappa([[3, 4]], 5)).toEqual({ kappa: null, n: 1, reason: 'too-few-pairs' });
    // Both raters gave 4 to everything: agreement, but chance would give the same.
    expect(
      weightedKappa(
        [
          [4, 4],
          [4, 4],
          [4, 4],
        ],
        5,
      ),
    ).toEqual({
      kappa: null,
      n: 3,
      reason: 'no-expected-disagreement',
    });
  });

  it('refuses ratings outside the scale', () => {
    expect(() =>
      weightedKappa(
        [
          [0, 1],
          [1, 1],
        ],
        5,
      ),
    ).toThrow(RangeError);
    expect(() =>
      weightedKappa(
        [
          [6, 1],
          [1, 1],
        ],
        5,
      ),
    ).toThrow(RangeError);
    expect(() =>
      weightedKappa(
        [
          [2.5, 1],
          [1, 1],
        ],
        5,
      ),
    ).toThrow(RangeError);
  });
});

describe('agreementBand (Landis & Koch 1977)', () => {
  it('reads the conventional bands, upper bounds inclusive', () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81, 1].map(agreementBand)).toEqual([
      'poor',
      'slight',
      'slight',
      'fair',
      'fair',
      'moderate',
      'substantial',
      'almost perfect',
      'almost perfect',
    ]);
  });
});
