import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone } from '../time-zone.js';
import type { InstantRange } from './availability.js';

/**
 * The busy times in a coach's own calendar (an ICS feed they pasted), as instant ranges within a
 * window. Events marked free (TRANSP:TRANSPARENT) or cancelled do not block; recurring events are
 * expanded (RRULE, RDATE, EXDATE and moved occurrences); all-day events block their whole days in
 * the coach's zone, and so do floating times. Times with a TZID are read in that IANA zone with
 * Temporal; a TZID that is no IANA name falls back to the feed's own VTIMEZONE.
 */

/** Occurrences read per recurring event: a rule with no end stops here, well past any horizon. */
const MAX_OCCURRENCES = 2000;

export class BusyCalendarError extends Error {
  override name = 'BusyCalendarError';
}

export function busyRanges(ics: string, window: InstantRange, coachTimeZone: string): InstantRange[] {
  const calendar = parseCalendar(ics);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const from = Date.parse(window.start);
  const to = Date.parse(window.end);
  const events = calendar.getAllSubcomponents('vevent');
  // A moved or changed occurrence is its own VEVENT with the master's UID and a RECURRENCE-ID.
  const exceptionsByUid = new Map<unknown, ICAL.Component[]>();
  for (const e of events.filter((e) => e.hasProperty('recurrence-id'))) {
    const uid = e.getFirstPropertyValue('uid');
    exceptionsByUid.set(uid, [...(exceptionsByUid.get(uid) ?? []), e]);
  }
  const out: InstantRange[] = [];
  for (const component of events.filter((e) => !e.hasProperty('recurrence-id'))) {
    const exceptions = exceptionsByUid.get(component.getFirstPropertyValue('uid')) ?? [];
    const event = new ICAL.Event(component, { exceptions });
    const occurrences = event.isRecurring()
      ? expand(event, to)
      : [{ event, start: event.startDate, end: event.endDate }];
    for (const { event: shown, start, end } of occurrences) {
      if (!blocks(shown.component)) continue;
      const range = { start: epoch(start, coachTimeZone), end: epoch(end, coachTimeZone) };
      if (range.start < range.end && range.start < to && from < range.end)
        out.push({ start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

function parseCalendar(ics: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(ics);
  } catch (error) {
    throw new BusyCalendarError(`not an ICS calendar: ${(error as Error).message}`);
  }
  const component = new ICAL.Component(jcal as unknown[]);
  if (component.name !== 'vcalendar') throw new BusyCalendarError('not an ICS calendar: no VCALENDAR');
  return component;
}

function expand(event: ICAL.Event, to: number) {
  const out: { event: ICAL.Event; start: ICAL.Time; end: ICAL.Time }[] = [];
  const iterator = event.iterator();
  for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES; i += 1, next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.startDate.toUnixTime() * 1000 > to + 86_400_000) break;
    out.push({ event: details.item, start: details.startDate, end: details.endDate });
  }
  return out;
}

function blocks(component: ICAL.Component): boolean {
  const transparency = String(component.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transparency !== 'TRANSPARENT' && status !== 'CANCELLED';
}

/**
 * Milliseconds of a calendar time: dates and floating times on the coach's wall clock; a TZID that
 * names an IANA zone (UTC included) via Temporal; any other TZID through the feed's VTIMEZONE.
 */
function epoch(time: ICAL.Time, coachTimeZone: string): number {
  // ical.js keeps a TZID it has no VTIMEZONE for in `timezone` (not in its types).
  const tzid = (time as { timezone?: string }).timezone || time.zone?.tzid;
  const onWallClockOf = time.isDate || !tzid || tzid === 'floating' ? coachTimeZone : canonicalTimeZone(tzid);
  if (onWallClockOf === null) return time.toUnixTime() * 1000;
  const { year, month, day, hour, minute, second } = time;
  return Temporal.PlainDateTime.from({ year, month, day, hour, minute, second }).toZonedDateTime(
    onWallClockOf,
  ).epochMilliseconds;
}
