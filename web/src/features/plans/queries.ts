import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Exercise } from '../../../../src/core/plans/exercises.js';
import type { SubSkillView as SubSkill } from '../../../../src/core/plans/views.js';
import type { PlanWeek } from '../../../../src/core/plans/week-summary.js';
import { errorMessage } from '../../shared/api/client.js';
import { useApiQuery } from '../../shared/api/query.js';
import { todayIn } from '../../shared/time-zone.js';
import { reviewApi } from '../review/api.js';
import { useSettings } from '../settings/queries.js';
import { plansApi } from './api.js';

type PlanListFilter = { state: 'open' | 'all' } | { ideaId: string };

/** The plans feature's server state, by key. */
export const planKeys = {
  /** Everything a plan change can move: the lists, one plan, its practice log, this week's numbers. */
  all: ['plans'] as const,
  list: (filter: PlanListFilter) => ['plans', 'list', filter] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  practice: (planId: string) => ['plans', 'practice', planId] as const,
  thisWeek: ['plans', 'this-week'] as const,
  /** The library and the review questions, which a plan change leaves alone. */
  subSkills: ['plan-library', 'sub-skills'] as const,
  exercises: (subSkill: string) => ['plan-library', 'exercises', subSkill] as const,
  reviewPrompts: ['plan-library', 'review-prompts'] as const,
};

export function usePlans(filter: PlanListFilter) {
  return useApiQuery(
    planKeys.list(filter),
    async (signal) => (await plansApi.listPlans(filter, signal)).plans,
  );
}

export function usePlan(id: string) {
  return useApiQuery(planKeys.detail(id), (signal) => plansApi.getPlan(id, signal));
}

/** A plan's practice blocks, oldest first. */
export function usePracticeLog(planId: string) {
  return useApiQuery(
    planKeys.practice(planId),
    async (signal) => (await plansApi.practice({ planId }, signal)).practice,
  );
}

/** The questions a plan review asks. */
export function usePlanReviewPrompts() {
  return useApiQuery(planKeys.reviewPrompts, async (signal) => (await reviewApi.reviewPrompts(signal)).plan);
}

/** After a plan or its practice changed: everything under `planKeys.all` loads again. */
export function usePlansChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: planKeys.all }), [client]);
}

/**
 * This week's practice per plan against its cadence, as the server computes it for the weekly
 * review. The numbers are extra information where they appear, so a failed load leaves them out.
 */
export function useThisWeek(): Map<string, PlanWeek> {
  const { data } = useApiQuery(
    planKeys.thisWeek,
    async (signal) => (await reviewApi.week(undefined, signal)).summary,
  );
  return new Map((data?.practice.plans ?? []).map((p) => [p.planId, p]));
}

const NO_SUB_SKILLS: SubSkill[] = [];

/** The built-in sub-skills (id, label, area); empty until they arrive. They never change. */
export function useSubSkills(): SubSkill[] {
  const { data } = useQuery({
    queryKey: planKeys.subSkills,
    queryFn: async ({ signal }) => (await plansApi.subSkills(signal)).subSkills,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ?? NO_SUB_SKILLS;
}

/** A sub-skill's exercises, the library's and the person's own; null while they load. */
export function useExercises(subSkill: string | null): {
  exercises: Exercise[] | null;
  error: string | null;
} {
  const query = useQuery({
    queryKey: planKeys.exercises(subSkill ?? ''),
    queryFn: async ({ signal }) => (await plansApi.exercises(subSkill ?? '', signal)).exercises,
    enabled: subSkill !== null,
  });
  return { exercises: query.data ?? null, error: query.error ? errorMessage(query.error) : null };
}

/** Puts a newly written exercise into its sub-skill's list at once. */
export function useExerciseAdded(): (exercise: Exercise) => void {
  const client = useQueryClient();
  return useCallback(
    (exercise: Exercise) =>
      client.setQueryData<Exercise[]>(planKeys.exercises(exercise.subSkill), (list) => [
        ...(list ?? []).filter((e) => e.id !== exercise.id),
        exercise,
      ]),
    [client],
  );
}

/** Today's date in the person's zone; null until their settings are known. */
export function useToday(): string | null {
  const settings = useSettings();
  return settings ? todayIn(settings.timeZone) : null;
}
