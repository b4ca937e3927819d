import { addDays } from '../../../../src/core/local-date.js';

/*
 * Local dates (YYYY-MM-DD) and instants as the person reads them, in their zone. A local date is
 * printed through the Date of its UTC midnight with UTC formatters, so it never shifts a day.
 */

/** The review date a new plan or a new course starts with: two weeks from `today`. */
export function defaultReviewOn(today: string): string {
  return addDays(today, 14);
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon, 7 Dec" for a local date. */
export function dayText(date: string): string {
  return dayFormat.format(utcDate(date));
}

/** "7 Dec" for a local date. */
export function shortDayText(date: string): string {
  return shortDayFormat.format(utcDate(date));
}

/** "Monday, 7 December 2026". */
export function longDayText(date: string): string {
  return longDayFormat.format(utcDate(date));
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });

/** "Wednesday" for a local date. */
export function weekdayText(date: string): string {
  return weekdayFormat.format(utcDate(date));
}

/** 1 (Monday) to 7 (Sunday) for a local date. */
export function isoWeekday(date: string): number {
  return ((utcDate(date).getUTCDay() + 6) % 7) + 1;
}

/** "Nov 23 – 29" (or "23–29 Nov", as the locale writes ranges) for a week given by its Monday. */
export function weekText(monday: string): string {
  return shortDayFormat.formatRange(utcDate(monday), utcDate(addDays(monday, 6)));
}

/** "today", "tomorrow", "in 5 days", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "10:42" in the person's zone. */
export function clockTime(iso: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
}

/** "Tue, 24 Nov, 10:42" in the person's zone. */
export function dayAndTime(iso: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString();
  }
}
