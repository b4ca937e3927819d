import {
  type ExpectedSize,
  expectedSizeText,
  parseExpectedSize,
  percentOf,
  signedPercent,
} from './expected-size.js';
import type { Favoured } from './experiment.js';
import type { PredictionCheck } from './report-view.js';

export type { PredictionCheck };

type Outcome = Favoured | 'unclear';

/** Sizes closer than this count as equal: "a third" is reached by 40 vs 30 despite rounding. */
const EPSILON = 1e-9;

interface PhaseTotal {
  label: string;
  totalValue: number;
}

export interface IdeaPredictionInput {
  favoured: Favoured;
  byHowMuch: string | null;
  /** The first (passive) and second (focused) phase with their total blind value. */
  phases: readonly [PhaseTotal, PhaseTotal];
  /** The report's outcome: which phase won by more than "about the same", or unclear. */
  outcome: Outcome;
}

const UNCLEAR: PredictionCheck = {
  match: 'unclear',
  text: 'Cannot tell: the result is unclear.',
  predicted: null,
  observed: null,
};

/**
 * `relative` as a percentage, with one decimal when whole percentages would hide which side of
 * the predicted size it lies ("≥ +33%" and "+33%" for 32.6%: then "≥ +33.3%", "+32.6%").
 */
function figures(size: ExpectedSize, observed: number): string {
  const wholeEqual = Math.round(size.relative * 100) === Math.round(observed * 100);
  const digits = wholeEqual && Math.abs(size.relative - observed) > EPSILON ? 1 : 0;
  return `predicted ${expectedSizeText(size, digits)}, observed ${signedPercent(observed, digits)}`;
}

/**
 * Compares a two-phase idea experiment's total values with the locked prediction: its direction
 * (which phase wins, or no difference) and, when "by how much" states a size that can be read
 * (`parseExpectedSize`), that size. The observed size is the favoured phase's total relative to
 * the other's: 40 vs 30 is +33%.
 */
export function checkIdeaPrediction(input: IdeaPredictionInput): PredictionCheck {
  const { favoured, byHowMuch, phases, outcome } = input;
  if (outcome === 'unclear') return UNCLEAR;
  const [first, second] = phases;

  if (favoured === 'no-difference') {
    const observed = first.totalValue > 0 ? (second.totalValue - first.totalValue) / first.totalValue : null;
    const relative = observed === null ? '' : ` (${second.label} ${signedPercent(observed)})`;
    const sizeNote = byHowMuch ? `; "${byHowMuch}" is not compared for a prediction of no difference` : '';
    if (outcome === 'no-difference')
      return {
        match: 'matched',
        text: `Matched: about the same${relative}${sizeNote}.`,
        predicted: null,
        observed,
      };
    const winner = outcome === 'focused' ? second : first;
    return {
      match: 'no-difference',
      text: `Not matched: ${winner.label} produced clearly more${relative}, not about the same${sizeNote}.`,
      predicted: null,
      observed,
    };
  }

  const [mine, other] = favoured === 'focused' ? [second, first] : [first, second];
  if (other.totalValue === 0) return UNCLEAR;
  const observed = (mine.totalValue - other.totalValue) / other.totalValue;
  const size = parseExpectedSize(byHowMuch);

  if (observed < 0) {
    // Said from the leader's side, as the trust reason says it: 26 vs 15 is "ahead by 73%".
    const aheadBy = percentOf((other.totalValue - mine.totalValue) / mine.totalValue);
    const predicted = size ? ` (predicted: ${mine.label} ahead by ${expectedSizeText(size, 0, false)})` : '';
    return {
      match: 'opposite',
      text: `Opposite direction: ${other.label} was ahead by ${aheadBy}${predicted}.`,
      predicted: size,
      observed,
    };
  }
  if (observed === 0)
    return {
      match: 'no-difference',
      text: `Not matched: no difference in total value (${size ? figures(size, observed) : 'observed 0%'}).`,
      predicted: size,
      observed,
    };

  if (size) {
    const numbers = figures(size, observed);
    if (size.bound === 'at-least' ? observed >= size.relative - EPSILON : observed <= size.relative + EPSILON)
      return {
        match: 'matched',
        text: `Matched in direction and size (${numbers}).`,
        predicted: size,
        observed,
      };
    return size.bound === 'at-least'
      ? {
          match: 'smaller-than-predicted',
          text: `Right direction, smaller than predicted (${numbers}).`,
          predicted: size,
          observed,
        }
      : {
          match: 'larger-than-predicted',
          text: `Right direction, larger than predicted (${numbers}).`,
          predicted: size,
          observed,
        };
  }

  if (outcome !== favoured)
    return {
      match: 'too-small-to-call',
      text: `Right direction, but too small to call a winner (observed ${signedPercent(observed)}; the report counts totals this close as about the same).`,
      predicted: null,
      observed,
    };
  const unread = byHowMuch
    ? `the size "${byHowMuch}" could not be read as a number, so it was not compared (write e.g. "at least 30% more" or "twice as much")`
    : 'no size was predicted';
  return {
    match: 'direction',
    text: `Matched in direction (observed ${signedPercent(observed)}); ${unread}.`,
    predicted: null,
    observed,
  };
}

/**
 * The direction-only check of a baseline-vs-change experiment, whose outcome comes from a test
 * of medians: whether the predicted phase came out better, and a plain note that the size is not
 * compared.
 */
export function checkMeasurementPrediction(input: {
  favoured: Favoured;
  byHowMuch: string | null;
  phases: readonly [{ label: string }, { label: string }];
  outcome: Outcome;
}): PredictionCheck {
  const { favoured, byHowMuch, phases, outcome } = input;
  if (outcome === 'unclear') return UNCLEAR;
  const label = (f: 'passive' | 'focused') => phases[f === 'passive' ? 0 : 1].label;
  const sizeNote = byHowMuch ? `; the size "${byHowMuch}" is not compared for a measurement` : '';
  const result = (match: PredictionCheck['match'], text: string): PredictionCheck => ({
    match,
    text: `${text}${sizeNote}.`,
    predicted: null,
    observed: null,
  });
  if (favoured === outcome)
    return result(
      favoured === 'no-difference' ? 'matched' : 'direction',
      favoured === 'no-difference' ? 'Matched: about the same' : 'Matched in direction',
    );
  if (outcome === 'no-difference') return result('no-difference', 'Not matched: about the same');
  if (favoured === 'no-difference')
    return result('no-difference', `Not matched: ${label(outcome)} came out better`);
  return result('opposite', `Opposite direction: ${label(outcome)} came out better`);
}
