import { describe, expect, it } from 'vitest';
import { buildResultCard, pooledAnalysis } from './card.js';
import { poolConclusion } from './pool-conclusion.js';
import type { PooledAnalysis } from './pool-view.js';

const LABELS = ['A week of noticing', 'One focused session'] as const;

/** An analysis as `pooledAnalysis` returns it, with the figures each case computes by hand. */
function analysis(patch: Partial<PooledAnalysis>): PooledAnalysis {
  return {
    participants: 0,
    templateId: 'week-vs-20-minutes',
    differences: [],
    focusedWins: 0,
    passiveWins: 0,
    ties: 0,
    focusedWinShare: null,
    signTest: { positive: 0, negative: 0, ties: 0, caveat: 'x' },
    wilcoxon: { n: 0, wPlus: 0, method: 'exact', caveat: 'x' },
    medianDifference: null,
    caveats: [],
    ...patch,
  };
}

describe('poolConclusion', () => {
  it('has nothing to conclude without cards', () => {
    expect(poolConclusion(analysis({}), LABELS)).toEqual({
      evidence: 'no-cards',
      favours: null,
      text: 'No cards yet, so nothing to conclude.',
    });
  });

  it('says too few when the tests cannot reach significance', () => {
    // Differences 6, 1, −3: 3 pairs; the smallest possible p is 2/2³ = 0.25, so both tests give caveats.
    const c = poolConclusion(
      analysis({
        participants: 3,
        differences: [6, 1, -3],
        focusedWins: 2,
        passiveWins: 1,
        signTest: { positive: 2, negative: 1, ties: 0, caveat: 'Only 3 pairs…' },
        wilcoxon: { n: 3, wPlus: 5, method: 'exact', caveat: 'Only 3 pairs…' },
      }),
      LABELS,
    );
    expect(c).toEqual({
      evidence: 'too-few',
      favours: null,
      text: 'Too few participants to conclude anything yet: 3 participants with a winner, and the tests need at least 6 before any result could reach p < 0.05. So far One focused session won for 2, A week of noticing for 1.',
    });
  });

  it('says no evidence either way yet when neither test is significant, naming the intervals that include no difference', () => {
    // Differences +1, +2, −3, +4, −5, +6: sign test 4 vs 2, p = 2·(1 + 6 + 15)/64 = 0.6875.
    // Wilcoxon: W− = 3 + 5 = 8, W+ = 21 − 8 = 13; subsets of {1..6} with sum ≤ 8: 1+1+1+2+2+3+4+4+4
    // = 22, p = 2·22/64 = 0.6875. Wilson 4/6: centre (2/3 + 1.96²/12)/(1 + 1.96²/6) = 0.6016, half
    // width 0.3016: 30% to 90%, which includes 50%. Median (1 + 2)/2 = 1.5, interval given as −3 to 4.
    const c = poolConclusion(
      analysis({
        participants: 6,
        differences: [1, 2, -3, 4, -5, 6],
        focusedWins: 4,
        passiveWins: 2,
        focusedWinShare: { estimate: 4 / 6, lower: 0.29999, upper: 0.90323 },
        signTest: { positive: 4, negative: 2, ties: 0, pValue: 0.6875 },
        wilcoxon: { n: 6, wPlus: 13, method: 'exact', pValue: 0.6875 },
        medianDifference: { estimate: 1.5, lower: -3, upper: 4 },
      }),
      LABELS,
    );
    expect(c.evidence).toBe('none-yet');
    expect(c.favours).toBeNull();
    expect(c.text).toBe(
      'No evidence either way yet: neither test reaches p < 0.05 (sign test p = 0.688, Wilcoxon p = 0.688); One focused session won for 4, A week of noticing for 2. The median difference’s 95% interval (−3 to +4) includes 0, and the focused-win share’s 95% interval (30% to 90%) includes 50%. That is not evidence that the two are equal: more participants would narrow the intervals.',
    );
  });

  it('calls it mixed when one test is significant and the other not', () => {
    // Differences +4…+10 and −1, −2, −3 (ten, no ties). Sign test 7 vs 3: p = 2·(1 + 10 + 45 + 120)/1024
    // = 352/1024 = 0.34375. Wilcoxon: W− = 1 + 2 + 3 = 6, W+ = 55 − 6 = 49; subsets of {1..10} with
    // sum ≤ 6: 1+1+1+2+2+3+4 = 14, exact p = 2·14/1024 = 0.02734375.
    const differences = [4, 5, 6, 7, 8, 9, 10, -1, -2, -3];
    const cards = differences.map((d, i) =>
      buildResultCard({
        participant: `anon-key-${String(i).padStart(2, '0')}`,
        templateId: 'week-vs-20-minutes',
        templateVersion: 1,
        phases: [
          { key: 'passive', unit: 'days', length: 7 },
          { key: 'focused', unit: 'minutes', length: 20 },
        ],
        // Eleven passive ideas rated 1 (total 11) and 11 + d focused ones rated 1: focused − passive = d.
        ideas: [
          ...Array.from({ length: 11 }, () => ({ phase: 'passive', text: 'p', value: 1 })),
          ...Array.from({ length: 11 + d }, () => ({ phase: 'focused', text: 'f', value: 1 })),
        ],
        shareTexts: false,
      }),
    );
    const pooled = pooledAnalysis(cards, { seed: 'mixed', resamples: 200 });
    expect(pooled.differences).toEqual(differences);
    expect(pooled.signTest).toMatchObject({ positive: 7, negative: 3, pValue: 0.34375 });
    expect(pooled.wilcoxon).toMatchObject({ n: 10, wPlus: 49, method: 'exact', pValue: 0.02734375 });
    const c = poolConclusion(pooled, LABELS);
    expect(c).toEqual({
      evidence: 'mixed',
      favours: null,
      text: 'Mixed evidence: the Wilcoxon signed-rank test (p = 0.027) reaches p < 0.05 in favour of One focused session, the sign test (p = 0.344) does not; One focused session won for 7, A week of noticing for 3. Treat it as a hint, not a conclusion.',
    });
  });

  it('says the evidence is not settled when the tests agree but an interval includes no difference', () => {
    // Eight differences of +1 and seven ties. Sign test 8 vs 0: p = 2/2⁸ = 0.0078. Wilcoxon: eight
    // tied magnitudes, W+ = 36, mean 18, variance 8·9·17/24 − (8³ − 8)/48 = 51 − 10.5 = 40.5,
    // z = (36 − 18 − 0.5)/√40.5 = 2.750, p = 0.0060. Median of the fifteen: 1; interval given as 0 to 1.
    const c = poolConclusion(
      analysis({
        participants: 15,
        focusedWins: 8,
        ties: 7,
        focusedWinShare: { estimate: 1, lower: 0.6756, upper: 1 },
        signTest: { positive: 8, negative: 0, ties: 7, pValue: 2 / 256 },
        wilcoxon: { n: 8, wPlus: 36, method: 'normal', pValue: 0.00596 },
        medianDifference: { estimate: 1, lower: 0, upper: 1 },
      }),
      LABELS,
    );
    expect(c.evidence).toBe('some');
    expect(c.favours).toBe('focused');
    expect(c.text).toBe(
      'Some evidence that One focused session produced more value, but not settled: both tests reach p < 0.05 (sign test p = 0.008, Wilcoxon p = 0.006), yet the median difference’s 95% interval (0 to +1) includes 0. One focused session won for 8, A week of noticing for 0, 7 ties.',
    );
  });

  it('names the better phase only when both tests agree and both intervals exclude no difference', () => {
    // Differences −1…−8 (passive ahead each time): sign p = 2/2⁸ = 0.0078; Wilcoxon W+ = 0, exact
    // p = 2/2⁸. Wilson 0/8: 0% to 1 − 0.6756 = 32%, below 50%. Median −4.5, interval given −6.5 to −2.5.
    const c = poolConclusion(
      analysis({
        participants: 8,
        passiveWins: 8,
        focusedWinShare: { estimate: 0, lower: 0, upper: 0.3244 },
        signTest: { positive: 0, negative: 8, ties: 0, pValue: 2 / 256 },
        wilcoxon: { n: 8, wPlus: 0, method: 'exact', pValue: 2 / 256 },
        medianDifference: { estimate: -4.5, lower: -6.5, upper: -2.5 },
      }),
      LABELS,
    );
    expect(c).toEqual({
      evidence: 'clear',
      favours: 'passive',
      text: 'Across this pool, A week of noticing produced more value: One focused session won for 0, A week of noticing for 8; median difference −4.5 (95% interval −6.5 to −2.5); both tests reach p < 0.05 (sign test p = 0.008, Wilcoxon p = 0.008). With 8 participants, how large the difference is remains uncertain. It holds for people like these participants, who chose to take part and rated their own ideas.',
    });
  });
});
