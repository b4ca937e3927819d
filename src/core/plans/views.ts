import * as z from 'zod/mini';
import { IdeaStatus } from '../idea-status.js';
import { listOf } from '../list.js';
import { Exercise } from './exercises.js';
import { Interruption } from './interruptions.js';
import { Plan } from './plan.js';
import { PracticeLog } from './practice.js';
import { WeekSummary } from './progress-view.js';
import { PlanReview, ReviewPrompt, WeeklyReview } from './review.js';
import { PLAN_ACTIONS } from './transitions.js';

/**
 * What the plans part of the API sends (plans, the exercise library, practice, interruptions,
 * reviews, calendar feeds), as schemas. The services build these; the OpenAPI document and the
 * web app's types are derived from them.
 */

const instant = () => z.iso.datetime({ offset: true });

/** A plan as the web app and the CLI show it. */
export const PlanView = z.extend(Plan, {
  /** The cadence in words ("3 × 30 min a week"), or null. */
  cadenceText: z.nullable(z.string()),
  exercise: z.nullable(Exercise),
  ideas: z.array(z.object({ id: z.string(), text: z.string(), status: IdeaStatus })),
  practice: z.object({ blocks: z.number(), minutes: z.number(), lastAt: z.nullable(instant()) }),
  reviewDue: z.boolean(),
  allowedActions: z.array(z.enum(PLAN_ACTIONS)),
  reviews: z.array(PlanReview),
});
export type PlanView = z.infer<typeof PlanView>;

/** GET /plans: by review date. */
export const PlanList = listOf(PlanView);
export type PlanList = z.infer<typeof PlanList>;

/** GET /exercises: built-in exercises first, then the user's own. */
export const ExerciseList = listOf(Exercise);
export type ExerciseList = z.infer<typeof ExerciseList>;

/** A sub-skill with built-in exercises and the area its practice improves. */
export const SubSkillView = z.object({ id: z.string(), label: z.string(), areaId: z.string() });
export type SubSkillView = z.infer<typeof SubSkillView>;

/** GET /sub-skills. */
export const SubSkillList = listOf(SubSkillView);
export type SubSkillList = z.infer<typeof SubSkillList>;

/** GET /practice: oldest first. */
export const PracticeList = listOf(PracticeLog);
export type PracticeList = z.infer<typeof PracticeList>;

/** GET /interruptions: oldest first. */
export const InterruptionList = listOf(Interruption);
export type InterruptionList = z.infer<typeof InterruptionList>;

/** GET /reviews/prompts: the questions of the weekly and of the plan review. */
export const ReviewPrompts = z.object({ weekly: z.array(ReviewPrompt), plan: z.array(ReviewPrompt) });
export type ReviewPrompts = z.infer<typeof ReviewPrompts>;

/** GET /reviews: weekly reviews and single-plan reviews, newest first. */
export const ReviewHistory = z.object({ weekly: z.array(WeeklyReview), plans: z.array(PlanReview) });
export type ReviewHistory = z.infer<typeof ReviewHistory>;

/** GET /reviews/weekly: the week's numbers, its questions, and the review already written. */
export const WeeklyReviewPage = z.object({
  summary: WeekSummary,
  prompts: z.array(ReviewPrompt),
  /** The review already written for this week, if any (doing it again replaces it). */
  review: z.nullable(WeeklyReview),
});
export type WeeklyReviewPage = z.infer<typeof WeeklyReviewPage>;

/** A calendar subscription; its secret token is never shown again after it is created. */
export const CalendarFeed = z.object({
  id: z.string(),
  createdAt: instant(),
  revokedAt: z.nullable(instant()),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** POST /calendar/feeds: the secret token and the feed's path are in this answer only. */
export const NewCalendarFeed = z.extend(CalendarFeed, {
  /** The secret; shown only now. */
  token: z.string(),
  /** `/feeds/{token}.ics`, relative to the site root. */
  path: z.string(),
});
export type NewCalendarFeed = z.infer<typeof NewCalendarFeed>;

/** GET /calendar/feeds: newest first. */
export const CalendarFeedList = listOf(CalendarFeed);
export type CalendarFeedList = z.infer<typeof CalendarFeedList>;
