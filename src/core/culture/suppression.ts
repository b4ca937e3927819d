import { validationError, WhetstoneError } from '../errors.js';

/**
 * What an organisation's aggregates may show without exposing anyone: the minimum group size k
 * and the suppression of every figure that rests on 1 to k − 1 people, of the figures that would
 * give such a figure away by subtraction, and of filters that would single people out.
 * Pure functions from raw counts to what may be published; the API and the pages show only their
 * output. The reasoning, and what the rules do not cover, is in docs/decisions/0025.
 */

export const MIN_GROUP_SIZE = 5;

/** One published figure. */
export type Cell =
  | { shown: true; count: number }
  /** Rests on 1 to k − 1 people. */
  | { shown: false; reason: 'fewer-than-k' }
  /** Hidden so that a figure resting on fewer than k people cannot be worked out from the others. */
  | { shown: false; reason: 'hidden' };

/** A breakdown of a group (its total) into disjoint parts (`cells`), as it may be published. */
export interface PublishedBreakdown {
  k: number;
  total: Cell;
  cells: Cell[];
}

/** Throws unless `k` is a whole number ≥ MIN_GROUP_SIZE (an organisation may raise it, never lower it). */
export function checkMinGroupSize(k: number, field = 'minGroupSize'): number {
  if (!Number.isInteger(k) || k < MIN_GROUP_SIZE || k > 1000)
    throw validationError(field, `must be a whole number from ${MIN_GROUP_SIZE} to 1000`);
  return k;
}

function checkCounts(counts: readonly number[], field: string): void {
  counts.forEach((count, index) => {
    if (!Number.isInteger(count) || count < 0)
      throw validationError(`${field}.${index}`, 'must be a whole number ≥ 0');
  });
}

const shown = (count: number): Cell => ({ shown: true, count });
const FEWER: Cell = { shown: false, reason: 'fewer-than-k' };
const HIDDEN: Cell = { shown: false, reason: 'hidden' };
const small = (count: number, k: number) => count >= 1 && count < k;

/**
 * A breakdown of people into disjoint parts — answers by category, members by cohort — as it
 * may be published with minimum group size `k`:
 *
 * - a group of 1 to k − 1 people is shown only as "fewer than k", and so are all its parts;
 * - each part of 1 to k − 1 people is shown as "fewer than k" (primary suppression);
 * - then parts of k or more are hidden as complements, in the table's fixed order: at least one
 *   (without one, small parts that add up to near their most, like 5 + 5 with k = 6, would each
 *   be known), and more until the hidden parts hold at least k people more than the least they
 *   could (1 for each small part, k for each complement). Below that slack the total minus the
 *   shown parts leaves too few possibilities — e.g. total 6 as "fewer than 5" + "hidden" is 1 + 5;
 * - when no complement is left to hide, every part is hidden.
 *
 * The complements are chosen by position, not by size, so that which part was hidden says
 * nothing about its count beyond "at least k".
 */
export function publishBreakdown(counts: readonly number[], k: number): PublishedBreakdown {
  checkMinGroupSize(k, 'k');
  checkCounts(counts, 'counts');
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (small(total, k)) return { k, total: FEWER, cells: counts.map(() => FEWER) };
  const primary = counts.flatMap((count, index) => (small(count, k) ? [index] : []));
  if (primary.length === 0) return { k, total: shown(total), cells: counts.map(shown) };

  let slack = primary.reduce((sum, index) => sum + (counts[index] as number) - 1, 0);
  const complements: number[] = [];
  for (const [index, count] of counts.entries()) {
    if (slack >= k && complements.length > 0) break;
    if (count < k) continue;
    complements.push(index);
    slack += count - k;
  }
  if (slack < k || complements.length === 0)
    return { k, total: shown(total), cells: counts.map(() => HIDDEN) };
  return {
    k,
    total: shown(total),
    cells: counts.map((count, index) =>
      primary.includes(index) ? FEWER : complements.includes(index) ? HIDDEN : shown(count),
    ),
  };
}

/** Why a filtered view is refused: it, or everyone outside it, would be fewer than k people. */
export class IsolatingFilter extends WhetstoneError {
  constructor(k: number, field = 'filter') {
    super(
      'validation',
      `${field}: this filter would single out fewer than ${k} people, either in it or outside it`,
      [
        {
          field,
          message: `would describe fewer than ${k} people, either in it or by comparison with everyone`,
        },
      ],
    );
  }
}

/**
 * Whether a group of `groupSize` people out of `baseSize` may be looked at on its own: refused
 * when the group, or the rest of the base, is 1 to k − 1 people — then comparing the filtered
 * view with the unfiltered one would describe them.
 */
export function checkFilter(groupSize: number, baseSize: number, k: number, field = 'filter'): void {
  checkCounts([groupSize, baseSize], field);
  if (groupSize > baseSize) throw validationError(field, 'cannot hold more people than the whole');
  if (small(groupSize, k) || small(baseSize - groupSize, k)) throw new IsolatingFilter(k, field);
}

/**
 * A breakdown of a filtered group (a cohort) beside the same breakdown of everyone (`base`,
 * published with `publishBreakdown`): refused by `checkFilter` on the totals; otherwise a part is
 * shown only where everyone's part is shown and both the group's part and the rest's (base minus
 * group) are 0 or at least k — so subtracting the two views gives nothing small away. Every
 * hidden part is simply "hidden", and the total too once any part is, because "fewer than k"
 * beside a shown part of everyone would narrow down the rest.
 */
export function publishFiltered(
  group: readonly number[],
  base: readonly number[],
  k: number,
  field = 'filter',
): PublishedBreakdown {
  checkMinGroupSize(k, 'k');
  checkCounts(group, 'group');
  checkCounts(base, 'base');
  if (group.length !== base.length) throw validationError('group', 'must have as many parts as base');
  group.forEach((count, index) => {
    if (count > (base[index] as number)) throw validationError(`group.${index}`, 'cannot exceed base');
  });
  const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  checkFilter(sum(group), sum(base), k, field);

  const everyone = publishBreakdown(base, k);
  const cells = group.map((count, index): Cell => {
    const rest = (base[index] as number) - count;
    const safe = everyone.cells[index]?.shown === true && !small(count, k) && !small(rest, k);
    return safe ? shown(count) : HIDDEN;
  });
  const total = cells.every((cell) => cell.shown) ? shown(sum(group)) : HIDDEN;
  return { k, total, cells };
}
