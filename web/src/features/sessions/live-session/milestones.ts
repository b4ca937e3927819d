import type { SessionView } from '../../../../../src/core/sessions/view.js';
import type { SessionStep } from '../api.js';

const FIVE_MINUTES = 5 * 60_000;
const ONE_MINUTE = 60_000;

/** Milestones worth a screen-reader announcement: every 5 minutes, and one minute left. */
export function crossedMilestone(before: number, after: number): number | null {
  if (after >= before) return null;
  if (before > ONE_MINUTE && after <= ONE_MINUTE) return ONE_MINUTE;
  const mark = Math.ceil(after / FIVE_MINUTES) * FIVE_MINUTES;
  if (mark > 0 && before > mark && after <= mark) return mark;
  return null;
}

/** "1 minute left.", "15 minutes left." */
export function milestoneText(mark: number): string {
  return mark === ONE_MINUTE ? '1 minute left.' : `${mark / ONE_MINUTE} minutes left.`;
}

/** What the live region says after a step: the state change, or the new question. */
export function stepAnnouncement(step: SessionStep, view: SessionView): string {
  if (step === 'pause') return 'Session paused.';
  if (step === 'resume') return 'Session resumed.';
  if (step === 'end') return 'Session ended. Rate your ideas.';
  return view.current ? `Question ${view.position + 1} of ${view.queueLength}: ${view.current.text}` : '';
}
