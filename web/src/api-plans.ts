import type { IdeaStatus } from '../../src/core/idea-status.js';
import type { Dashboard } from '../../src/core/plans/dashboard.js';
import type { Exercise, ExerciseInput } from '../../src/core/plans/exercises.js';
import type { Interruption, InterruptionInput } from '../../src/core/plans/interruptions.js';
import type { Plan, PlanCreateInput, PlanKind, PlanState } from '../../src/core/plans/plan.js';
import type { PracticeInput, PracticeLog } from '../../src/core/plans/practice.js';
import type {
  PlanReview,
  PlanReviewInput,
  ReviewDecision,
  ReviewPrompt,
  WeeklyReview,
  WeeklyReviewInput,
} from '../../src/core/plans/review.js';
import type { PlanAction } from '../../src/core/plans/transitions.js';
import type { WeekSummary } from '../../src/core/plans/week-summary.js';
import { BASE, request } from './api.js';

/*
 * The plans part of the HTTP API: plans, exercises, practice, interruptions, reviews, the
 * dashboard, settings and calendar feeds. The response shapes mirror the server's views; the web
 * app imports only core types, so they are spelled out here from those.
 */

export type {
  Dashboard,
  Exercise,
  Interruption,
  Plan,
  PlanKind,
  PlanReview,
  PlanState,
  PracticeLog,
  ReviewDecision,
  ReviewPrompt,
  WeeklyReview,
  WeekSummary,
};

/** GET /plans/{id}: a plan as the server presents it (PlanService's PlanView). */
export interface PlanView extends Plan {
  /** The cadence in words ("3 × 30 min a week"), or null. */
  cadenceText: string | null;
  exercise: Exercise | null;
  ideas: { id: string; text: string; status: IdeaStatus }[];
  practice: { blocks: number; minutes: number; lastAt: string | null };
  reviewDue: boolean;
  allowedActions: PlanAction[];
  reviews: PlanReview[];
}

/** GET /reviews/weekly?week=: the week's numbers, its questions, and a review already written. */
export interface WeeklyReviewPage {
  summary: WeekSummary;
  prompts: ReviewPrompt[];
  review: WeeklyReview | null;
}

export interface SubSkill {
  id: string;
  label: string;
  areaId: string;
}

export interface Settings {
  timeZone: string;
  /** `chosen` by the user, or taken from the machine Whetstone runs on. */
  timeZoneSource: 'chosen' | 'system';
}

export interface CalendarFeed {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** POST /calendar/feeds: the secret token and the feed's path are in this answer only. */
export interface NewCalendarFeed extends CalendarFeed {
  token: string;
  path: string;
}

const at = (id: string) => encodeURIComponent(id);

export const plansApi = {
  listPlans(filter: { state?: 'open' | 'all'; ideaId?: string } = {}, signal?: AbortSignal) {
    const query = filter.ideaId
      ? `?ideaId=${at(filter.ideaId)}`
      : filter.state
        ? `?state=${filter.state}`
        : '';
    return request<{ plans: PlanView[] }>('GET', `/plans${query}`, undefined, signal);
  },
  getPlan(id: string, signal?: AbortSignal) {
    return request<PlanView>('GET', `/plans/${at(id)}`, undefined, signal);
  },
  createPlan(input: PlanCreateInput) {
    return request<PlanView>('POST', '/plans', input);
  },
  reviewPlan(id: string, input: PlanReviewInput) {
    return request<PlanView>('POST', `/plans/${at(id)}/review`, input);
  },
  resumePlan(id: string, input: { reviewOn: string; cadence?: string; nextAction?: string }) {
    return request<PlanView>('POST', `/plans/${at(id)}/resume`, input);
  },
  planStep(id: string, action: 'startReview' | 'cancelReview') {
    return request<PlanView>('POST', `/plans/${at(id)}/steps`, { action });
  },

  subSkills(signal?: AbortSignal) {
    return request<{ subSkills: SubSkill[] }>('GET', '/sub-skills', undefined, signal);
  },
  exercises(subSkill: string, signal?: AbortSignal) {
    return request<{ exercises: Exercise[] }>(
      'GET',
      `/exercises?subSkill=${at(subSkill)}`,
      undefined,
      signal,
    );
  },
  createExercise(input: ExerciseInput) {
    return request<Exercise>('POST', '/exercises', input);
  },

  practice(filter: { planId?: string; from?: string } = {}, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (filter.planId) params.set('planId', filter.planId);
    if (filter.from) params.set('from', filter.from);
    const query = params.toString();
    return request<{ practice: PracticeLog[] }>(
      'GET',
      `/practice${query ? `?${query}` : ''}`,
      undefined,
      signal,
    );
  },
  logPractice(input: PracticeInput) {
    return request<PracticeLog>('POST', '/practice', input);
  },
  deletePractice(id: string) {
    return request<void>('DELETE', `/practice/${at(id)}`);
  },

  interruptions(from?: string, signal?: AbortSignal) {
    return request<{ interruptions: Interruption[] }>(
      'GET',
      `/interruptions${from ? `?from=${at(from)}` : ''}`,
      undefined,
      signal,
    );
  },
  interrupt(input: InterruptionInput = {}) {
    return request<Interruption>('POST', '/interruptions', input);
  },
  deleteInterruption(id: string) {
    return request<void>('DELETE', `/interruptions/${at(id)}`);
  },

  reviewPrompts(signal?: AbortSignal) {
    return request<{ weekly: ReviewPrompt[]; plan: ReviewPrompt[] }>(
      'GET',
      '/reviews/prompts',
      undefined,
      signal,
    );
  },
  week(week: string | undefined, signal?: AbortSignal) {
    return request<WeeklyReviewPage>(
      'GET',
      `/reviews/weekly${week ? `?week=${at(week)}` : ''}`,
      undefined,
      signal,
    );
  },
  submitWeekly(input: WeeklyReviewInput) {
    return request<WeeklyReview>('POST', '/reviews/weekly', input);
  },
  reviewHistory(signal?: AbortSignal) {
    return request<{ weekly: WeeklyReview[]; plans: PlanReview[] }>('GET', '/reviews', undefined, signal);
  },

  dashboard(signal?: AbortSignal) {
    return request<Dashboard>('GET', '/dashboard', undefined, signal);
  },
  dashboardUrl: `${BASE}/dashboard`,

  settings(signal?: AbortSignal) {
    return request<Settings>('GET', '/settings', undefined, signal);
  },
  saveSettings(input: { timeZone: string | null }) {
    return request<Settings>('PUT', '/settings', input);
  },

  calendarUrl: `${BASE}/calendar.ics`,
  feeds(signal?: AbortSignal) {
    return request<{ feeds: CalendarFeed[] }>('GET', '/calendar/feeds', undefined, signal);
  },
  createFeed() {
    return request<NewCalendarFeed>('POST', '/calendar/feeds', {});
  },
  revokeFeed(id: string) {
    return request<void>('DELETE', `/calendar/feeds/${at(id)}`);
  },
};
