import { RRule } from './rrule.js';

/**
 * The subset of RFC 5545 recurrence rules a practice cadence may use, checked strictly: rrule's own
 * parser silently drops what it does not understand (`BYDAY=XX` becomes "no weekday"), so every
 * part is validated here first and the person hears exactly which part is wrong.
 */

export const RULE_MAX_LENGTH = 200;
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const RULE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export const RULE_INTERVAL_MAX = 12;

export type RuleCheck = { ok: true; rule: string } | { ok: false; problem: string };

const SUPPORTED = 'FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, BYHOUR, BYMINUTE, WKST';

/** A comma list of whole numbers whose size is `min`..`max`; `signed` allows a leading + or -. */
function intList(value: string, min: number, max: number, signed: boolean): boolean {
  const pattern = signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
  return value.split(',').every((part) => {
    const size = Math.abs(Number(part));
    return pattern.test(part) && size >= min && size <= max;
  });
}

function checkPart(key: string, value: string, freq: string): string | null {
  switch (key) {
    case 'INTERVAL':
      return /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= RULE_INTERVAL_MAX
        ? null
        : `INTERVAL must be a whole number from 1 to ${RULE_INTERVAL_MAX}`;
    case 'BYDAY':
      return value.split(',').every((day) => {
        const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
        if (!match) return false;
        if (match[1] === undefined) return true;
        const n = Math.abs(Number(match[1]));
        return freq === 'MONTHLY' && n >= 1 && n <= 5;
      })
        ? null
        : 'BYDAY must list weekdays like MO,WE,FR (a number like 1MO or -1FR only with FREQ=MONTHLY)';
    case 'BYMONTHDAY':
      return intList(value, 1, 31, true) ? null : 'BYMONTHDAY must list days from 1 to 31 (or -1 to -31)';
    case 'BYMONTH':
      return intList(value, 1, 12, false) ? null : 'BYMONTH must list months 1 to 12';
    case 'BYSETPOS':
      return intList(value, 1, 31, true) ? null : 'BYSETPOS must list positions from 1 to 31 (or -1 to -31)';
    case 'BYHOUR':
      return intList(value, 0, 23, false) ? null : 'BYHOUR must list hours 0 to 23';
    case 'BYMINUTE':
      return intList(value, 0, 59, false) ? null : 'BYMINUTE must list minutes 0 to 59';
    case 'WKST':
      return (WEEKDAY_CODES as readonly string[]).includes(value) ? null : 'WKST must be a weekday like MO';
    case 'COUNT':
    case 'UNTIL':
      return `${key} is not used in a cadence: the plan's review date is when you decide whether to go on`;
    case 'DTSTART':
      return "DTSTART is not used in a cadence: blocks start at the cadence's time (e.g. 09:00)";
    default:
      return `${key} is not supported in a cadence (use ${SUPPORTED})`;
  }
}

/**
 * Checks an RRULE body (`FREQ=WEEKLY;BYDAY=MO,WE,FR`, an `RRULE:` prefix is allowed) and returns
 * it in canonical form: upper case, no spaces, FREQ first, the other parts in the given order.
 */
export function normaliseRule(text: string): RuleCheck {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/;$/, '');
  if (body.length === 0) return { ok: false, problem: 'the rule is empty' };
  if (body.length > RULE_MAX_LENGTH)
    return { ok: false, problem: `the rule must be at most ${RULE_MAX_LENGTH} characters` };
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) return { ok: false, problem: `"${part}" is not of the form NAME=VALUE` };
    const [, key, value] = match as unknown as [string, string, string];
    if (parts.has(key)) return { ok: false, problem: `${key} appears twice` };
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined)
    return { ok: false, problem: 'the rule needs FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY' };
  if (freq === 'YEARLY')
    return { ok: false, problem: 'FREQ=YEARLY is too rare for practice; use MONTHLY or more often' };
  if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freq))
    return { ok: false, problem: `FREQ=${freq} is too frequent for practice blocks; use DAILY with BYHOUR` };
  if (!(RULE_FREQUENCIES as readonly string[]).includes(freq))
    return { ok: false, problem: `FREQ must be DAILY, WEEKLY or MONTHLY (not ${freq})` };
  for (const [key, value] of parts) {
    if (key === 'FREQ') continue;
    const problem = checkPart(key, value, freq);
    if (problem) return { ok: false, problem };
  }
  const rest = [...parts].filter(([key]) => key !== 'FREQ').map(([key, value]) => `${key}=${value}`);
  return { ok: true, rule: [`FREQ=${freq}`, ...rest].join(';') };
}

/** A block's local start: calendar date and wall-clock time, in no particular zone yet. */
export interface FloatingStart {
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and time as a floating Date (its UTC fields are the wall clock). */
export function floatingDate(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

/**
 * Expands a (checked) rule in floating local time: rrule works on Date objects whose UTC fields are
 * read as the local wall clock, so no zone (and no DST) takes part. The first block may fall on
 * `anchor` (the rule's DTSTART, at `at`); the result has the starts from `from` to `to`, both dates
 * included, in order, as floating Dates.
 */
export function floatingDates(rule: string, at: string, anchor: string, from: string, to: string): Date[] {
  const recurrence = new RRule({ ...RRule.parseString(rule), dtstart: floatingDate(anchor, at) });
  const end = new Date(floatingDate(to).getTime() + 86_400_000 - 1);
  return recurrence.between(floatingDate(from), end, true);
}

/** `floatingDates` as local dates and wall-clock times. */
export function floatingStarts(
  rule: string,
  at: string,
  anchor: string,
  from: string,
  to: string,
): FloatingStart[] {
  return floatingDates(rule, at, anchor, from, to).map((d) => ({
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }));
}

/** The rule in words, as rrule writes it ("every week on Monday, Wednesday"). */
export function ruleInWords(rule: string): string {
  return new RRule(RRule.parseString(rule)).toText();
}
