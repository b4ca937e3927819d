import { describe, expect, it } from 'vitest';
import { averageRanks, tieSum } from './ranks.js';

describe('averageRanks', () => {
  it('gives tied values their average rank and reports tie groups', () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual({ ranks: [4, 1, 4, 2, 4], tieGroups: [3] });
    expect(averageRanks([5, 5, 1, 1])).toEqual({ ranks: [3.5, 3.5, 1.5, 1.5], tieGroups: [2, 2] });
    expect(tieSum([3, 2])).toBe(24 + 6);
  });
});
