import { validationError } from '../core/errors.js';
import { addDays } from '../core/local-date.js';

/*
 * Dates as a person types them on the command line: a calendar date, an ISO instant, or a day
 * relative to today (today, yesterday, 3d, 2w). The same words work for every flag that reads a
 * past date, so `--since 1w` means what `--review-in 2w` suggests it would.
 */

const BACK = /^(\d{1,4})\s*(d|days?|w|weeks?)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local date (or the ISO instant as given) that `raw` names, counting back from `today`. */
export function pastDateFlag(flag: string, raw: string, today: string): string {
  const text = raw.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  const back = BACK.exec(text);
  if (back) return addDays(today, -Number(back[1]) * (back[2]?.startsWith('w') ? 7 : 1));
  if (DATE.test(text) || !Number.isNaN(Date.parse(raw.trim()))) return raw.trim();
  throw validationError(
    flag,
    `"${raw}" is not a date: use YYYY-MM-DD, an ISO date-time, today, yesterday, or a number of days or weeks ago such as 3d or 1w`,
  );
}
