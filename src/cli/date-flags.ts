import { validationError } from '../core/errors.js';
import { addDays } from '../core/local-date.js';
import { instantString, localDate, localDateTimeToInstant, toInstant, zoned } from '../core/time-zone.js';

/*
 * Dates as a person types them on the command line: a calendar date, an ISO instant, or a day
 * relative to today (today, yesterday, 3d, 2w). The same words work for every flag that reads a
 * past date, so `--since 1w` means what `--review-in 2w` suggests it would.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `3d`, `2 weeks`, or with `ahead`, `in 3d`: the number of days; null when `text` is none of these. */
function daysIn(text: string, ahead = false): number | null {
  const match = (
    ahead ? /^(?:in\s+)?(\d{1,4})\s*(d|days?|w|weeks?)$/i : /^(\d{1,4})\s*(d|days?|w|weeks?)$/i
  ).exec(text);
  return match ? Number(match[1]) * (match[2]?.startsWith('w') ? 7 : 1) : null;
}

/** The local date (or the ISO instant as given) that `raw` names, counting back from `today`. */
export function pastDateFlag(flag: string, raw: string, today: string): string {
  const text = raw.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  const back = daysIn(text);
  if (back !== null) return addDays(today, -back);
  if (DATE.test(text) || !Number.isNaN(Date.parse(raw.trim()))) return raw.trim();
  throw validationError(
    flag,
    `"${raw}" is not a date: use YYYY-MM-DD, an ISO date-time, today, yesterday, or a number of days or weeks ago such as 3d or 1w`,
  );
}

/** The local date `raw` names, counting ahead from `today`: a date, today, tomorrow, 3d, 2w. */
export function futureDateFlag(flag: string, raw: string, today: string): string {
  const text = raw.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'tomorrow') return addDays(today, 1);
  const ahead = daysIn(text, true);
  if (ahead !== null) return addDays(today, ahead);
  if (DATE.test(text)) return text;
  throw validationError(
    flag,
    `"${raw}" is not a date: use YYYY-MM-DD, today, tomorrow, or a number of days or weeks ahead such as 3d or 2w`,
  );
}

const AGO = /^(\d{1,4})\s*(m|min|minutes?|h|hours?)$/i;

/**
 * The instant `raw` names, in the past: an ISO date-time as given; 30m or 2h ago; or a day
 * (a date, today, yesterday, 3d, 1w) at the current time of day in `timeZone`.
 */
export function pastInstantFlag(flag: string, raw: string, now: Date, timeZone: string): string {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  const ago = AGO.exec(text);
  if (ago) {
    const minutes = Number(ago[1]) * (ago[2]?.toLowerCase().startsWith('h') ? 60 : 1);
    return instantString(toInstant(now).subtract({ minutes }));
  }
  try {
    const day = pastDateFlag(flag, text, localDate(now, timeZone));
    if (!DATE.test(day)) throw new Error('not a day');
    const time = zoned(now, timeZone).toPlainTime().toString().slice(0, 5);
    return localDateTimeToInstant(day, time, timeZone);
  } catch {
    throw validationError(
      flag,
      `"${raw}" is not a time: use an ISO date-time, 30m or 2h ago, or a day (YYYY-MM-DD, today, yesterday, 3d, 1w)`,
    );
  }
}
