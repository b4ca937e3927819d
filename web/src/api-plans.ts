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
import type {
  CalendarFeed,
  CalendarFeedList,
  ExerciseList,
  InterruptionList,
  NewCalendarFeed,
  PlanList,
  PlanView,
  PracticeList,
  ReviewHistory,
  ReviewPrompts,
  SubSkillList,
  SubSkillView,
  WeeklyReviewPage,
} from '../../src/core/plans/views.js';
import type { WeekSummary } from '../../src/core/plans/week-summary.js';
import type { Settings } from '../../src/core/settings.js';
import { BASE, request } from './api.js';

/*
 * The plans part of the HTTP API: plans, exercises, practice, interruptions, reviews, the
 * dashboard, settings and calendar feeds. The response shapes are the core's schemas (types
 * only); lists arrive as `{ items }` and are handed to pages under the key they have always read.
 */

export type {
  CalendarFeed,
  Dashboard,
  Exercise,
  Interruption,
  NewCalendarFeed,
  Plan,
  PlanKind,
  PlanReview,
  PlanState,
  PlanView,
  PracticeLog,
  ReviewDecision,
  ReviewPrompt,
  Settings,
  // The core's `SubSkill` is the id schema; pages know the listed sub-skill by this name.
  SubSkillView as SubSkill,
  WeeklyReview,
  WeeklyReviewPage,
  WeekSummary,
};

const at = (id: string) => encodeURIComponent(id);

export const plansApi = {
  async listPlans(filter: { state?: 'open' | 'all'; ideaId?: string } = {}, signal?: AbortSignal) {
    const query = filter.ideaId
      ? `?ideaId=${at(filter.ideaId)}`
      : filter.state
        ? `?state=${filter.state}`
        : '';
    const { items } = await request<PlanList>('GET', `/plans${query}`, undefined, signal);
    return { plans: items };
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

  async subSkills(signal?: AbortSignal) {
    const { items } = await request<SubSkillList>('GET', '/sub-skills', undefined, signal);
    return { subSkills: items };
  },
  async exercises(subSkill: string, signal?: AbortSignal) {
    const { items } = await request<ExerciseList>(
      'GET',
      `/exercises?subSkill=${at(subSkill)}`,
      undefined,
      signal,
    );
    return { exercises: items };
  },
  createExercise(input: ExerciseInput) {
    return request<Exercise>('POST', '/exercises', input);
  },

  async practice(filter: { planId?: string; from?: string } = {}, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (filter.planId) params.set('planId', filter.planId);
    if (filter.from) params.set('from', filter.from);
    const query = params.toString();
    const { items } = await request<PracticeList>(
      'GET',
      `/practice${query ? `?${query}` : ''}`,
      undefined,
      signal,
    );
    return { practice: items };
  },
  logPractice(input: PracticeInput) {
    return request<PracticeLog>('POST', '/practice', input);
  },
  deletePractice(id: string) {
    return request<void>('DELETE', `/practice/${at(id)}`);
  },

  async interruptions(from?: string, signal?: AbortSignal) {
    const { items } = await request<InterruptionList>(
      'GET',
      `/interruptions${from ? `?from=${at(from)}` : ''}`,
      undefined,
      signal,
    );
    return { interruptions: items };
  },
  interrupt(input: InterruptionInput = {}) {
    return request<Interruption>('POST', '/interruptions', input);
  },
  deleteInterruption(id: string) {
    return request<void>('DELETE', `/interruptions/${at(id)}`);
  },

  reviewPrompts(signal?: AbortSignal) {
    return request<ReviewPrompts>('GET', '/reviews/prompts', undefined, signal);
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
    return request<ReviewHistory>('GET', '/reviews', undefined, signal);
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
  async feeds(signal?: AbortSignal) {
    const { items } = await request<CalendarFeedList>('GET', '/calendar/feeds', undefined, signal);
    return { feeds: items };
  },
  createFeed() {
    return request<NewCalendarFeed>('POST', '/calendar/feeds', {});
  },
  revokeFeed(id: string) {
    return request<void>('DELETE', `/calendar/feeds/${at(id)}`);
  },
};
