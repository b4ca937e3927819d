import type { Favoured } from '../../../../src/core/experiments/experiment.js';
import type { PredictionCheck, Trust } from '../../../../src/core/experiments/report.js';
import type { ExperimentView, NextStep } from '../../../../src/core/experiments/view.js';

/** The states of an experiment that is still under way (one at a time). */
export const UNFINISHED_STATES: readonly ExperimentView['state'][] = [
  'draft',
  'passive',
  'focused',
  'rating',
];

export function isUnfinished(view: ExperimentView): boolean {
  return UNFINISHED_STATES.includes(view.state);
}

/** The experiment's state in words, using its own phase labels. */
export function stateLabel(view: ExperimentView): string {
  switch (view.state) {
    case 'draft':
      return 'Not started';
    case 'passive':
      return view.phases[0].label;
    case 'focused':
      return view.phases[1].endedAt ? 'Waiting to rate' : view.phases[1].label;
    case 'rating':
      return view.measures === 'ideas' ? 'Blind rating' : 'Finishing';
    case 'reported':
      return 'Report ready';
    case 'abandoned':
      return 'Abandoned';
  }
}

/** What the predicted (or found) winner is called in this experiment. */
export function favouredLabel(
  phases: readonly [{ label: string }, { label: string }],
  favoured: Favoured,
): string {
  if (favoured === 'passive') return phases[0].label;
  if (favoured === 'focused') return phases[1].label;
  return 'No difference';
}

/** The server's one-line status where the experiment is already named: without "Experiment: ". */
export function statusText(view: ExperimentView): string {
  const text = view.status.headline.replace(/^Experiment: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label of the button that takes the next step. */
export function nextStepLabel(view: ExperimentView, step: NextStep): string {
  switch (step) {
    case 'lockPrediction':
      return 'Lock my prediction';
    case 'startPassive':
      return `Start phase 1: ${view.phases[0].label}`;
    case 'startFocused':
      return `Start phase 2: ${view.phases[1].label}`;
    case 'endFocused':
      return 'End phase 2 now';
    case 'startRating':
      return view.measures === 'ideas' ? 'Start blind rating' : 'Finish and see the report';
    case 'finishTriage':
      return 'Sort out the ideas blind';
    case 'report':
      return 'See the report';
  }
}

/** Which phase is running (0 or 1), or null between phases and before or after both. */
export function runningPhaseIndex(view: ExperimentView): 0 | 1 | null {
  if (view.state === 'passive') return 0;
  if (view.state === 'focused' && !view.phases[1].endedAt) return 1;
  return null;
}

/** The status card's heading: the phase that runs, or the server's one-line status without "Experiment:". */
export function nowHeading(view: ExperimentView): string {
  const running = runningPhaseIndex(view);
  if (running === null) return statusText(view);
  const what = `Phase ${running + 1} of 2: ${view.phases[running].label}`;
  if (!view.status.due) return what;
  if (running === 0) return `${what} is over — start phase 2 when you are ready`;
  return view.measures === 'ideas' ? `${what} is over — time to rate` : `${what} is over — see what changed`;
}

export const TRUST_LABELS: Record<Trust, string> = {
  'very-low': 'Very low',
  low: 'Low',
  moderate: 'Moderate',
};

/** How a prediction check is coloured: matched, partly (right direction only), not, or unknown. */
export const MATCH_TONES: Record<PredictionCheck['match'], 'yes' | 'partly' | 'no' | 'neutral'> = {
  matched: 'yes',
  direction: 'yes',
  'smaller-than-predicted': 'partly',
  'larger-than-predicted': 'partly',
  'too-small-to-call': 'partly',
  'no-difference': 'no',
  opposite: 'no',
  unclear: 'neutral',
};
