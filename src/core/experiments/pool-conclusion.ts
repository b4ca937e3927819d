import { plural } from '../plural.js';
import { ALPHA, WILCOXON_MIN_N } from '../stats/index.js';
import type { PoolConclusion, PooledAnalysis } from './pool-view.js';

export type { PoolConclusion };

/** Below this many participants a clear result still says its size is uncertain. */
export const CONCLUSION_FEW_PARTICIPANTS = 20;

type Side = 'passive' | 'focused';

const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const percent = (x: number) => `${Math.round(x * 100)}%`;
const signed = (x: number) => {
  const text = String(Number(Math.abs(x).toFixed(2)));
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : '0';
};

/**
 * The pool's conclusion in plain words. It never claims more than the analysis can carry: with
 * too few participants with a winner it says so; when neither test reaches p < 0.05 it says there
 * is no evidence either way yet (not that the phases are equal); when only one test does, or the
 * tests point different ways, it says the evidence is mixed; when both do but the median
 * difference's interval includes 0 or the win share's interval includes 50%, it says the evidence
 * is not settled; only otherwise does it name the phase that did better.
 */
export function poolConclusion(
  analysis: PooledAnalysis,
  phaseLabels: readonly [string, string],
): PoolConclusion {
  const label = (side: Side) => phaseLabels[side === 'passive' ? 0 : 1];
  const { participants, focusedWins, passiveWins, signTest, wilcoxon } = analysis;
  const decided = focusedWins + passiveWins;
  const tally = `${label('focused')} won for ${focusedWins}, ${label('passive')} for ${passiveWins}${analysis.ties ? `, ${plural(analysis.ties, 'tie')}` : ''}`;

  if (participants === 0)
    return { evidence: 'no-cards', favours: null, text: 'No cards yet, so nothing to conclude.' };
  if (!('pValue' in signTest) || !('pValue' in wilcoxon))
    return {
      evidence: 'too-few',
      favours: null,
      text: `Too few participants to conclude anything yet: ${plural(decided, 'participant')} with a winner, and the tests need at least ${WILCOXON_MIN_N} before any result could reach p < ${ALPHA}. So far ${tally}.`,
    };

  const intervalNotes = nullIncluded(analysis);
  const signSide: Side | null =
    signTest.positive === signTest.negative
      ? null
      : signTest.positive > signTest.negative
        ? 'focused'
        : 'passive';
  // W+ above its expectation under no difference, n(n + 1) / 4, means the larger differences favour focused.
  const wilcoxonMean = (wilcoxon.n * (wilcoxon.n + 1)) / 4;
  const wilcoxonSide: Side | null =
    wilcoxon.wPlus === wilcoxonMean ? null : wilcoxon.wPlus > wilcoxonMean ? 'focused' : 'passive';
  const signSignificant = signTest.pValue < ALPHA;
  const wilcoxonSignificant = wilcoxon.pValue < ALPHA;
  const pValues = `sign test ${pText(signTest.pValue)}, Wilcoxon ${pText(wilcoxon.pValue)}`;

  if (!signSignificant && !wilcoxonSignificant) {
    const notes = intervalNotes.length ? ` ${sentence(intervalNotes.join(', and '))}.` : '';
    return {
      evidence: 'none-yet',
      favours: null,
      text: `No evidence either way yet: neither test reaches p < ${ALPHA} (${pValues}); ${tally}.${notes} That is not evidence that the two are equal: more participants would narrow the intervals.`,
    };
  }

  if (signSignificant !== wilcoxonSignificant || signSide !== wilcoxonSide) {
    const [yes, no] = signSignificant
      ? [
          `the sign test (${pText(signTest.pValue)})`,
          `the Wilcoxon signed-rank test (${pText(wilcoxon.pValue)})`,
        ]
      : [
          `the Wilcoxon signed-rank test (${pText(wilcoxon.pValue)})`,
          `the sign test (${pText(signTest.pValue)})`,
        ];
    const side = signSignificant ? signSide : wilcoxonSide;
    const agreeing = signSignificant && wilcoxonSignificant;
    return {
      evidence: 'mixed',
      favours: null,
      text: agreeing
        ? `Mixed evidence: both tests reach p < ${ALPHA} but point different ways (${pValues}); ${tally}. Do not draw a conclusion yet.`
        : `Mixed evidence: ${yes} reaches p < ${ALPHA}${side ? ` in favour of ${label(side)}` : ''}, ${no} does not; ${tally}. Treat it as a hint, not a conclusion.`,
    };
  }

  const side = signSide as Side;
  const median = analysis.medianDifference;
  const medianText = median
    ? `; median difference ${signed(median.estimate)} (95% interval ${signed(median.lower)} to ${signed(median.upper)})`
    : '';
  if (intervalNotes.length > 0)
    return {
      evidence: 'some',
      favours: side,
      text: `Some evidence that ${label(side)} produced more value, but not settled: both tests reach p < ${ALPHA} (${pValues}), yet ${intervalNotes.join(', and ')}. ${sentence(tally)}.`,
    };
  const few =
    participants < CONCLUSION_FEW_PARTICIPANTS
      ? ` With ${plural(participants, 'participant')}, how large the difference is remains uncertain.`
      : '';
  return {
    evidence: 'clear',
    favours: side,
    text: `Across this pool, ${label(side)} produced more value: ${tally}${medianText}; both tests reach p < ${ALPHA} (${pValues}).${few} It holds for people like these participants, who chose to take part and rated their own ideas.`,
  };
}

/** The intervals that include "no difference": 0 for the median difference, 50% for the win share. */
function nullIncluded(analysis: PooledAnalysis): string[] {
  const notes: string[] = [];
  const median = analysis.medianDifference;
  if (median && median.lower <= 0 && median.upper >= 0)
    notes.push(
      `the median difference’s 95% interval (${signed(median.lower)} to ${signed(median.upper)}) includes 0`,
    );
  const share = analysis.focusedWinShare;
  if (share && share.lower <= 0.5 && share.upper >= 0.5)
    notes.push(
      `the focused-win share’s 95% interval (${percent(share.lower)} to ${percent(share.upper)}) includes 50%`,
    );
  return notes;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
