import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedNormalP } from './normal.js';

describe('standard normal', () => {
  // Standard normal table values (e.g. Abramowitz & Stegun 1964, Table 26.1):
  // Φ(1.96) = 0.9750021, Φ(1) = 0.8413447, Φ(2.58) = 0.9950600; z(0.975) = 1.959964.
  it('matches tabulated cumulative probabilities', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
    expect(normalCdf(-1)).toBeCloseTo(1 - 0.8413447, 6);
    expect(normalCdf(2.58)).toBeCloseTo(0.99506, 5);
    expect(twoSidedNormalP(1.96)).toBeCloseTo(0.05, 4);
  });

  it('inverts the cumulative probability accurately', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 7);
    for (const p of [0.001, 0.025, 0.3, 0.9, 0.995]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 7);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
