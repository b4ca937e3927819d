import * as z from 'zod/mini';
import { validationError, WhetstoneError } from '../errors.js';
import { LocalTime } from '../time-zone.js';
import { parseInput } from '../validation.js';
import {
  CADENCE_BLOCKS_PER_WEEK_MAX,
  CADENCE_EXAMPLES,
  CADENCE_MINUTES_MAX,
  CADENCE_MINUTES_MIN,
  type Cadence,
  CadenceMinutes,
  CadencePerWeek,
  cadenceLoadProblem,
  DEFAULT_CADENCE_AT,
  spreadRule,
} from './cadence.js';
import { normaliseRule, WEEKDAY_CODES } from './recurrence.js';

/** A cadence as an API client sends it; `at` defaults to 09:00, `perWeek` to none. */
export const CadenceObjectInput = z.strictObject({
  rule: z.string('must be a recurrence rule like FREQ=WEEKLY;BYDAY=MO,WE,FR'),
  minutes: CadenceMinutes,
  at: z.optional(LocalTime),
  perWeek: z.optional(z.nullable(CadencePerWeek)),
});
export type CadenceObjectInput = z.infer<typeof CadenceObjectInput>;

/** Friendly text (`3x30/week`, `daily 20`, `weekdays 45`, `MO,WE,FR 30`, a raw RRULE) or an object. */
export type CadenceInput = string | CadenceObjectInput;

export interface CadenceParseOptions {
  /** Block length for a raw RRULE given without one (the CLI's `--minutes`). */
  minutes?: number;
  /** Start time when the text names none (the CLI's `--at`); default 09:00. */
  at?: string;
  /** Field named in errors; default `cadence`. */
  field?: string;
}

const MIN = String.raw`\s*(?:m|min|mins|minutes?)?`;
const PER_WEEK = new RegExp(
  String.raw`^(\d+)\s*(?:x|×|times)\s*(\d+)${MIN}\s*(?:/|per|a)\s*(?:w|wk|week)$`,
  'i',
);
const DAILY = new RegExp(String.raw`^(?:daily|every\s*day)\s+(\d+)${MIN}$`, 'i');
const WEEKDAYS = new RegExp(String.raw`^(?:weekdays|every\s*weekday)\s+(\d+)${MIN}$`, 'i');
const DAY_LIST = new RegExp(String.raw`^([a-z]+(?:\s*,\s*[a-z]+)*)\s+(\d+)${MIN}$`, 'i');
// A rule may contain spaces after separators (`FREQ=WEEKLY; BYDAY=TU`); a trailing number is its minutes.
const RAW_RULE = new RegExp(String.raw`^((?:RRULE:)?FREQ=.+?)(?:(?<![,;=])\s+(\d+)${MIN})?$`, 'i');
const AT_SUFFIX = /\s*(?:\bat\b|@)\s*(\d{1,2})(?::(\d{2}))?\s*$/i;

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `mo`, `mon`, `Monday` -> `MO`; null for anything else. */
function weekdayCode(token: string): string | null {
  const lower = token.toLowerCase();
  const index = DAY_NAMES.findIndex((name) => lower.length >= 2 && name.startsWith(lower));
  return index < 0 ? null : WEEKDAY_CODES[index]!;
}

function minutesFrom(text: string, field: string): number {
  const minutes = Number(text);
  if (minutes < CADENCE_MINUTES_MIN || minutes > CADENCE_MINUTES_MAX)
    throw validationError(
      field,
      `blocks must be ${CADENCE_MINUTES_MIN} to ${CADENCE_MINUTES_MAX} minutes long (got ${minutes})`,
    );
  return minutes;
}

function unreadable(text: string, field: string): WhetstoneError {
  return validationError(field, `cannot read "${text}" as a cadence; write e.g. ${CADENCE_EXAMPLES}`);
}

interface Draft {
  rule: string;
  minutes: number;
  perWeek: number | null;
}

function draftFromText(body: string, options: CadenceParseOptions, field: string): Draft {
  let match = PER_WEEK.exec(body);
  if (match) {
    const perWeek = Number(match[1]);
    if (perWeek < 1) throw validationError(field, 'plan at least one block a week');
    if (perWeek > CADENCE_BLOCKS_PER_WEEK_MAX)
      throw validationError(field, `at most ${CADENCE_BLOCKS_PER_WEEK_MAX} blocks a week (got ${perWeek})`);
    return { rule: spreadRule(perWeek), minutes: minutesFrom(match[2]!, field), perWeek };
  }
  match = DAILY.exec(body);
  if (match) return { rule: 'FREQ=DAILY', minutes: minutesFrom(match[1]!, field), perWeek: null };
  match = WEEKDAYS.exec(body);
  if (match)
    return {
      rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      minutes: minutesFrom(match[1]!, field),
      perWeek: null,
    };
  match = RAW_RULE.exec(body);
  if (match) {
    const checked = normaliseRule(match[1]!);
    if (!checked.ok) throw validationError(field, checked.problem);
    const given = match[2] ?? (options.minutes === undefined ? undefined : String(options.minutes));
    if (given === undefined)
      throw validationError(field, 'a recurrence rule needs the block length in minutes, e.g. --minutes 30');
    return { rule: checked.rule, minutes: minutesFrom(given, field), perWeek: null };
  }
  match = DAY_LIST.exec(body);
  if (match) {
    const tokens = match[1]!.split(',').map((t) => t.trim());
    const codes = tokens.map(weekdayCode);
    if (codes.some((c) => c === null)) throw unreadable(body, field);
    const days = WEEKDAY_CODES.filter((d) => codes.includes(d));
    return {
      rule: `FREQ=WEEKLY;BYDAY=${days.join(',')}`,
      minutes: minutesFrom(match[2]!, field),
      perWeek: null,
    };
  }
  throw unreadable(body, field);
}

function fromText(text: string, options: CadenceParseOptions, field: string): Cadence {
  const normalised = text.trim().replace(/\s+/g, ' ');
  if (normalised === '') throw validationError(field, `must not be empty; write e.g. ${CADENCE_EXAMPLES}`);
  let at = options.at ?? DEFAULT_CADENCE_AT;
  const atMatch = AT_SUFFIX.exec(normalised);
  const body = atMatch ? normalised.slice(0, atMatch.index) : normalised;
  if (atMatch) {
    at = `${atMatch[1]!.padStart(2, '0')}:${atMatch[2] ?? '00'}`;
    if (!LocalTime.safeParse(at).success)
      throw validationError(field, `"${atMatch[0].trim()}" is not a time of day; write e.g. at 07:30`);
  }
  const draft = draftFromText(body, options, field);
  return finish({ ...draft, at }, field);
}

function finish(cadence: Cadence, field: string): Cadence {
  const problem = cadenceLoadProblem(cadence);
  if (problem) throw validationError(field, problem);
  return cadence;
}

/** Prefixes every issue's field, so an object's errors read `cadence.minutes`. */
function withField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof WhetstoneError) || error.code !== 'validation') throw error;
    const issues = error.issues.map((i) => ({
      ...i,
      field: i.field === '(body)' ? field : `${field}.${i.field}`,
    }));
    const first = issues[0]!;
    throw new WhetstoneError('validation', `${first.field}: ${first.message}`, issues);
  }
}

/**
 * Reads a cadence from friendly text or an object, with errors naming `field` (default `cadence`).
 * Text forms: `3x30/week` (three 30-minute blocks on any days; the calendar suggests Mon/Wed/Fri),
 * `daily 20`, `weekdays 45`, `MO,WE,FR 30` (or `mon,wed,fri 30`), a raw `FREQ=...` rule with its
 * minutes after it or in `options.minutes`; any of them may end in `at 07:30`.
 */
export function parseCadence(input: unknown, options: CadenceParseOptions = {}): Cadence {
  const field = options.field ?? 'cadence';
  if (typeof input === 'string') return fromText(input, options, field);
  const parsed = withField(field, () => parseInput(CadenceObjectInput, input));
  const checked = normaliseRule(parsed.rule);
  if (!checked.ok) throw validationError(`${field}.rule`, checked.problem);
  const cadence = {
    rule: checked.rule,
    minutes: parsed.minutes,
    at: parsed.at ?? options.at ?? DEFAULT_CADENCE_AT,
    perWeek: parsed.perWeek ?? null,
  };
  const problem = cadenceLoadProblem(cadence);
  if (problem) throw validationError(`${field}.rule`, problem);
  return cadence;
}
