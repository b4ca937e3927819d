import * as z from 'zod/mini';
import { validationError } from '../errors.js';
import '../schema-messages.js';
import {
  addDays,
  daysBetween,
  instantString,
  LocalTime,
  localDateTimeToInstant,
  toInstant,
} from '../time-zone.js';
import {
  floatingDate,
  floatingDates,
  floatingStarts,
  normaliseRule,
  ruleInWords,
  WEEKDAY_CODES,
  type WeekdayCode,
} from './recurrence.js';

/**
 * A cadence is when practice blocks happen: an RFC 5545 recurrence rule (RRULE body), the length of
 * each block and the local time it starts. The rule is read in the person's own zone as floating
 * local time, so a 09:00 block stays at 09:00 across DST changes. `perWeek` marks "N times a week,
 * any days": the rule then only suggests days for the calendar, and a week expects N blocks.
 */

export const CADENCE_MINUTES_MIN = 5;
export const CADENCE_MINUTES_MAX = 240;
export const CADENCE_BLOCKS_PER_WEEK_MAX = 14;
/** A cadence must come round at least this often in a year, or it is not a routine. */
export const CADENCE_BLOCKS_PER_YEAR_MIN = 4;
export const DEFAULT_CADENCE_AT = '09:00';
/** Longest span `expandCadence` will expand in one call (about three years). */
export const EXPANSION_DAYS_MAX = 1100;
export const CADENCE_EXAMPLES =
  '3x30/week, daily 20, weekdays 45, MO,WE,FR 30 (add "at 07:30" for another start time), or an RRULE such as FREQ=WEEKLY;BYDAY=TU with the minutes given separately';

/** Days suggested for "N times a week" (N <= 7); more than 7 a week shows one block every day. */
export const WEEK_SPREAD: Readonly<Record<number, readonly WeekdayCode[]>> = {
  1: ['TU'],
  2: ['TU', 'TH'],
  3: ['MO', 'WE', 'FR'],
  4: ['MO', 'TU', 'TH', 'FR'],
  5: ['MO', 'TU', 'WE', 'TH', 'FR'],
  6: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'],
  7: WEEKDAY_CODES,
};

/** The rule that spreads `perWeek` blocks over a week for the calendar. */
export function spreadRule(perWeek: number): string {
  const days = WEEK_SPREAD[perWeek];
  return days ? `FREQ=WEEKLY;BYDAY=${days.join(',')}` : 'FREQ=DAILY';
}

const minutesMessage = `must be a whole number of minutes from ${CADENCE_MINUTES_MIN} to ${CADENCE_MINUTES_MAX}`;
export const CadenceMinutes = z
  .number(minutesMessage)
  .check(
    z.int(minutesMessage),
    z.minimum(CADENCE_MINUTES_MIN, minutesMessage),
    z.maximum(CADENCE_MINUTES_MAX, minutesMessage),
  );

const perWeekMessage = `must be a whole number of blocks from 1 to ${CADENCE_BLOCKS_PER_WEEK_MAX} a week`;
export const CadencePerWeek = z
  .number(perWeekMessage)
  .check(
    z.int(perWeekMessage),
    z.minimum(1, perWeekMessage),
    z.maximum(CADENCE_BLOCKS_PER_WEEK_MAX, perWeekMessage),
  );

/** An RRULE body in canonical form; refuses anything `normaliseRule` refuses, with its reason. */
export const CadenceRule = z.string('must be a recurrence rule like FREQ=WEEKLY;BYDAY=MO,WE,FR').check(
  z.superRefine((rule, ctx) => {
    const checked = normaliseRule(rule);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.problem, input: rule });
  }),
  z.overwrite((rule) => {
    const checked = normaliseRule(rule);
    return checked.ok ? checked.rule : rule;
  }),
);

/**
 * A stored cadence. The schema checks the form only; `parseCadence` (for new input) also checks the
 * load (`cadenceLoadProblem`), which expands a year of the rule and is too slow for every read.
 */
export const Cadence = z.strictObject({
  rule: CadenceRule,
  minutes: CadenceMinutes,
  at: LocalTime,
  perWeek: z.nullable(CadencePerWeek),
});
export type Cadence = z.infer<typeof Cadence>;

/** A block of practice as it lands in a person's calendar. */
export interface CadenceBlock {
  /** Local date and start time in the person's zone. */
  date: string;
  time: string;
  /** UTC instants (`2026-03-30T07:00:00.000Z`). */
  start: string;
  end: string;
}

// A fixed Monday from which one year of a rule is expanded to check its load.
const SAMPLE_ANCHOR = '2026-01-05';
const SAMPLE_DAYS = 364;

function listSize(rule: string, key: string): number {
  const match = new RegExp(`(?:^|;)${key}=([^;]+)`).exec(rule);
  return match ? match[1]!.split(',').length : 1;
}

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

/**
 * Why a (syntactically valid) cadence is not a workable routine, or null: more than 14 blocks in a
 * week, fewer than 4 a year, or blocks that overlap. Checked on a year of the rule.
 */
export function cadenceLoadProblem(cadence: Pick<Cadence, 'rule' | 'minutes' | 'at'>): string | null {
  const checked = normaliseRule(cadence.rule);
  if (!checked.ok) return checked.problem;
  const max = CADENCE_BLOCKS_PER_WEEK_MAX;
  const tooMany = `the rule has more than ${max} blocks in a week; at most ${max} are allowed`;
  // Cheap bound first, so a rule with every minute of the day is refused without expanding it.
  if (listSize(checked.rule, 'BYHOUR') * listSize(checked.rule, 'BYMINUTE') > max) return tooMany;
  const end = addDays(SAMPLE_ANCHOR, SAMPLE_DAYS - 1);
  const starts = floatingDates(checked.rule, cadence.at, SAMPLE_ANCHOR, SAMPLE_ANCHOR, end);
  if (starts.length < CADENCE_BLOCKS_PER_YEAR_MIN)
    return `the rule comes round only ${starts.length} time(s) a year; a routine needs at least ${CADENCE_BLOCKS_PER_YEAR_MIN}`;
  // The sample starts on a Monday, so whole weeks since its start are ISO weeks.
  const origin = floatingDate(SAMPLE_ANCHOR).getTime();
  const perWeek = new Map<number, number>();
  for (const d of starts) {
    const week = Math.floor((d.getTime() - origin) / WEEK_MS);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  if (Math.max(...perWeek.values()) > max) return tooMany;
  for (let i = 1; i < starts.length; i++) {
    const gap = (starts[i]!.getTime() - starts[i - 1]!.getTime()) / MINUTE_MS;
    if (gap < cadence.minutes) {
      const time = (d: Date) => d.toISOString().slice(11, 16);
      return `blocks of ${cadence.minutes} min would overlap (${time(starts[i - 1]!)} and ${time(starts[i]!)})`;
    }
  }
  return null;
}

/** Blocks a full week expects: `perWeek`, or the rule's average over a year (exact for weekly rules). */
export function blocksPerWeek(cadence: Cadence): number {
  if (cadence.perWeek !== null) return cadence.perWeek;
  const end = addDays(SAMPLE_ANCHOR, SAMPLE_DAYS - 1);
  return (
    (floatingDates(cadence.rule, cadence.at, SAMPLE_ANCHOR, SAMPLE_ANCHOR, end).length * 7) / SAMPLE_DAYS
  );
}

const DAY_LABELS: Record<WeekdayCode, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

function ruleParts(rule: string): Map<string, string> {
  return new Map(rule.split(';').map((part) => part.split('=') as [string, string]));
}

function daysLabel(days: string[]): string {
  const key = days.join(',');
  if (key === 'MO,TU,WE,TH,FR') return 'weekdays';
  if (key === 'SA,SU') return 'weekends';
  if (days.length === 7) return 'every day';
  return days.map((d) => DAY_LABELS[d as WeekdayCode]).join(', ');
}

/** The cadence in words: "3 × 30 min a week", "5 × 45 min a week (weekdays at 09:00)". */
export function describeCadence(cadence: Cadence): string {
  const minutes = `${cadence.minutes} min`;
  if (cadence.perWeek !== null) return `${cadence.perWeek} × ${minutes} a week`;
  const parts = ruleParts(cadence.rule);
  parts.delete('WKST');
  const freq = parts.get('FREQ');
  if (parts.size === 1 && freq === 'DAILY') return `7 × ${minutes} a week (every day at ${cadence.at})`;
  const byDay = parts.get('BYDAY');
  if (parts.size === 2 && freq === 'WEEKLY' && byDay && /^[A-Z,]+$/.test(byDay)) {
    const days = WEEKDAY_CODES.filter((d) => byDay.split(',').includes(d));
    return `${days.length} × ${minutes} a week (${daysLabel(days)} at ${cadence.at})`;
  }
  const at = parts.has('BYHOUR') ? '' : ` at ${cadence.at}`;
  return `${minutes}, ${ruleInWords(cadence.rule)}${at}`;
}

/**
 * The cadence's blocks from `from` to `to` (local dates, both included) as instants in `timeZone`.
 * The rule is expanded in floating local time from `anchor` (its DTSTART: the first day it may
 * fall on, and the reference for INTERVAL; default `from`), then each local start is placed in the
 * zone: 09:00 stays 09:00 across DST, and a start inside a skipped hour moves forward by the gap.
 */
export function expandCadence(
  cadence: Cadence,
  options: { from: string; to: string; timeZone: string; anchor?: string },
): CadenceBlock[] {
  const days = daysBetween(options.from, options.to);
  if (days < 0) throw validationError('to', 'must not be before from');
  if (days > EXPANSION_DAYS_MAX)
    throw validationError('to', `must be at most ${EXPANSION_DAYS_MAX} days after from`);
  const anchor = options.anchor ?? options.from;
  return floatingStarts(cadence.rule, cadence.at, anchor, options.from, options.to).map(({ date, time }) => {
    const start = localDateTimeToInstant(date, time, options.timeZone);
    const end = instantString(toInstant(start).add({ minutes: cadence.minutes }));
    return { date, time, start, end };
  });
}
