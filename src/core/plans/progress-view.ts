import * as z from 'zod/mini';
import { IdeaSource } from '../ideas.js';
import { LocalDate } from '../time-zone.js';
import { PlanState } from './plan.js';

/**
 * The numbers of a week and of the progress dashboard, as schemas: `weekSummary` and `dashboard`
 * build them, GET /reviews/weekly and GET /dashboard send them, and the OpenAPI document and the
 * web app's charts take their shape from here. Weeks are local Monday-to-Sunday weeks.
 */

const count = () => z.number();
/** Ideas per source, every source present. */
const BySource = z.record(IdeaSource, count());

/**
 * A weekly target cut to the days a plan ran that week (it started or was dropped within it):
 * the expected numbers cover `from` to `to`; `fullBlocks` and `fullMinutes` are a whole week's.
 */
export const WeekProrating = z.object({
  from: LocalDate,
  to: LocalDate,
  fullBlocks: z.number(),
  fullMinutes: z.number(),
});
export type WeekProrating = z.infer<typeof WeekProrating>;

export const PlanWeek = z.object({
  planId: z.string(),
  title: z.string(),
  /** The cadence in words, or null for a plan without one. */
  cadence: z.nullable(z.string()),
  expectedBlocks: z.number(),
  expectedMinutes: z.number(),
  loggedBlocks: count(),
  loggedMinutes: count(),
  ratio: z.nullable(z.number()),
  /** Null when the target is a whole week's. */
  prorated: z.nullable(WeekProrating),
});
export type PlanWeek = z.infer<typeof PlanWeek>;

export const DuePlan = z.object({
  planId: z.string(),
  title: z.string(),
  state: PlanState,
  reviewOn: LocalDate,
  /** The review date is before today. */
  overdue: z.boolean(),
});
export type DuePlan = z.infer<typeof DuePlan>;

export const WeekSummary = z.object({
  weekOf: LocalDate,
  /** The week's Sunday. */
  weekEnd: LocalDate,
  timeZone: z.string(),
  ideas: z.object({ total: count(), bySource: BySource }),
  practice: z.object({
    blocks: count(),
    minutes: count(),
    /** Minutes logged outside any of the given plans. */
    unplannedMinutes: count(),
    /** Plans that expected practice this week or got some, in the order given. */
    plans: z.array(PlanWeek),
  }),
  /** `minutes`: the sum of the durations that were logged. */
  interruptions: z.object({ count: count(), minutes: count() }),
  /**
   * Plans waiting for a decision: open plans whose review date falls on or before the week's
   * Sunday, and adjusted plans that still need a new review date; by review date.
   */
  plansDue: z.array(DuePlan),
});
export type WeekSummary = z.infer<typeof WeekSummary>;

export const IdeasWeek = z.object({ weekOf: LocalDate, total: count(), bySource: BySource });
export type IdeasWeek = z.infer<typeof IdeasWeek>;

export const FollowThrough = z.object({
  /** Ideas considered. */
  ideas: count(),
  /** Of those, ideas linked to at least one plan (in any state). */
  withPlan: count(),
  /** Of those, ideas linked to at least one kept plan. */
  adopted: count(),
  /** adopted / withPlan: how many planned ideas became a kept change; null without planned ideas. */
  rate: z.nullable(z.number()),
  /** withPlan / ideas: how many ideas were turned into a plan at all; null without ideas. */
  planRate: z.nullable(z.number()),
});
export type FollowThrough = z.infer<typeof FollowThrough>;

export const AreaMinutes = z.object({
  /** The area practice counted towards; null when neither plan nor exercise names one. */
  areaId: z.nullable(z.string()),
  minutes: count(),
  /** What the cadences of the area's plans expected this week. */
  expectedMinutes: z.number(),
});
export type AreaMinutes = z.infer<typeof AreaMinutes>;

/** A plan whose share of a week's expected minutes was prorated. */
export const ProratedPlan = z.extend(WeekProrating, { planId: z.string(), title: z.string() });
export type ProratedPlan = z.infer<typeof ProratedPlan>;

export const PracticeWeek = z.object({
  weekOf: LocalDate,
  minutes: count(),
  expectedMinutes: z.number(),
  /** The plans whose targets in `expectedMinutes` cover only part of this week. */
  prorated: z.array(ProratedPlan),
  /** By area id, with the unassigned (null) last. */
  areas: z.array(AreaMinutes),
});
export type PracticeWeek = z.infer<typeof PracticeWeek>;

export const StreakRun = z.object({
  /** Practice days in the run (forgiven missed days keep it alive but do not add to it). */
  days: count(),
  /** First and last practice day of the run; null when there is none. */
  from: z.nullable(LocalDate),
  to: z.nullable(LocalDate),
});
export type StreakRun = z.infer<typeof StreakRun>;

export const Streaks = z.object({ current: StreakRun, longest: StreakRun });
export type Streaks = z.infer<typeof Streaks>;

export const PlanStreak = z.object({
  planId: z.string(),
  title: z.string(),
  current: StreakRun,
  longest: StreakRun,
});
export type PlanStreak = z.infer<typeof PlanStreak>;

export const UpcomingReview = z.object({
  planId: z.string(),
  title: z.string(),
  state: PlanState,
  reviewOn: LocalDate,
  /** Days from today to the review date; negative when overdue. */
  daysLeft: z.number(),
  overdue: z.boolean(),
});
export type UpcomingReview = z.infer<typeof UpcomingReview>;

export const HeatMap = z.object({
  timeZone: z.string(),
  /** `counts[d][h]`: interruptions on ISO weekday `d + 1` (0 = Monday) in local hour `h` (0..23). */
  counts: z.array(z.array(count())),
  total: count(),
  /** The largest cell, for scaling colours; 0 when empty. */
  max: count(),
});
export type HeatMap = z.infer<typeof HeatMap>;

/** GET /dashboard: every series at once. */
export const Dashboard = z.object({
  today: LocalDate,
  timeZone: z.string(),
  /** The Mondays of the weekly series, oldest first. */
  weeks: z.array(LocalDate),
  ideasPerWeek: z.array(IdeasWeek),
  followThrough: FollowThrough,
  practiceByArea: z.array(PracticeWeek),
  streaks: z.object({ overall: Streaks, plans: z.array(PlanStreak) }),
  /** Interruptions within the weekly series' weeks. */
  heatMap: HeatMap,
  upcomingReviews: z.array(UpcomingReview),
});
export type Dashboard = z.infer<typeof Dashboard>;
