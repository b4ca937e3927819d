import { addDays, daysBetween, type InstantLike, localDate, weekOf } from '../time-zone.js';
import { blocksPerWeek, type Cadence } from './cadence.js';
import type { Plan } from './plan.js';
import type { StreakRun, Streaks } from './progress-view.js';
import { floatingStarts } from './recurrence.js';

/**
 * How well practice kept up with a plan's cadence, per local week (Monday to Sunday in the
 * person's zone), and practice streaks. Everything is counted on local calendar dates, so a block
 * logged at 23:30 in Berlin counts on that Berlin day whatever the UTC date, and weeks around a
 * DST change (167 or 169 hours long) are still one week.
 */

export interface WeekAdherence {
  /** The week's Monday. */
  weekOf: string;
  /**
   * Blocks the cadence expects in the part of the week the plan was running. For "N a week" a
   * partial week expects N x (days running / 7), so it can be fractional.
   */
  expectedBlocks: number;
  expectedMinutes: number;
  loggedBlocks: number;
  loggedMinutes: number;
  /** loggedMinutes / expectedMinutes; null when nothing was expected. */
  ratio: number | null;
  /** The week contains `today`: its numbers can still grow. */
  inProgress: boolean;
  /**
   * Set when the cadence applied to only part of the week, because the plan started (or was
   * dropped) within it: the expected numbers cover `from` to `to` only, and `fullBlocks` and
   * `fullMinutes` say what a whole week asks. Null for a whole week or a week without a cadence.
   */
  prorated: WeekProrating | null;
}

/** The part of a week a cadence's target covers, and the whole week's target. */
export interface WeekProrating {
  from: string;
  to: string;
  fullBlocks: number;
  fullMinutes: number;
}

export type AdherencePlan = Pick<Plan, 'id' | 'cadence' | 'createdAt' | 'state' | 'decidedAt'>;
export type AdherenceLog = { planId: string | null; minutes: number; at: string };

/** The Mondays from `first` to `last` (both Mondays), in order. */
export function weeksBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let w = weekOf(first); w <= last; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The local dates a plan's cadence applies: from its creation day, up to the day it was dropped. */
export function cadencePeriod(
  plan: AdherencePlan,
  timeZone: string,
): { since: string; until: string | null } {
  const since = localDate(plan.createdAt, timeZone);
  const until = plan.state === 'dropped' && plan.decidedAt ? localDate(plan.decidedAt, timeZone) : null;
  return { since, until };
}

/**
 * Blocks a cadence expects in the week starting `monday`, counting only the days from `since` to
 * `until` (both included; `until` null = open). Fixed days: the rule's blocks on those days (the
 * rule anchored on `since`). "N a week": N x (those days / 7).
 */
export function expectedBlocksInWeek(
  cadence: Cadence,
  monday: string,
  period: { since: string; until: string | null },
): number {
  const sunday = addDays(monday, 6);
  const first = period.since > monday ? period.since : monday;
  const last = period.until !== null && period.until < sunday ? period.until : sunday;
  if (first > last) return 0;
  if (cadence.perWeek !== null) return (cadence.perWeek * (daysBetween(first, last) + 1)) / 7;
  return floatingStarts(cadence.rule, cadence.at, period.since, first, last).length;
}

/** How a week's target was cut to the days the plan ran in it; null when it ran all week. */
export function weekProrating(
  cadence: Cadence,
  monday: string,
  period: { since: string; until: string | null },
): WeekProrating | null {
  const sunday = addDays(monday, 6);
  const from = period.since > monday ? period.since : monday;
  const to = period.until !== null && period.until < sunday ? period.until : sunday;
  if ((from === monday && to === sunday) || from > to) return null;
  const fullBlocks = blocksPerWeek(cadence);
  return { from, to, fullBlocks, fullMinutes: fullBlocks * cadence.minutes };
}

/**
 * Week-by-week adherence of one plan from `from`'s week (default: the week it was created) to the
 * week of `to` (default `today`, a local date). Logs count by their local date; all of the plan's
 * logs count, also on days the cadence did not ask for.
 */
export function weeklyAdherence(
  plan: AdherencePlan,
  logs: readonly AdherenceLog[],
  options: { today: string; timeZone: string; from?: string; to?: string },
): WeekAdherence[] {
  const period = cadencePeriod(plan, options.timeZone);
  const logged = new Map<string, { blocks: number; minutes: number }>();
  for (const log of logs) {
    if (log.planId !== plan.id) continue;
    const week = weekOf(localDate(log.at, options.timeZone));
    const entry = logged.get(week) ?? { blocks: 0, minutes: 0 };
    entry.blocks += 1;
    entry.minutes += log.minutes;
    logged.set(week, entry);
  }
  const thisWeek = weekOf(options.today);
  return weeksBetween(options.from ?? period.since, weekOf(options.to ?? options.today)).map((monday) => {
    const expectedBlocks = plan.cadence ? expectedBlocksInWeek(plan.cadence, monday, period) : 0;
    const expectedMinutes = expectedBlocks * (plan.cadence?.minutes ?? 0);
    const { blocks, minutes } = logged.get(monday) ?? { blocks: 0, minutes: 0 };
    return {
      weekOf: monday,
      expectedBlocks,
      expectedMinutes,
      loggedBlocks: blocks,
      loggedMinutes: minutes,
      ratio: expectedMinutes > 0 ? minutes / expectedMinutes : null,
      inProgress: monday === thisWeek,
      prorated: plan.cadence ? weekProrating(plan.cadence, monday, period) : null,
    };
  });
}

export type { StreakRun, Streaks };

const NO_RUN: StreakRun = { days: 0, from: null, to: null };

/**
 * Practice streaks that forgive missed days.
 *
 * Definition: a *practice day* is a local date (in `timeZone`) with at least one log; entries may
 * be instants or local dates (`YYYY-MM-DD`), and days after `today` are ignored. Two practice days
 * belong to the same run when at most `forgiveness` (default 1) days without practice lie between
 * them: with forgiveness 1, Mon-Wed-Thu is one run (Tue forgiven), Mon-Thu is two (Tue and Wed
 * missed). A run's length is its number of practice days. The *current* streak is the last run if
 * it is still alive today: at most `forgiveness` days were missed between its last day and today,
 * today itself not counted as missed (the day is not over). Otherwise it is 0. The *longest* is the
 * run with the most practice days (the most recent one on a tie).
 */
export function streak(
  logDates: readonly InstantLike[],
  options: { today: string; timeZone: string; forgiveness?: number },
): Streaks {
  const forgiveness = options.forgiveness ?? 1;
  const days = new Set<string>();
  for (const entry of logDates) {
    const day =
      typeof entry === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry)
        ? entry
        : localDate(entry, options.timeZone);
    if (day <= options.today) days.add(day);
  }
  const sorted = [...days].sort();
  let longest = NO_RUN;
  let run = NO_RUN;
  for (const day of sorted) {
    run =
      run.to !== null && daysBetween(run.to, day) - 1 <= forgiveness
        ? { days: run.days + 1, from: run.from, to: day }
        : { days: 1, from: day, to: day };
    if (run.days >= longest.days) longest = run;
  }
  const alive = run.to !== null && daysBetween(run.to, options.today) - 1 <= forgiveness;
  return { current: alive ? run : NO_RUN, longest };
}
