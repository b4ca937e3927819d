import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { LocalDate, LocalTime } from '../time-zone.js';
import '../schema-messages.js';

/** ISO weekdays, Monday first, as the keys of the weekly hours. */
export { WEEKDAYS, type Weekday } from './weekdays.js';

/**
 * A stretch of wall-clock time in the coach's zone, `09:00`–`12:30`. `end` is exclusive and may be
 * `24:00` for "until midnight".
 */
export const LocalRange = z
  .strictObject({
    start: LocalTime,
    end: z.union([LocalTime, z.literal('24:00')]),
  })
  .check(z.refine((r) => r.start < r.end, { error: 'must end after it starts', path: ['end'] }));
export type LocalRange = z.infer<typeof LocalRange>;

const ranges = z.array(LocalRange).check(z.maxLength(12, 'at most 12 ranges a day'));

/**
 * When a coach may be booked, all in their own time zone: weekly hours; date overrides that replace
 * a day's hours (an extra afternoon; an empty list blocks the day); time off, whole days from–to
 * inclusive. Busy times from their calendar and existing bookings come on top, at computation.
 */
export const Availability = z.strictObject({
  weekly: z.strictObject({
    mon: ranges,
    tue: ranges,
    wed: ranges,
    thu: ranges,
    fri: ranges,
    sat: ranges,
    sun: ranges,
  }),
  overrides: z
    .array(z.strictObject({ date: LocalDate, ranges }))
    .check(z.maxLength(366, 'at most 366 overrides')),
  timeOff: z
    .array(
      z
        .strictObject({
          from: LocalDate,
          to: LocalDate,
          note: z.optional(z.string().check(z.maxLength(200))),
        })
        .check(z.refine((t) => t.from <= t.to, { error: 'must not end before it starts', path: ['to'] })),
    )
    .check(z.maxLength(200, 'at most 200 stretches of time off')),
});
export type Availability = z.infer<typeof Availability>;

/** A new coach's hours: none, until they set some. */
export const EMPTY_AVAILABILITY: Availability = {
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  overrides: [],
  timeOff: [],
};

/** A span of real time, `[start, end)`, as UTC ISO instants. */
export interface InstantRange {
  start: string;
  end: string;
}

/** A calendar the coach pasted (an ICS URL) whose events block slots. */
export const BusyCalendarInput = z.strictObject({
  url: z.url({
    protocol: /^(https?|webcal)$/,
    error: 'must be an http(s) or webcal address of an ICS calendar',
  }),
  label: z.optional(z.string().check(z.trim(), z.maxLength(80))),
});
export type BusyCalendarInput = z.infer<typeof BusyCalendarInput>;

export const BusyCalendar = z.object({
  id: z.string(),
  label: z.string(),
  /** The address with any secret path or query shown shortened: the full one is a secret. */
  urlPreview: z.string(),
  /** When a fetch last succeeded; its busy times are the ones in use. */
  lastSuccessAt: z.nullable(z.iso.datetime()),
  lastAttemptAt: z.nullable(z.iso.datetime()),
  /** Why the last attempt failed, in words; null when it worked. */
  lastError: z.nullable(z.string()),
  busyCount: z.number(),
});
export type BusyCalendar = z.infer<typeof BusyCalendar>;
export const BusyCalendarList = listOf(BusyCalendar);
export type BusyCalendarList = z.infer<typeof BusyCalendarList>;
