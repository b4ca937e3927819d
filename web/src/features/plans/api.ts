import type { Exercise, ExerciseInput } from '../../../../src/core/plans/exercises.js';
import type { PlanCreateInput, PlanUpdateInput } from '../../../../src/core/plans/plan.js';
import type { PracticeInput, PracticeLog } from '../../../../src/core/plans/practice.js';
import type { PlanReviewInput } from '../../../../src/core/plans/review.js';
import type {
  ExerciseList,
  PlanList,
  PlanView,
  PracticeList,
  SubSkillList,
} from '../../../../src/core/plans/views.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

/** Plans, the sub-skills and exercises they practise, and the practice log. */
export const plansApi = {
  async listPlans(filter: { state?: 'open' | 'all'; ideaId?: string } = {}, signal?: AbortSignal) {
    // An idea's plans are all its plans, whatever their state.
    const query = searchQuery(filter.ideaId ? { ideaId: filter.ideaId } : { state: filter.state });
    const { items } = await request<PlanList>('GET', `/plans${query}`, undefined, signal);
    return { plans: items };
  },
  getPlan(id: string, signal?: AbortSignal) {
    return request<PlanView>('GET', `/plans/${at(id)}`, undefined, signal);
  },
  createPlan(input: PlanCreateInput) {
    return request<PlanView>('POST', '/plans', input);
  },
  updatePlan(id: string, patch: PlanUpdateInput) {
    return request<PlanView>('PATCH', `/plans/${at(id)}`, patch);
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
    const query = searchQuery({ subSkill });
    const { items } = await request<ExerciseList>('GET', `/exercises${query}`, undefined, signal);
    return { exercises: items };
  },
  createExercise(input: ExerciseInput) {
    return request<Exercise>('POST', '/exercises', input);
  },

  async practice(filter: { planId?: string; from?: string } = {}, signal?: AbortSignal) {
    const query = searchQuery({ planId: filter.planId, from: filter.from });
    const { items } = await request<PracticeList>('GET', `/practice${query}`, undefined, signal);
    return { practice: items };
  },
  logPractice(input: PracticeInput) {
    return request<PracticeLog>('POST', '/practice', input);
  },
  deletePractice(id: string) {
    return request<void>('DELETE', `/practice/${at(id)}`);
  },
};
