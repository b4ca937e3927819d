import { addDays, datesBetween, weekdayOfDate, weekOf } from '../local-date.js';
import { localDate, localDateTimeToInstant, startOfDay, zoned } from '../time-zone.js';
import { type Availability, type InstantRange, type LocalRange, WEEKDAYS } from './availability.js';
import type { Slot, SlotList, SlotRefusal } from './booking.js';
import type { ConversationType } from './conversation-type.js';

/**
 * Which starts a coach can be booked at, as a pure function of their rules and what already fills
 * their time. The steps, in order: weekly hours in the coach's zone → concrete ranges per local
 * day → date overrides replace a day, time off removes it → candidate starts at the type's
 * increment from each range's start → minus starts whose buffered time meets a booking or a busy
 * time → days and weeks whose limit is reached drop out → only starts from now + notice up to the
 * horizon. Local days are turned into instants with Temporal, so DST changes on either side (the
 * coach's or the booker's) come out right.
 */

const MINUTE = 60_000;

/** The parts of a conversation type that shape its slots. */
export type SlotRules = Pick<
  ConversationType,
  | 'durationMinutes'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'minimumNoticeMinutes'
  | 'horizonDays'
  | 'dailyLimit'
  | 'weeklyLimit'
  | 'slotIncrementMinutes'
>;

/** A confirmed booking of the coach (any type): its start, and the buffered time it keeps. */
export interface BookedTime {
  start: string;
  blockedFrom: string;
  blockedUntil: string;
}

export interface SlotInput {
  /** The coach's zone: the weekly hours, overrides, time off and limits are in it. */
  timeZone: string;
  availability: Availability;
  rules: SlotRules;
  bookings: readonly BookedTime[];
  /** External busy times (the coach's calendars). */
  busy: readonly InstantRange[];
  now: string;
}

interface Span {
  start: number;
  end: number;
}

const ms = (instant: string) => Date.parse(instant);
const iso = (epoch: number) => new Date(epoch).toISOString();
const meets = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The local ranges of one date: an override replaces the weekly hours; time off clears the day. */
function rangesOn(availability: Availability, date: string): readonly LocalRange[] {
  if (availability.timeOff.some((off) => off.from <= date && date <= off.to)) return [];
  const override = availability.overrides.find((o) => o.date === date);
  if (override) return override.ranges;
  const weekday = WEEKDAYS[weekdayOfDate(date) - 1];
  return weekday ? availability.weekly[weekday] : [];
}

function toSpan(date: string, range: LocalRange, timeZone: string): Span {
  const end =
    range.end === '24:00'
      ? startOfDay(addDays(date, 1), timeZone)
      : localDateTimeToInstant(date, range.end, timeZone);
  return { start: ms(localDateTimeToInstant(date, range.start, timeZone)), end: ms(end) };
}

/** The first instant beyond the horizon: the start of the day after today + horizonDays, coach's zone. */
function horizonEnd(input: SlotInput): number {
  const today = localDate(input.now, input.timeZone);
  return ms(startOfDay(addDays(today, input.rules.horizonDays + 1), input.timeZone));
}

/** The available stretches of real time, per the weekly hours, overrides and time off, meeting `[from, to)`. */
function availableSpans(input: SlotInput, from: number, to: number): Span[] {
  const { timeZone } = input;
  // One local day either side: a range of the coach's day may fall on the viewer's neighbour day.
  const first = addDays(localDate(iso(from), timeZone), -1);
  const last = addDays(localDate(iso(to), timeZone), 1);
  return datesBetween(first, last)
    .flatMap((date) => rangesOn(input.availability, date).map((range) => toSpan(date, range, timeZone)))
    .filter((span) => meets(span, { start: from, end: to }));
}

/** Every start the availability allows in `[from, to)`, at the increment from each range's start. */
function candidateStarts(input: SlotInput, from: number, to: number): Span[] {
  const duration = input.rules.durationMinutes * MINUTE;
  const step = input.rules.slotIncrementMinutes * MINUTE;
  const out: Span[] = [];
  for (const span of availableSpans(input, from, to))
    for (let start = span.start; start + duration <= span.end; start += step)
      if (start >= from && start < to) out.push({ start, end: start + duration });
  return out.sort((a, b) => a.start - b.start);
}

/** Buffered time of a start: what it would keep from other bookings. */
function blockedBy(rules: SlotRules, slot: Span): Span {
  return {
    start: slot.start - rules.bufferBeforeMinutes * MINUTE,
    end: slot.end + rules.bufferAfterMinutes * MINUTE,
  };
}

/** Local dates (coach's zone) and ISO weeks whose limit the existing bookings already reach. */
function fullDaysAndWeeks(input: SlotInput): { days: Set<string>; weeks: Set<string> } {
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const booking of input.bookings) {
    const date = localDate(booking.start, input.timeZone);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    perWeek.set(weekOf(date), (perWeek.get(weekOf(date)) ?? 0) + 1);
  }
  const { dailyLimit, weeklyLimit } = input.rules;
  const full = (counts: Map<string, number>, limit: number | null) =>
    new Set(limit === null ? [] : [...counts].filter(([, n]) => n >= limit).map(([key]) => key));
  return { days: full(perDay, dailyLimit), weeks: full(perWeek, weeklyLimit) };
}

function refusalOf(
  input: SlotInput,
  slot: Span,
  full: { days: Set<string>; weeks: Set<string> },
): SlotRefusal | null {
  const date = localDate(iso(slot.start), input.timeZone);
  if (full.days.has(date) || full.weeks.has(weekOf(date))) return 'limit-reached';
  const blocked = blockedBy(input.rules, slot);
  if (input.bookings.some((b) => meets(blocked, { start: ms(b.blockedFrom), end: ms(b.blockedUntil) })))
    return 'taken';
  if (input.busy.some((b) => meets(blocked, { start: ms(b.start), end: ms(b.end) })))
    return 'outside-availability';
  return null;
}

/** The window in which starts may lie at all: from now + notice to the horizon. */
function bookableWindow(input: SlotInput): Span {
  return { start: ms(input.now) + input.rules.minimumNoticeMinutes * MINUTE, end: horizonEnd(input) };
}

/** Free slots whose start lies in `[from, to)` (instants; default: the whole bookable window). */
export function freeSlots(input: SlotInput, from?: string, to?: string): InstantRange[] {
  const window = bookableWindow(input);
  const start = Math.max(window.start, from === undefined ? window.start : ms(from));
  const end = Math.min(window.end, to === undefined ? window.end : ms(to));
  if (start >= end) return [];
  const full = fullDaysAndWeeks(input);
  return candidateStarts(input, start, end)
    .filter((slot) => refusalOf(input, slot, full) === null)
    .map((slot) => ({ start: iso(slot.start), end: iso(slot.end) }));
}

/**
 * Why `start` cannot be booked, or null when it can: the answer to a booking request. The order
 * matters to the person reading it: a past time is "past" before it is "outside availability".
 */
export function refusalOfStart(input: SlotInput, start: string): SlotRefusal | null {
  const at = ms(start);
  if (at < ms(input.now)) return 'past';
  const window = bookableWindow(input);
  if (at < window.start) return 'inside-notice';
  if (at >= window.end) return 'beyond-horizon';
  const slot = { start: at, end: at + input.rules.durationMinutes * MINUTE };
  const span = availableSpans(input, slot.start, slot.end).find(
    (s) => s.start <= slot.start && slot.end <= s.end,
  );
  if (!span) return 'outside-availability';
  if ((slot.start - span.start) % (input.rules.slotIncrementMinutes * MINUTE) !== 0)
    return 'not-on-increment';
  return refusalOf(input, slot, fullDaysAndWeeks(input));
}

/** Slots grouped by the viewer's local day, with the local date and time each shows. */
export function slotsByLocalDay(slots: readonly InstantRange[], timeZone: string): SlotList {
  const days: SlotList['days'] = [];
  for (const range of slots) {
    const local = zoned(range.start, timeZone);
    const slot: Slot = {
      ...range,
      localDate: local.toPlainDate().toString(),
      localTime: local.toPlainTime().toString({ smallestUnit: 'minute' }),
    };
    const last = days.at(-1);
    if (last?.date === slot.localDate) last.slots.push(slot);
    else days.push({ date: slot.localDate, slots: [slot] });
  }
  return { timeZone, days };
}
