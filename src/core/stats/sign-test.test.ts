import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { binomialHalfCdf, signTest } from './sign-test.js';

/** Exact P(X ≤ k), X ~ Binomial(n, 1/2), with integer arithmetic, independent of the module. */
function exactHalfCdf(k: number, n: number): number {
  let sum = 0n;
  let choose = 1n;
  for (let i = 0; i <= k; i++) {
    if (i > 0) choose = (choose * BigInt(n - i + 1)) / BigInt(i);
    sum += choose;
  }
  // Scale before dividing so 2^n beyond the double range stays exact.
  return Number((sum * 10n ** 18n) / (1n << BigInt(n))) / 1e18;
}

describe('signTest', () => {
  it('gives p = 0.02148 for 9 of 10 positive (two-sided binomial, 2·11/1024)', () => {
    // Textbook value from the Binomial(10, 1/2) distribution: P(X ≤ 1) = 11/1024 = 0.010742,
    // two-sided 0.021484 (e.g. Conover, Practical Nonparametric Statistics, binomial table).
    const result = signTest([1, 2, 3, 4, 5, 6, 7, 8, 9, -1]);
    expect(result).toMatchObject({ n: 10, positive: 9, negative: 1, ties: 0 });
    expect(result.pValue).toBeCloseTo(0.02148, 5);
    expect(result.pValue).toBeCloseTo((2 * 11) / 1024, 12);
  });

  it('drops ties (zero differences) and caps p at 1', () => {
    const result = signTest([0, 0, 1, -1, 2, 0]);
    expect(result).toMatchObject({ n: 3, positive: 2, negative: 1, ties: 3 });
    expect(result.pValue).toBe(1);
    expect(signTest([0, 0]).pValue).toBe(1);
    expect(signTest([]).n).toBe(0);
  });

  it('agrees with exact integer arithmetic, including for large n', () => {
    for (const [k, n] of [
      [0, 6],
      [3, 20],
      [40, 100],
      [480, 1000],
      [1400, 3000],
    ] as const) {
      expect(binomialHalfCdf(k, n)).toBeCloseTo(exactHalfCdf(k, n), 12);
    }
    const many = [...Array(60).fill(1), ...Array(40).fill(-1)];
    expect(signTest(many).pValue).toBeCloseTo(2 * exactHalfCdf(40, 100), 12);
  });

  it('rejects non-finite differences', () => {
    expect(() => signTest([1, Number.NaN])).toThrow(WhetstoneError);
  });
});
