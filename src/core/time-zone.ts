import { Temporal } from 'temporal-polyfill';
import * as z from 'zod/mini';
import { validationError } from './errors.js';
import { addDays, datesBetween, daysBetween, weekdayOfDate, weekOf } from './local-date.js';
import './schema-messages.js';

export { addDays, datesBetween, daysBetween, weekdayOfDate, weekOf };

/**
 * Local calendar arithmetic in a person's IANA time zone. Instants are stored as UTC ISO strings;
 * everything a person sees per day or week ("practised on Sunday", "this week") is computed here
 * with Temporal, so days that are 23 or 25 hours long around a DST change come out right.
 */

/** The zone used when a person has not chosen one. */
export const DEFAULT_TIME_ZONE = 'UTC';

const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Berlin or America/New_York';

/** An IANA zone name, or null when Temporal does not know it. Offsets like `+01:00` are refused. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed) || trimmed.length > 64) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(trimmed).timeZoneId;
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/** An IANA time zone name; parsing normalises its spelling (`europe/berlin` -> `Europe/Berlin`). */
export const TimeZone = z.string().check(
  z.refine((name) => isTimeZone(name), TIME_ZONE_MESSAGE),
  z.overwrite((name) => canonicalTimeZone(name) ?? name),
);
export type TimeZone = z.infer<typeof TimeZone>;

/** Validates a zone given on its own (a header, a setting), naming `field` in the error. */
export function parseTimeZone(name: unknown, field = 'timeZone'): string {
  const zone = typeof name === 'string' ? canonicalTimeZone(name) : null;
  if (zone === null) throw validationError(field, TIME_ZONE_MESSAGE);
  return zone;
}

const LOCAL_DATE_MESSAGE = 'must be a calendar date like 2026-11-23';

/** A local calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const LocalDate = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, LOCAL_DATE_MESSAGE), z.refine(isLocalDate, LOCAL_DATE_MESSAGE));

export function isLocalDate(text: string): boolean {
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString() === text;
  } catch {
    return false;
  }
}

const LOCAL_TIME_MESSAGE = 'must be a local time like 09:00 (24-hour clock)';
/** A local wall-clock time `HH:MM`, 00:00 to 23:59. */
export const LocalTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, LOCAL_TIME_MESSAGE));

/** Anything that names an instant: an ISO 8601 string with offset, or a Date. */
export type InstantLike = string | Date;

export function toInstant(at: InstantLike): Temporal.Instant {
  if (at instanceof Date) return Temporal.Instant.fromEpochMilliseconds(at.getTime());
  return Temporal.Instant.from(at);
}

/** The canonical stored form of an instant: UTC with milliseconds (`2026-11-23T10:00:00.000Z`). */
export function instantString(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

export function zoned(at: InstantLike, timeZone: string): Temporal.ZonedDateTime {
  return toInstant(at).toZonedDateTimeISO(timeZone);
}

/** The local calendar date of an instant in a zone, `YYYY-MM-DD`. */
export function localDate(at: InstantLike, timeZone: string): string {
  return zoned(at, timeZone).toPlainDate().toString();
}

/** The local hour (0..23) of an instant; in the repeated hour after a DST fall-back, both count as that hour. */
export function localHour(at: InstantLike, timeZone: string): number {
  return zoned(at, timeZone).hour;
}

/** The ISO weekday of an instant in a zone: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(at: InstantLike, timeZone: string): number {
  return zoned(at, timeZone).dayOfWeek;
}

/**
 * The instant a local day starts. Usually local midnight; in a zone that skips midnight for DST
 * (e.g. America/Santiago) the first instant that exists that day.
 */
export function startOfDay(date: string, timeZone: string): string {
  return instantString(Temporal.PlainDate.from(date).toZonedDateTime(timeZone).toInstant());
}

/** The instant the local week containing `date` starts: its Monday's start of day. */
export function startOfWeek(date: string, timeZone: string): string {
  return startOfDay(weekOf(date), timeZone);
}

/**
 * The instant of a local date and wall-clock time. A time skipped by a DST change (02:30 on the
 * spring-forward day in Berlin) moves forward by the gap; a repeated time takes its first occurrence.
 */
export function localDateTimeToInstant(date: string, time: string, timeZone: string): string {
  const zdt = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(time),
  });
  return instantString(zdt.toInstant());
}
