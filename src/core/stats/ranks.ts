/** Ranks of a sample, ties sharing their average rank, plus the sizes of the tie groups. */
export interface Ranking {
  /** ranks[i] is the (1-based, average-for-ties) rank of values[i]. */
  ranks: number[];
  /** The size of every group of equal values with more than one member. */
  tieGroups: number[];
}

/** Ranks values from smallest (rank 1) to largest, giving tied values their average rank. */
export function averageRanks(values: readonly number[]): Ranking {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  const tieGroups: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]!.value === order[start]!.value) end++;
    // Positions start..end-1 hold ranks start+1..end; their average:
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!.index] = rank;
    if (end - start > 1) tieGroups.push(end - start);
    start = end;
  }
  return { ranks, tieGroups };
}

/** Σ (t³ − t) over tie groups: the term the tie corrections of rank tests subtract. */
export function tieSum(tieGroups: readonly number[]): number {
  return tieGroups.reduce((sum, t) => sum + t ** 3 - t, 0);
}
