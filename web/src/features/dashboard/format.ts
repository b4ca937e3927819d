import { plural } from '../../../../src/core/plural.js';

/** "0 days", "1 day", "12 days": a streak's length. */
export function streakDays(days: number): string {
  return days === 0 ? '0 days' : plural(days, 'day');
}
