import { IDEA_SOURCES, type IdeaSource } from '../ideas.js';
import { addDays, localDate, weekOf } from '../time-zone.js';
import { type AdherenceLog, weeklyAdherence } from './adherence.js';
import { describeCadence } from './cadence.js';
import type { Plan, PlanState } from './plan.js';

/** The numbers of one local week, shared by the weekly review page and the dashboard. */

export interface PlanWeek {
  planId: string;
  title: string;
  /** The cadence in words, or null for a plan without one. */
  cadence: string | null;
  expectedBlocks: number;
  expectedMinutes: number;
  loggedBlocks: number;
  loggedMinutes: number;
  ratio: number | null;
}

export interface DuePlan {
  planId: string;
  title: string;
  state: PlanState;
  reviewOn: string;
  /** The review date is before today. */
  overdue: boolean;
}

export interface WeekSummary {
  weekOf: string;
  /** The week's Sunday. */
  weekEnd: string;
  timeZone: string;
  ideas: { total: number; bySource: Record<IdeaSource, number> };
  practice: {
    blocks: number;
    minutes: number;
    /** Minutes logged outside any of the given plans. */
    unplannedMinutes: number;
    /** Plans that expected practice this week or got some, in the order given. */
    plans: PlanWeek[];
  };
  interruptions: { count: number /** Sum of the durations that were logged. */; minutes: number };
  /**
   * Plans waiting for a decision: open plans whose review date falls on or before the week's
   * Sunday, and adjusted plans that still need a new review date; by review date.
   */
  plansDue: DuePlan[];
}

export interface WeekSummaryInput {
  /** Any date in the week; the summary covers its Monday to Sunday. */
  weekOf: string;
  /** Today's local date, for overdue reviews and the running week. */
  today: string;
  timeZone: string;
  ideas: readonly { createdAt: string; source: IdeaSource }[];
  plans: readonly Plan[];
  practice: readonly AdherenceLog[];
  interruptions: readonly { at: string; durationMinutes: number | null }[];
}

export function emptyBySource(): Record<IdeaSource, number> {
  return Object.fromEntries(IDEA_SOURCES.map((s) => [s, 0])) as Record<IdeaSource, number>;
}

/** Computes a week's numbers from plain arrays (the caller may pass more than the week; it filters). */
export function weekSummary(input: WeekSummaryInput): WeekSummary {
  const monday = weekOf(input.weekOf);
  const sunday = addDays(monday, 6);
  const inWeek = (at: string) => {
    const day = localDate(at, input.timeZone);
    return day >= monday && day <= sunday;
  };

  const bySource = emptyBySource();
  const ideas = input.ideas.filter((idea) => inWeek(idea.createdAt));
  for (const idea of ideas) bySource[idea.source] += 1;

  const logs = input.practice.filter((log) => inWeek(log.at));
  const planIds = new Set(input.plans.map((p) => p.id));
  const plans: PlanWeek[] = [];
  for (const plan of input.plans) {
    const [week] = weeklyAdherence(plan, logs, {
      today: input.today,
      timeZone: input.timeZone,
      from: monday,
      to: monday,
    });
    if (!week || (week.expectedBlocks === 0 && week.loggedBlocks === 0)) continue;
    plans.push({
      planId: plan.id,
      title: plan.title,
      cadence: plan.cadence ? describeCadence(plan.cadence) : null,
      expectedBlocks: week.expectedBlocks,
      expectedMinutes: week.expectedMinutes,
      loggedBlocks: week.loggedBlocks,
      loggedMinutes: week.loggedMinutes,
      ratio: week.ratio,
    });
  }

  const interruptions = input.interruptions.filter((i) => inWeek(i.at));
  const plansDue = input.plans
    .filter(
      (p) =>
        ((p.state === 'active' || p.state === 'reviewing') && p.reviewOn <= sunday) || p.state === 'adjusted',
    )
    .map((p) => ({
      planId: p.id,
      title: p.title,
      state: p.state,
      reviewOn: p.reviewOn,
      overdue: p.state !== 'adjusted' && p.reviewOn < input.today,
    }))
    .sort((a, b) => a.reviewOn.localeCompare(b.reviewOn));

  return {
    weekOf: monday,
    weekEnd: sunday,
    timeZone: input.timeZone,
    ideas: { total: ideas.length, bySource },
    practice: {
      blocks: logs.length,
      minutes: logs.reduce((sum, l) => sum + l.minutes, 0),
      unplannedMinutes: logs
        .filter((l) => l.planId === null || !planIds.has(l.planId))
        .reduce((sum, l) => sum + l.minutes, 0),
      plans,
    },
    interruptions: {
      count: interruptions.length,
      minutes: interruptions.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0),
    },
    plansDue,
  };
}
