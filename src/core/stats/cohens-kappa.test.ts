import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohens-kappa.js';

/** Pairs from a contingency table: `table[i][j]` items coder A put in `names[i]` and coder B in `names[j]`. */
function fromTable(names: readonly string[], table: readonly (readonly number[])[]): [string, string][] {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, (): [string, string] => [names[i]!, names[j]!])),
  );
}

function computed(pairs: [string, string][]) {
  const result = cohensKappa(pairs);
  if (result.kappa === null) throw new Error(`not computable: ${result.reason}`);
  return result;
}

describe('cohensKappa', () => {
  it('matches the SAS/STAT User’s Guide, PROC FREQ “Getting Started: Agreement Study” (two dermatologists, 88 patients)', () => {
    // SAS reports simple kappa 0.3449, ASE 0.0724, 95% confidence limits 0.2030 and 0.4868.
    const pairs = fromTable(
      ['terrible', 'poor', 'marginal', 'clear'],
      [
        [10, 4, 1, 0],
        [5, 10, 12, 2],
        [2, 4, 12, 5],
        [0, 2, 6, 13],
      ],
    );
    const result = computed(pairs);
    expect(result.n).toBe(88);
    expect(result.kappa).toBeCloseTo(0.3449, 4);
    expect(result.standardError).toBeCloseTo(0.0724, 4);
    expect(result.low).toBeCloseTo(0.203, 4);
    expect(result.high).toBeCloseTo(0.4868, 4);
  });

  it('matches the 50-application example of Wikipedia’s “Cohen’s kappa” (p_o 0.7, p_e 0.5, κ 0.4) and its hand-computed SE', () => {
    // A said yes to 25 and B to 30; both yes 20, both no 15. Shares p11 .4, p12 .1, p21 .2, p22 .3;
    // rows .5/.5, columns .6/.4. Fleiss–Cohen–Everitt: agreeing cells .4(1 − 1.1·.6)² + .3(1 − .9·.6)²
    // = .10972; the others .6²·(.1·1.1² + .2·.9²) = .10188; minus (.4 − .5·.6)² = .01; over 50·.5²:
    // Var = .2016 / 12.5 = .016128, SE = .126996.
    const pairs = fromTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    const result = computed(pairs);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.016128), 10);
    expect(result.low).toBeCloseTo(0.4 - 1.959964 * Math.sqrt(0.016128), 5);
  });

  it('is 1 with a zero-width interval when the coders always agree, and does not depend on which coder is A', () => {
    const same: [string, string][] = [
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
      ['a', 'a'],
    ];
    const result = computed(same);
    expect(result.kappa).toBeCloseTo(1, 12);
    expect(result.standardError).toBeCloseTo(0, 6);
    const mixed: [string, string][] = [
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'b'],
      ['c', 'c'],
      ['a', 'a'],
    ];
    const swapped = mixed.map(([a, b]): [string, string] => [b, a]);
    expect(computed(swapped).kappa).toBeCloseTo(computed(mixed).kappa, 12);
    expect(computed(swapped).standardError).toBeCloseTo(computed(mixed).standardError, 12);
  });

  it('says why when kappa cannot be computed', () => {
    expect(cohensKappa([['a', 'a']])).toEqual({ kappa: null, n: 1, reason: 'too-few-pairs' });
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toEqual({ kappa: null, n: 2, reason: 'no-expected-disagreement' });
  });
});
