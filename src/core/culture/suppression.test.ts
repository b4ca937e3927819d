import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import {
  type Cell,
  checkFilter,
  checkMinGroupSize,
  IsolatingFilter,
  type PublishedBreakdown,
  publishBreakdown,
  publishFiltered,
} from './suppression.js';

const F = { shown: false, reason: 'fewer-than-k' } as const;
const H = { shown: false, reason: 'hidden' } as const;
const s = (count: number): Cell => ({ shown: true, count });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every count vector with part i from `lo[i]` to `hi[i]`, and when `sum` is given, adding up to it. */
function* vectors(
  lo: readonly number[],
  hi: readonly number[],
  sum?: number,
  prefix: number[] = [],
  sofar = 0,
): Generator<number[]> {
  const i = prefix.length;
  if (i === lo.length) {
    if (sum === undefined || sofar === sum) yield prefix;
    return;
  }
  const last = i === lo.length - 1 && sum !== undefined;
  const from = last ? Math.max(lo[i] as number, (sum as number) - sofar) : (lo[i] as number);
  const to = last ? Math.min(hi[i] as number, (sum as number) - sofar) : (hi[i] as number);
  for (let v = from; v <= to && (sum === undefined || sofar + v <= sum); v++)
    yield* vectors(lo, hi, sum, [...prefix, v], sofar + v);
}

/**
 * Every breakdown that publishes exactly as `published` does — what someone who sees the table
 * and knows the rules (this very function) cannot tell apart from the truth. Exact: a hidden part
 * is at most the total when the total is shown, and the total under k when it is not.
 */
function indistinguishable(published: PublishedBreakdown): number[][] {
  const { k, total, cells } = published;
  const cap = total.shown ? total.count : k - 1;
  const lo = cells.map((c) => (c.shown ? c.count : 0));
  const hi = cells.map((c) => (c.shown ? c.count : cap));
  const out: number[][] = [];
  for (const v of vectors(lo, hi, total.shown ? total.count : undefined))
    if (same(publishBreakdown(v, k), published)) out.push(v);
  return out;
}

/** The sums over each non-empty set of parts that are the same in every world: what can be derived. */
function derivedSums(worlds: readonly (readonly number[])[], parts: number): Map<number, number> {
  const derived = new Map<number, number>();
  for (let mask = 1; mask < 1 << parts; mask++) {
    const sums = new Set(worlds.map((w) => w.reduce((sum, v, i) => (mask & (1 << i) ? sum + v : sum), 0)));
    if (sums.size === 1) derived.set(mask, [...sums][0] as number);
  }
  return derived;
}

const smallDerived = (derived: Map<number, number>, k: number) =>
  [...derived].filter(([, v]) => v >= 1 && v < k);

/** Small organisations: parts of 0 to 2k + 2 people, weighted towards the awkward small counts. */
const counts = (k: number, parts: fc.Arbitrary<number>) =>
  parts.chain((n) =>
    fc.array(fc.oneof(fc.integer({ min: 0, max: k }), fc.integer({ min: 0, max: 2 * k + 2 })), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('publishBreakdown', () => {
  it('hides a part of 1 to k − 1 as “fewer than k” and one complement, so the total minus the shown parts gives nothing away', () => {
    // A cohort of four among 30 members: it and one other cohort are hidden.
    expect(publishBreakdown([12, 4, 14], 5)).toEqual({ k: 5, total: s(30), cells: [H, F, s(14)] });
    // Nobody small: all shown.
    expect(publishBreakdown([12, 0, 14], 5).cells).toEqual([s(12), s(0), s(14)]);
    // Total 6 = "fewer than 5" + "hidden" would have to be 1 + 5: every part is hidden instead.
    expect(publishBreakdown([1, 5], 5)).toEqual({ k: 5, total: s(6), cells: [H, H] });
    // A group under k: only "fewer than k", all through.
    expect(publishBreakdown([2, 1, 0], 5)).toEqual({ k: 5, total: F, cells: [F, F, F] });
    expect(publishBreakdown([0, 0], 5)).toEqual({ k: 5, total: s(0), cells: [s(0), s(0)] });
  });

  it('refuses k below 5 and counts that are not whole numbers', () => {
    expect(() => checkMinGroupSize(4)).toThrow(/minGroupSize: must be a whole number from 5/);
    expect(() => publishBreakdown([3, 2], 3)).toThrow(WhetstoneError);
    expect(() => publishBreakdown([3, -1], 5)).toThrow(/counts\.1/);
    expect(checkMinGroupSize(8)).toBe(8);
  });

  it('property: every shown figure is the true count, and each part of 1 to k − 1 is never shown', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 5, max: 7 })
          .chain((k) => fc.tuple(fc.constant(k), counts(k, fc.integer({ min: 2, max: 6 })))),
        ([k, v]) => {
          const p = publishBreakdown(v, k);
          const total = v.reduce((a, b) => a + b, 0);
          if (p.total.shown) expect(p.total.count).toBe(total);
          p.cells.forEach((cell, i) => {
            if (cell.shown) expect(cell.count).toBe(v[i]);
            if ((v[i] as number) >= 1 && (v[i] as number) < k) expect(cell.shown).toBe(false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: nobody who knows these rules can derive any count of 1 to k − 1 from one published table (exhaustive over all indistinguishable tables)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 5, max: 6 })
          .chain((k) => fc.tuple(fc.constant(k), counts(k, fc.integer({ min: 2, max: 5 })))),
        ([k, v]) => {
          const published = publishBreakdown(v, k);
          const worlds = indistinguishable(published);
          expect(
            worlds.some((w) => same(w, v)),
            'the truth is among them',
          ).toBe(true);
          expect(smallDerived(derivedSums(worlds, v.length), k)).toEqual([]);
        },
      ),
      { numRuns: 800 },
    );
  });
});

/** A breakdown of everyone, a group inside it, and both as published (or the group's refusal). */
const organisation = fc
  .integer({ min: 5, max: 6 })
  .chain((k) =>
    counts(k, fc.integer({ min: 2, max: 3 })).chain((base) =>
      fc
        .tuple(...base.map((b) => fc.integer({ min: 0, max: b })))
        .map((group) => ({ k, base, group: group as number[] })),
    ),
  );

function publishedPair(group: readonly number[], base: readonly number[], k: number) {
  const everyone = publishBreakdown(base, k);
  try {
    return { everyone, filtered: publishFiltered(group, base, k) as PublishedBreakdown | 'refused' };
  } catch (error) {
    if (error instanceof IsolatingFilter) return { everyone, filtered: 'refused' as const };
    throw error;
  }
}

describe('publishFiltered', () => {
  it('refuses a group, or a rest, of 1 to k − 1 people, with a message for the field', () => {
    expect(() => checkFilter(4, 30, 5, 'cohort')).toThrow(IsolatingFilter);
    expect(() => checkFilter(27, 30, 5, 'cohort')).toThrow(
      /cohort: this filter would single out fewer than 5/,
    );
    expect(() => checkFilter(0, 30, 5)).not.toThrow();
    expect(() => checkFilter(30, 30, 5)).not.toThrow();
    expect(() => checkFilter(10, 30, 5)).not.toThrow();
    expect(() => publishFiltered([2, 2], [9, 3], 5)).toThrow(IsolatingFilter);
  });

  it('shows a part of the group only where the group’s and the rest’s parts are both 0 or at least k', () => {
    // Everyone: 12 said A, 9 B, 9 C. The group: 6, 8, 2 — the rest 6, 1, 7.
    expect(publishFiltered([6, 8, 2], [12, 9, 9], 5)).toEqual({ k: 5, total: H, cells: [s(6), H, H] });
    expect(publishFiltered([6, 0, 5], [12, 9, 10], 5)).toEqual({
      k: 5,
      total: s(11),
      cells: [s(6), s(0), s(5)],
    });
  });

  it('property: the pair of views — everyone and the group — lets nobody derive a count of 1 to k − 1 in the group, the rest or everyone', () => {
    fc.assert(
      fc.property(organisation, ({ k, base, group }) => {
        const observed = publishedPair(group, base, k);
        // Every (everyone, group) pair that publishes the same pair of views.
        const worlds: { base: number[]; group: number[]; rest: number[] }[] = [];
        for (const b of indistinguishable(observed.everyone)) {
          const fixed =
            observed.filtered === 'refused' ? undefined : (observed.filtered as PublishedBreakdown).cells;
          const lo = b.map((_, i) => (fixed?.[i]?.shown ? (fixed[i] as { count: number }).count : 0));
          const hi = b.map((bi, i) =>
            fixed?.[i]?.shown ? Math.min(bi, (fixed[i] as { count: number }).count) : bi,
          );
          for (const g of vectors(lo, hi)) {
            if (g.some((gi, i) => gi > (b[i] as number))) continue;
            if (same(publishedPair(g, b, k), observed))
              worlds.push({ base: b, group: g, rest: b.map((bi, i) => bi - (g[i] as number)) });
          }
        }
        expect(
          worlds.some((w) => same(w.group, group) && same(w.base, base)),
          'the truth is among them',
        ).toBe(true);
        for (const view of ['base', 'group', 'rest'] as const)
          expect(
            smallDerived(
              derivedSums(
                worlds.map((w) => w[view]),
                base.length,
              ),
              k,
            ),
            view,
          ).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
