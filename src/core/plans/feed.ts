import ical, { type ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import { validationError } from '../errors.js';
import { addDays, daysBetween, type InstantLike, localDate, toInstant } from '../time-zone.js';
import { describeCadence, expandCadence } from './cadence.js';
import type { Plan } from './plan.js';

/**
 * The calendar feed of plans (a subscription URL, or a one-off export): practice blocks from each
 * running plan's cadence, review dates, and the planned ends of experiment phases.
 *
 * Format choice: practice blocks are *expanded occurrences with UTC times*, not one recurring
 * event with an RRULE and a TZID. The feed is regenerated on every fetch, so a rolling window is
 * enough, and expanding ourselves
 * - needs no VTIMEZONE: a TZID without one is invalid RFC 5545 that Outlook and others misread,
 *   and ical-generator cannot write VTIMEZONE blocks on its own; UTC times are read the same way
 *   everywhere, and the calendar app shows them in whatever zone the device is in;
 * - handles DST exactly as adherence does (floating rule, placed in the person's zone by Temporal),
 *   so 09:00 stays 09:00 in the calendar too;
 * - avoids clients' patchy RRULE support (BYSETPOS, numbered BYDAY) and the EXDATE/UNTIL
 *   bookkeeping a changed or dropped plan would need: a new cadence simply yields new events.
 * Each block has a stable UID (plan, local date and time), so refreshing updates, never duplicates.
 * Review dates are all-day events (a local date, no zone needed).
 */

export const FEED_PRODUCT = { company: 'Whetstone', product: 'Whetstone plans', language: 'EN' };
/** Longest window one feed covers. */
export const FEED_DAYS_MAX = 400;
/** Calendar apps are asked to refresh a subscription this often (seconds). */
export const FEED_REFRESH_SECONDS = 6 * 3600;
export const PHASE_END_EVENT_MINUTES = 15;

export interface FeedExperiment {
  /** Stable id for the events' UIDs; without one, the title is used. */
  id?: string;
  title: string;
  phases: readonly { key?: string; label: string; plannedEnd: string }[];
}

export interface PlanFeedOptions {
  plans: readonly Plan[];
  timeZone: string;
  /** First and last local date covered (both included). */
  from: string;
  to: string;
  experiments?: readonly FeedExperiment[];
  /** Calendar name shown by the app. */
  name: string;
  /** DTSTAMP of every event. */
  now: InstantLike;
  /** Link back to the app, put into each event. */
  url?: string;
  /** The last local date of a plan's practice blocks (at most `to`); default `to` for every plan. */
  practiceEnd?: (plan: Plan) => string;
}

/** How far a one-off export carries a kept routine: it has no review date ahead to stop at. */
export const EXPORT_KEPT_DAYS = 28;

/**
 * Where a one-off export (a file imported once, never refreshed) stops a plan's practice blocks:
 * at its review date while one is ahead, since the review may change or end the plan; a kept
 * routine goes on, so it gets the next EXPORT_KEPT_DAYS. The subscription feed needs no such end:
 * it is regenerated on every fetch and keeps its rolling window.
 */
export function oneOffPracticeEnd(plan: Plan, today: string): string {
  return AWAITING_REVIEW.has(plan.state) ? plan.reviewOn : addDays(today, EXPORT_KEPT_DAYS);
}

/** The last local date a one-off export covers: every plan's blocks and review, at least the kept span. */
export function oneOffExportEnd(plans: readonly Plan[], today: string): string {
  const ends = plans.filter((p) => PRACTISING.has(p.state)).map((p) => oneOffPracticeEnd(p, today));
  const latest = ends.reduce((a, b) => (a > b ? a : b), addDays(today, EXPORT_KEPT_DAYS));
  const cap = addDays(today, FEED_DAYS_MAX);
  return latest > cap ? cap : latest;
}

/** Plans whose practice blocks belong in the calendar: running ones, and kept routines that go on. */
const PRACTISING: ReadonlySet<Plan['state']> = new Set(['active', 'reviewing', 'kept']);
/** Plans whose review date is still ahead of a decision. */
const AWAITING_REVIEW: ReadonlySet<Plan['state']> = new Set(['active', 'reviewing']);

function uidPart(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function addPracticeBlocks(calendar: ICalCalendar, plan: Plan, options: PlanFeedOptions, stamp: Date): void {
  if (!plan.cadence || !PRACTISING.has(plan.state)) return;
  const anchor = localDate(plan.createdAt, options.timeZone);
  const from = anchor > options.from ? anchor : options.from;
  const planEnd = options.practiceEnd?.(plan) ?? options.to;
  const to = planEnd < options.to ? planEnd : options.to;
  if (from > to) return;
  const cadence = plan.cadence;
  const flexible =
    cadence.perWeek !== null ? '\nAny days that suit you count; these blocks are a suggested spread.' : '';
  const link = options.url ? `\n\nOpen in Whetstone: ${options.url}` : '';
  const description =
    `${describeCadence(cadence)}${flexible}\nNext action: ${plan.nextAction}\nSuccess signal: ${plan.successSignal}` +
    `\nLog it: whet practice ${cadence.minutes} --plan ${plan.id}${link}`;
  for (const block of expandCadence(cadence, { from, to, timeZone: options.timeZone, anchor })) {
    calendar.createEvent({
      id: `${plan.id}-block-${block.date}T${block.time.replace(':', '')}@whetstone`,
      stamp,
      start: new Date(block.start),
      end: new Date(block.end),
      summary: `Practice: ${plan.title}`,
      description,
      ...(options.url ? { url: options.url } : {}),
    });
  }
}

function addReview(calendar: ICalCalendar, plan: Plan, options: PlanFeedOptions, stamp: Date): void {
  if (!AWAITING_REVIEW.has(plan.state) || plan.reviewOn < options.from || plan.reviewOn > options.to) return;
  calendar.createEvent({
    // One UID per plan: when the review date moves, the event moves.
    id: `${plan.id}-review@whetstone`,
    stamp,
    allDay: true,
    start: utcMidnight(plan.reviewOn),
    end: utcMidnight(addDays(plan.reviewOn, 1)),
    summary: `Review plan: ${plan.title}`,
    description: `Decide: keep, adjust or drop.\nSuccess signal: ${plan.successSignal}${options.url ? `\n\nOpen in Whetstone: ${options.url}` : ''}`,
    ...(options.url ? { url: options.url } : {}),
  });
}

function addPhaseEnds(
  calendar: ICalCalendar,
  experiment: FeedExperiment,
  options: PlanFeedOptions,
  stamp: Date,
): void {
  experiment.phases.forEach((phase, index) => {
    const day = localDate(phase.plannedEnd, options.timeZone);
    if (day < options.from || day > options.to) return;
    const end = toInstant(phase.plannedEnd);
    calendar.createEvent({
      id: `${uidPart(experiment.id ?? experiment.title)}-${uidPart(phase.key ?? String(index))}-end@whetstone`,
      stamp,
      start: new Date(end.epochMilliseconds),
      end: new Date(end.add({ minutes: PHASE_END_EVENT_MINUTES }).epochMilliseconds),
      summary: `Experiment phase ends: ${phase.label} (${experiment.title})`,
      ...(options.url ? { url: options.url } : {}),
    });
  });
}

/** The plans' calendar as iCalendar text (RFC 5545), for a subscription or a one-off export. */
export function planFeed(options: PlanFeedOptions): string {
  const span = daysBetween(options.from, options.to);
  if (span < 0) throw validationError('to', 'must not be before from');
  if (span > FEED_DAYS_MAX) throw validationError('to', `must be at most ${FEED_DAYS_MAX} days after from`);
  const stamp = new Date(toInstant(options.now).epochMilliseconds);
  const calendar = ical({
    prodId: FEED_PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name: options.name,
    ttl: FEED_REFRESH_SECONDS,
  });
  // A display hint only: every time in the feed is UTC or an all-day date.
  calendar.x('X-WR-TIMEZONE', options.timeZone);
  for (const plan of options.plans) addPracticeBlocks(calendar, plan, options, stamp);
  for (const plan of options.plans) addReview(calendar, plan, options, stamp);
  for (const experiment of options.experiments ?? []) addPhaseEnds(calendar, experiment, options, stamp);
  return calendar.toString();
}
