import type { IdeaSource } from '../ideas.js';
import { addDays, daysBetween, localDate, weekOf } from '../time-zone.js';
import { type AdherenceLog, streak, weeklyAdherence, weeksBetween } from './adherence.js';
import { areaOfSubSkill, type Exercise, findBuiltinExercise } from './exercises.js';
import { heatMap } from './interruptions.js';
import type { Plan } from './plan.js';
import type {
  AreaMinutes,
  Dashboard,
  FollowThrough,
  IdeasWeek,
  PlanStreak,
  PracticeWeek,
  ProratedPlan,
  UpcomingReview,
} from './progress-view.js';
import { emptyBySource } from './week-summary.js';

/**
 * The progress dashboard's series, computed from plain arrays so the API can serve each as JSON
 * and the web app can chart it. Weeks are local Monday-to-Sunday weeks in the person's zone.
 */

export type { AreaMinutes, Dashboard, FollowThrough, IdeasWeek, PlanStreak, PracticeWeek, UpcomingReview };

export const DASHBOARD_WEEKS_DEFAULT = 8;
export const DASHBOARD_WEEKS_MAX = 52;
export const UPCOMING_REVIEW_DAYS = 14;

/** The last `weeks` local weeks up to the one containing `today`, oldest first. */
export function lastWeeks(today: string, weeks: number): string[] {
  const thisWeek = weekOf(today);
  return weeksBetween(addDays(thisWeek, -7 * (weeks - 1)), thisWeek);
}

/** Ideas captured per local week by source, for the last `weeks` weeks (oldest first). */
export function ideasPerWeek(
  ideas: readonly { createdAt: string; source: IdeaSource }[],
  options: { today: string; timeZone: string; weeks: number },
): IdeasWeek[] {
  const rows = new Map(
    lastWeeks(options.today, options.weeks).map((w) => [
      w,
      { weekOf: w, total: 0, bySource: emptyBySource() },
    ]),
  );
  for (const idea of ideas) {
    const row = rows.get(weekOf(localDate(idea.createdAt, options.timeZone)));
    if (!row) continue;
    row.total += 1;
    row.bySource[idea.source] += 1;
  }
  return [...rows.values()];
}

/**
 * Follow-through from idea to adopted change. Only the given ideas count (plans' links to other
 * ideas are ignored), each idea once however many plans it has: an idea is *adopted* when any of
 * its plans was kept. rate = adopted / withPlan.
 */
export function followThrough(
  ideas: readonly { id: string }[],
  plans: readonly Pick<Plan, 'ideaIds' | 'state'>[],
): FollowThrough {
  const linked = new Set<string>();
  const kept = new Set<string>();
  for (const plan of plans)
    for (const id of plan.ideaIds) {
      linked.add(id);
      if (plan.state === 'kept') kept.add(id);
    }
  const withPlan = ideas.filter((i) => linked.has(i.id)).length;
  const adopted = ideas.filter((i) => kept.has(i.id)).length;
  return {
    ideas: ideas.length,
    withPlan,
    adopted,
    rate: withPlan > 0 ? adopted / withPlan : null,
    planRate: ideas.length > 0 ? withPlan / ideas.length : null,
  };
}

type DashboardLog = AdherenceLog & { exerciseId?: string | null };

/** The area of a plan: its own, else its sub-skill's. */
function planArea(plan: Pick<Plan, 'areaId' | 'subSkill'>): string | null {
  return plan.areaId ?? (plan.subSkill === null ? null : areaOfSubSkill(plan.subSkill));
}

/**
 * Practice minutes per area per week against what the cadences expected. A log counts towards its
 * plan's area, else its exercise's sub-skill's area, else none.
 */
export function practiceByArea(
  plans: readonly Plan[],
  logs: readonly DashboardLog[],
  options: { today: string; timeZone: string; weeks: number; exercises?: readonly Exercise[] },
): PracticeWeek[] {
  const weeks = lastWeeks(options.today, options.weeks);
  const cells = new Map<string, Map<string | null, AreaMinutes>>(weeks.map((w) => [w, new Map()]));
  const cell = (week: string, areaId: string | null) => {
    const row = cells.get(week);
    if (!row) return null;
    const existing = row.get(areaId);
    if (existing) return existing;
    const entry = { areaId, minutes: 0, expectedMinutes: 0 };
    row.set(areaId, entry);
    return entry;
  };
  const byId = new Map(plans.map((p) => [p.id, p]));
  const exerciseArea = (id: string) => {
    const exercise = findBuiltinExercise(id) ?? options.exercises?.find((e) => e.id === id);
    return exercise ? areaOfSubSkill(exercise.subSkill) : null;
  };
  for (const log of logs) {
    const plan = log.planId === null ? undefined : byId.get(log.planId);
    const area = plan ? planArea(plan) : log.exerciseId ? exerciseArea(log.exerciseId) : null;
    const entry = cell(weekOf(localDate(log.at, options.timeZone)), area);
    if (entry) entry.minutes += log.minutes;
  }
  const prorated = new Map<string, ProratedPlan[]>(weeks.map((w) => [w, []]));
  for (const plan of plans) {
    if (!plan.cadence) continue;
    const rows = weeklyAdherence(plan, [], { ...options, from: weeks[0]!, to: options.today });
    for (const row of rows) {
      if (row.expectedMinutes === 0) continue;
      const entry = cell(row.weekOf, planArea(plan));
      if (entry) entry.expectedMinutes += row.expectedMinutes;
      if (row.prorated)
        prorated.get(row.weekOf)?.push({ planId: plan.id, title: plan.title, ...row.prorated });
    }
  }
  return weeks.map((w) => {
    const areas = [...cells.get(w)!.values()].sort((a, b) =>
      a.areaId === null ? 1 : b.areaId === null ? -1 : a.areaId.localeCompare(b.areaId),
    );
    return {
      weekOf: w,
      minutes: areas.reduce((s, a) => s + a.minutes, 0),
      expectedMinutes: areas.reduce((s, a) => s + a.expectedMinutes, 0),
      prorated: prorated.get(w) ?? [],
      areas,
    };
  });
}

/** Open plans whose review date is at most `days` (default 14) ahead, overdue ones included; soonest first. */
export function upcomingReviews(
  plans: readonly Pick<Plan, 'id' | 'title' | 'state' | 'reviewOn'>[],
  options: { today: string; days?: number },
): UpcomingReview[] {
  const last = addDays(options.today, options.days ?? UPCOMING_REVIEW_DAYS);
  return plans
    .filter((p) => (p.state === 'active' || p.state === 'reviewing') && p.reviewOn <= last)
    .map((p) => {
      const daysLeft = daysBetween(options.today, p.reviewOn);
      return {
        planId: p.id,
        title: p.title,
        state: p.state,
        reviewOn: p.reviewOn,
        daysLeft,
        overdue: daysLeft < 0,
      };
    })
    .sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.title.localeCompare(b.title));
}

export interface DashboardInput {
  /** Today's local date in `timeZone`. */
  today: string;
  timeZone: string;
  /** How many weeks the weekly series cover (default 8, at most 52). */
  weeks?: number;
  ideas: readonly { id: string; createdAt: string; source: IdeaSource }[];
  plans: readonly Plan[];
  practice: readonly DashboardLog[];
  interruptions: readonly { at: string }[];
  /** The person's own exercises, to file plan-less practice under an area. */
  exercises?: readonly Exercise[];
}

/** Every dashboard series at once. Follow-through and streaks use all the data given. */
export function dashboard(input: DashboardInput): Dashboard {
  const weeks = Math.min(
    Math.max(1, Math.floor(input.weeks ?? DASHBOARD_WEEKS_DEFAULT)),
    DASHBOARD_WEEKS_MAX,
  );
  const options = { today: input.today, timeZone: input.timeZone, weeks };
  const weekList = lastWeeks(input.today, weeks);
  const first = weekList[0]!;
  const streakOptions = { today: input.today, timeZone: input.timeZone };
  return {
    today: input.today,
    timeZone: input.timeZone,
    weeks: weekList,
    ideasPerWeek: ideasPerWeek(input.ideas, options),
    followThrough: followThrough(input.ideas, input.plans),
    practiceByArea: practiceByArea(input.plans, input.practice, {
      ...options,
      ...(input.exercises && { exercises: input.exercises }),
    }),
    streaks: {
      overall: streak(
        input.practice.map((l) => l.at),
        streakOptions,
      ),
      plans: input.plans
        .filter((p) => p.cadence !== null && p.state !== 'dropped')
        .map((p) => ({
          planId: p.id,
          title: p.title,
          ...streak(
            input.practice.filter((l) => l.planId === p.id).map((l) => l.at),
            streakOptions,
          ),
        })),
    },
    heatMap: heatMap(
      input.interruptions.filter((i) => {
        const day = localDate(i.at, input.timeZone);
        return day >= first && day <= input.today;
      }),
      input.timeZone,
    ),
    upcomingReviews: upcomingReviews(input.plans, { today: input.today }),
  };
}
