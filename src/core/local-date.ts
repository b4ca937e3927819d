/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD`). A local date names a day, not an instant,
 * so no time zone is involved: UTC midnight is only a way to count days with Date. Pure and light,
 * so the browser can use it without the Temporal polyfill that time-zone.ts needs.
 */

const DAY_MS = 86_400_000;

function utcMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO weekday of a local date: 1 = Monday ... 7 = Sunday. */
export function weekdayOfDate(date: string): number {
  return ((new Date(utcMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

/** The date `days` after (or, negative, before) a local date. */
export function addDays(date: string, days: number): string {
  return dateOf(utcMidnight(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The Monday of the week a local date falls in (weeks start on Monday). */
export function weekOf(date: string): string {
  return addDays(date, 1 - weekdayOfDate(date));
}

/** The local dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
