import { validationError } from '../errors.js';
import { percentOf } from './expected-size.js';
import type { Favoured } from './experiment.js';
import { checkIdeaPrediction, type PredictionCheck } from './prediction-check.js';
import type { PhaseSummary, Trust, Verdict } from './report-view.js';

/** Ideas rated at or above this value count as high-value. */
export const HIGH_VALUE_MIN = 4;
/** How many best ideas a phase summary lists. */
export const BEST_COUNT = 3;
/** Below this many rated ideas in all, or with a phase without any, the report says too little to judge. */
export const TOO_FEW_RATED = 6;
/** Up to this relative difference of total value, the phases count as about the same. */
export const SAME_WITHIN = 0.2;
/** Trust rises from low to moderate only with this many rated ideas and a relative difference this large. */
export const MODERATE_TRUST_RATED = 20;
export const MODERATE_TRUST_DIFFERENCE = 0.5;

export interface RatedIdea {
  id: string;
  text: string;
  /** The phase key the idea was captured in. */
  phase: string;
  /** The blind rating 1..5, or null if it was not rated. */
  value: number | null;
}

export type { PhaseSummary, PredictionCheck, Trust, Verdict };

/** The locked prediction, as far as the report compares it with the result. */
export interface PredictionToCheck {
  favoured: Favoured;
  /** The free-text expected size; compared when it can be read (`parseExpectedSize`). */
  byHowMuch: string | null;
}

/** Whether a check counts as the prediction matching: in direction, and in size when one was read. */
export function checkMatched(check: PredictionCheck): boolean | null {
  if (check.match === 'unclear') return null;
  return check.match === 'matched' || check.match === 'direction';
}

export interface ExperimentReport {
  phases: [PhaseSummary, PhaseSummary];
  verdict: Verdict;
}

export function summarizePhase(key: string, label: string, ideas: readonly RatedIdea[]): PhaseSummary {
  const mine = ideas.filter((i) => i.phase === key);
  const rated = mine.filter((i): i is RatedIdea & { value: number } => i.value !== null);
  const totalValue = rated.reduce((sum, i) => sum + i.value, 0);
  const best = [...rated]
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, BEST_COUNT)
    .map(({ id, text, value }) => ({ id, text, value }));
  return {
    key,
    label,
    count: mine.length,
    rated: rated.length,
    totalValue,
    meanValue: rated.length ? totalValue / rated.length : null,
    highValueCount: rated.filter((i) => i.value >= HIGH_VALUE_MIN).length,
    best,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The report of a two-phase idea experiment: per-phase figures from the blind ratings, and a
 * verdict on total value (what the flagship question asks: does 20 focused minutes yield as much
 * as a week?) with a plain statement of how far one person's single run can be trusted.
 */
export function experimentReport(
  phases: readonly [{ key: string; label: string }, { key: string; label: string }],
  ideas: readonly RatedIdea[],
  prediction: PredictionToCheck,
): ExperimentReport {
  for (const [i, idea] of ideas.entries()) {
    if (idea.value !== null && !(Number.isInteger(idea.value) && idea.value >= 1 && idea.value <= 5))
      throw validationError(`ideas.${i}.value`, 'must be a whole number from 1 to 5, or null');
    if (!phases.some((p) => p.key === idea.phase))
      throw validationError(`ideas.${i}.phase`, `must be one of: ${phases.map((p) => p.key).join(', ')}`);
  }
  const passive = summarizePhase(phases[0].key, phases[0].label, ideas);
  const focused = summarizePhase(phases[1].key, phases[1].label, ideas);
  return { phases: [passive, focused], verdict: verdictOf(passive, focused, prediction) };
}

function verdictOf(passive: PhaseSummary, focused: PhaseSummary, prediction: PredictionToCheck): Verdict {
  const check = (outcome: Favoured | 'unclear') => {
    const predictionCheck = checkIdeaPrediction({ ...prediction, phases: [passive, focused], outcome });
    return { predictionMatched: checkMatched(predictionCheck), predictionCheck };
  };
  const rated = passive.rated + focused.rated;
  const unrated = passive.count - passive.rated + (focused.count - focused.rated);
  const unratedNote = unrated
    ? ` ${plural(unrated, 'idea')} ${unrated === 1 ? 'was' : 'were'} not rated.`
    : '';
  if (rated < TOO_FEW_RATED || passive.rated === 0 || focused.rated === 0) {
    return {
      outcome: 'unclear',
      summary: `Too few ideas to say much: ${plural(passive.rated, 'rated idea')} from ${passive.label} and ${focused.rated} from ${focused.label}.${unratedNote}`,
      trust: 'very-low',
      trustReason: `With fewer than ${TOO_FEW_RATED} rated ideas, or none in one phase, any difference is mostly chance.`,
      ...check('unclear'),
    };
  }
  const difference = focused.totalValue - passive.totalValue;
  const relative = Math.abs(difference) / Math.max(passive.totalValue, focused.totalValue);
  const figures = `total value ${focused.totalValue} vs ${passive.totalValue}`;
  let outcome: Favoured;
  let summary: string;
  if (relative <= SAME_WITHIN) {
    outcome = 'no-difference';
    summary = `${focused.label} and ${passive.label} produced about the same total value (${figures}).`;
  } else if (difference > 0) {
    outcome = 'focused';
    summary = `${focused.label} produced more total value than ${passive.label} (${figures}).`;
  } else {
    outcome = 'passive';
    summary = `${passive.label} produced more total value than ${focused.label} (${passive.totalValue} vs ${focused.totalValue}).`;
  }
  // Said as the verdict's prediction check says sizes: the leading total relative to the other.
  const lower = Math.min(passive.totalValue, focused.totalValue);
  const aheadBy =
    difference === 0
      ? 'equal total values'
      : `${percentOf(Math.abs(difference) / lower)} more total value in one phase than in the other`;
  const moderate =
    rated >= MODERATE_TRUST_RATED && (outcome === 'no-difference' || relative >= MODERATE_TRUST_DIFFERENCE);
  const base =
    'This is one person and one run: the week you happened to have and your mood while rating matter.';
  return {
    outcome,
    summary: sentence(summary) + unratedNote,
    trust: moderate ? 'moderate' : 'low',
    trustReason: moderate
      ? `${base} With ${rated} rated ideas and a clear result it is a fair hint; the pool across people says more.`
      : `${base} With ${rated} rated ideas and ${aheadBy}, treat it as a weak hint.`,
    ...check(outcome),
  };
}
