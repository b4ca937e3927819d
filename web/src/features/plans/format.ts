import type { WeekProrating } from '../../../../src/core/plans/progress-view.js';
import { isoWeekday, weekdayText } from './dates.js';

/** Durations and cadences in short words. */

/** "45 min", "1 h 30 min", "2 h". */
export function minutesText(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A stored cadence in short words: "2 × 30 min a week", or the block length and its rule. */
export function cadenceWords(cadence: { rule: string; minutes: number; perWeek: number | null }): string {
  return cadence.perWeek !== null
    ? `${cadence.perWeek} × ${cadence.minutes} min a week`
    : `${cadence.minutes}-min blocks, ${cadence.rule}`;
}

/** Why a week's target covers part of it: "the plan started on Wednesday". */
export function proratedReason(prorated: WeekProrating, who = 'the plan'): string {
  const why: string[] = [];
  if (isoWeekday(prorated.from) !== 1) why.push(`${who} started on ${weekdayText(prorated.from)}`);
  if (isoWeekday(prorated.to) !== 7)
    why.push(`${why.length > 0 ? 'was' : `${who} was`} dropped on ${weekdayText(prorated.to)}`);
  return why.join(' and ');
}

/**
 * Why a week's target is smaller than the cadence: "prorated: the plan started on Wednesday (a
 * whole week asks 1 h 30 min)". `who` names the plan ("the plan", or its title in quotes).
 */
export function proratedText(prorated: WeekProrating, who = 'the plan'): string {
  return `prorated: ${proratedReason(prorated, who)} (a whole week asks ${minutesText(prorated.fullMinutes)})`;
}
