import { validationError, WhetstoneError } from '../core/errors.js';
import { addDays, localDate } from '../core/time-zone.js';
import type { PlanView } from '../services/plan.service.js';
import { futureDateFlag } from './date-flags.js';
import type { Runtime } from './runtime.js';

/**
 * Flag handling shared by the plan, practice and review commands: errors that name the flag a
 * person typed, review dates given as a date or "in 14 days", and plan ids given by a prefix.
 */

/**
 * Rewrites a validation error of a service so it names the flag instead of the service's field
 * (`reviewOn: must not be in the past` -> `--review: must not be in the past`). A field matches
 * itself and its sub-fields (`cadence.rule`, `ideaIds.0`).
 */
export function inFlagNames(error: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof WhetstoneError) || error.code !== 'validation') return error;
  const first = error.issues[0];
  if (!first) return error;
  const flag = flags[first.field] ?? flags[first.field.split('.')[0]!];
  if (!flag) return error;
  const prefix = `${first.field}: `;
  const rest = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : first.message;
  return new WhetstoneError(error.code, `${flag}: ${rest}`, error.issues);
}

/** Runs `work`, renaming the fields of a validation error it throws to flags (see `inFlagNames`). */
export async function namingFlags<T>(flags: Readonly<Record<string, string>>, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    throw inFlagNames(error, flags);
  }
}

/** The flag each plan field comes from, so errors name what the person typed. */
export function planFlags(reviewFlag: string | undefined): Record<string, string> {
  return {
    title: '--title',
    kind: '--kind',
    ideaIds: '--from',
    areaId: '--area',
    subSkill: '--sub-skill',
    exerciseId: '--exercise',
    nextAction: '--next',
    cadence: '--cadence',
    successSignal: '--signal',
    reviewOn: reviewFlag ?? '--review',
    answers: '--answer',
    decision: '--decision',
    note: '--note',
  };
}

/** Today's local date in the person's chosen zone (by the CLI's clock). */
export async function todayOf(rt: Runtime): Promise<{ today: string; timeZone: string }> {
  const timeZone = await rt.services.settings.timeZone(rt.actor);
  return { today: localDate(rt.services.clock(), timeZone), timeZone };
}

const RELATIVE = /^(\d{1,3})\s*(d|days?|w|weeks?)?$/i;

/** `14d`, `2w`, `10` (days) -> a number of days; null when `raw` is not one. */
export function daysFromNow(raw: string): number | null {
  const match = RELATIVE.exec(raw.trim());
  if (!match) return null;
  return Number(match[1]) * (match[2]?.toLowerCase().startsWith('w') ? 7 : 1);
}

/** The review date flags as given: `--review DATE` or `--review-in 14d`, at most one. */
export interface ReviewDateFlags {
  review?: string;
  reviewIn?: string;
}

/** Checks the form of the review date flags before anything is opened; returns the flag used. */
export function reviewFlagUsed(flags: ReviewDateFlags): '--review' | '--review-in' | undefined {
  if (flags.review !== undefined && flags.reviewIn !== undefined)
    throw validationError('--review', 'give --review DATE or --review-in 14d, not both');
  if (flags.reviewIn !== undefined && daysFromNow(flags.reviewIn) === null)
    throw validationError(
      '--review-in',
      `"${flags.reviewIn}" is not a number of days or weeks, e.g. 14d or 2w`,
    );
  if (flags.review !== undefined) return '--review';
  return flags.reviewIn === undefined ? undefined : '--review-in';
}

/** The local review date the flags name (`--review-in` counts from today), or `fallbackDays` ahead. */
export function reviewDate(flags: ReviewDateFlags, today: string, fallbackDays?: number): string | undefined {
  if (flags.review !== undefined) return futureDateFlag('--review', flags.review, today);
  const days = flags.reviewIn === undefined ? fallbackDays : daysFromNow(flags.reviewIn);
  return days === undefined || days === null ? undefined : addDays(today, days);
}

/**
 * The plan with this id or a unique prefix of it (at least 4 characters). `flag` is named in the
 * error when there is no such plan, or the prefix is malformed or ambiguous.
 */
export async function findPlan(rt: Runtime, raw: string, flag = 'plan'): Promise<PlanView> {
  try {
    return await rt.services.plans.get(rt.actor, await rt.services.ids.resolve(rt.actor, 'plan', raw, flag));
  } catch (error) {
    if (!(error instanceof WhetstoneError) || error.code !== 'not_found') throw error;
    throw validationError(flag, `there is no plan ${raw.trim()} (see: whet plan list --state all)`);
  }
}

/** `KEY=TEXT` flags (`--answer signal="it worked"`) as pairs, each key once. */
export function keyedTexts(raw: readonly string[], flag: string): { key: string; text: string }[] {
  const seen = new Set<string>();
  return raw.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw validationError(flag, `"${item}" is not KEY=TEXT, e.g. ${flag} signal="it worked"`);
    const key = item.slice(0, at).trim();
    if (seen.has(key)) throw validationError(flag, `${key} is given twice`);
    seen.add(key);
    return { key, text: item.slice(at + 1) };
  });
}

/** Commander's collector for repeatable flags. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
