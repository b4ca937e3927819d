import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { ExperimentPhase, ExperimentRecord } from './experiment.js';
import type { ExperimentTemplate } from './templates.js';
import { ratingOpensAt } from './transitions.js';

/** Product identifier in every exported calendar: `-//Whetstone//Whetstone experiments//EN`. */
export const CALENDAR_PRODUCT = { company: 'Whetstone', product: 'Whetstone experiments', language: 'EN' };
/** The rating (or report) reminder is a short event, long enough to show in a day view. */
export const RATING_EVENT_MINUTES = 15;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Stable per experiment and phase, so importing the calendar again updates the events. */
export function calendarUid(recordId: string, part: string): string {
  return `${recordId}-${part}@whetstone`;
}

/** When blind rating opens, or, before the focused phase starts, when it is planned to open. */
function ratingOpening(record: ExperimentRecord): Date {
  const opens = ratingOpensAt(record);
  if (opens !== null) return new Date(opens);
  return new Date(Date.parse(record.phases[1].plannedEnd) + record.ratingDelayHours * HOUR_MS);
}

/**
 * Grows with every step recorded on the experiment, so calendar apps that compare SEQUENCE take
 * a re-imported event (e.g. replanned when the first phase started late) as the newer version.
 */
export function calendarSequence(record: ExperimentRecord): number {
  return [
    record.prediction.lockedAt,
    ...record.phases.flatMap((p) => [p.startedAt, p.endedAt]),
    record.ratingStartedAt,
    record.reportedAt,
    record.abandonedAt,
  ].filter((instant) => instant !== null).length;
}

function phaseStart(phase: ExperimentPhase): Date {
  return new Date(phase.startedAt ?? phase.plannedStart);
}

/** A phase that was ended early (or late) shows when it really ended. */
function phaseEnd(phase: ExperimentPhase): Date {
  return new Date(phase.endedAt ?? phase.plannedEnd);
}

/**
 * The experiment's phases as an iCalendar (RFC 5545) text: one timed event per phase and a short
 * one when blind rating opens (for a measurement template: when the report can be made). Times
 * are in UTC; UIDs are stable, so re-importing updates the events instead of duplicating them.
 * An abandoned experiment's events are marked cancelled. No idea texts and no prediction go in:
 * calendars are often synced to third-party services.
 */
export function experimentCalendar(
  record: ExperimentRecord,
  template: ExperimentTemplate,
  options: { url?: string; now: Date },
): string {
  const calendar = ical({
    prodId: CALENDAR_PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name: `Whetstone: ${template.title}`,
  });
  const sequence = calendarSequence(record);
  const status = record.state === 'abandoned' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
  const link = options.url ? `\n\nOpen in Whetstone: ${options.url}` : '';
  const measured = record.measurement
    ? `\n\nRecord: ${record.measurement.name}${record.measurement.unit ? ` (${record.measurement.unit})` : ''}; ${record.measurement.better} is better.`
    : '';

  record.phases.forEach((phase, i) => {
    const instructions = template.phases[i]?.instructions ?? '';
    calendar.createEvent({
      id: calendarUid(record.id, phase.key),
      stamp: options.now,
      sequence,
      start: phaseStart(phase),
      end: phaseEnd(phase),
      summary: `Whetstone experiment: ${phase.label} (${phase.key} phase)`,
      description: `${template.title}: ${template.question}\n\n${instructions}${measured}${link}`,
      status,
      ...(options.url ? { url: options.url } : {}),
    });
  });

  const opens = ratingOpening(record);
  const rates = template.measures === 'ideas';
  calendar.createEvent({
    id: calendarUid(record.id, 'rating-opens'),
    stamp: options.now,
    sequence,
    start: opens,
    end: new Date(opens.getTime() + RATING_EVENT_MINUTES * MINUTE_MS),
    summary: rates ? 'Whetstone experiment: Blind rating opens' : 'Whetstone experiment: Results ready',
    description: rates
      ? `${template.title}: rate the ideas from both phases without seeing which phase each came from, then read the report.${link}`
      : `${template.title}: both phases are over; finish the experiment to see the report.${link}`,
    status,
    ...(options.url ? { url: options.url } : {}),
  });

  return calendar.toString();
}
