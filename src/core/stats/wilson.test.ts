import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { wilsonInterval } from './wilson.js';

// z for a two-sided 95% interval, from standard normal tables: 1.959963984540054.
const Z95 = 1.959963984540054;

/** The Wilson score formula written out directly, as an independent check of the module. */
function wilsonByHand(r: number, n: number) {
  const p = r / n;
  const z2 = Z95 * Z95;
  const centre = (2 * n * p + z2) / (2 * (n + z2));
  const half = (Z95 * Math.sqrt(z2 + 4 * n * p * (1 - p))) / (2 * (n + z2));
  return { lower: centre - half, upper: centre + half };
}

describe('wilsonInterval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no
  // continuity correction), 95% intervals.
  const newcombe: [r: number, n: number, lower: number, upper: number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [r, n, lower, upper] of newcombe) {
    it(`${r}/${n} matches Newcombe (1998) Table I: ${lower}–${upper}`, () => {
      const result = wilsonInterval(r, n);
      expect(result.estimate).toBeCloseTo(r / n, 12);
      expect(result.lower).toBeCloseTo(lower, 4);
      expect(result.upper).toBeCloseTo(upper, 4);
      const hand = wilsonByHand(r, n);
      expect(result.lower).toBeCloseTo(Math.max(0, hand.lower), 6);
      expect(result.upper).toBeCloseTo(hand.upper, 6);
    });
  }

  it('is exactly 1 at the top when every trial succeeded, and narrows with more confidence given up', () => {
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    // Mirror of 0/20 above.
    expect(all.lower).toBeCloseTo(1 - 0.1611, 4);
    const ninety = wilsonInterval(81, 263, 0.9);
    expect(ninety.lower).toBeGreaterThan(0.2553);
    expect(ninety.upper).toBeLessThan(0.3662);
  });

  it('rejects impossible inputs and zero trials with a validation error', () => {
    for (const [r, n] of [
      [-1, 10],
      [11, 10],
      [1.5, 10],
      [0, 0],
      [0, -3],
    ] as const) {
      expect(() => wilsonInterval(r, n)).toThrow(WhetstoneError);
    }
    try {
      wilsonInterval(0, 0);
    } catch (error) {
      expect((error as WhetstoneError).code).toBe('validation');
    }
    expect(() => wilsonInterval(1, 2, 1)).toThrow(WhetstoneError);
  });
});
