import { IDEA_SOURCES, type IdeaSource } from '../ideas.js';
import { addDays, localDate, weekOf } from '../time-zone.js';
import { type AdherenceLog, weeklyAdherence } from './adherence.js';
import { describeCadence } from './cadence.js';
import type { Plan } from './plan.js';
import type { DuePlan, PlanWeek, WeekSummary } from './progress-view.js';

/** The numbers of one local week, shared by the weekly review page and the dashboard. */

export type { DuePlan, PlanWeek, WeekSummary };

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
      prorated: week.prorated,
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
