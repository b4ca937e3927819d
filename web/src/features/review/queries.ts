import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../shared/api/client.js';
import { useApiQuery } from '../../shared/api/query.js';
import { plansApi } from '../plans/api.js';
import { reviewApi } from './api.js';

export const reviewKeys = {
  all: ['review'] as const,
  /** One week's numbers, questions and review; `undefined` is the current week. */
  week: (week: string | undefined) => ['review', 'week', week ?? 'current'] as const,
  history: ['review', 'history'] as const,
  /** Titles of every plan, also removed or closed ones, for the decisions in the history. */
  planTitles: ['review', 'plan-titles'] as const,
};

/**
 * The week under review. Moving to another week keeps the last one on screen until the new one
 * arrives, so the week navigation does not jump.
 */
export function useWeekReview(week: string | undefined) {
  const query = useQuery({
    queryKey: reviewKeys.week(week),
    queryFn: ({ signal }) => reviewApi.week(week, signal),
    placeholderData: keepPreviousData,
  });
  return {
    page: query.data ?? null,
    error: query.error && query.data === undefined ? errorMessage(query.error) : null,
    reload: query.refetch,
  };
}

export function useReviewHistory() {
  return useApiQuery(reviewKeys.history, (signal) => reviewApi.reviewHistory(signal));
}

/** A plan's title by id ("A removed plan" for one that no longer exists). */
export function usePlanTitle(): (planId: string) => string {
  const { data } = useApiQuery(reviewKeys.planTitles, async (signal) => {
    const { plans } = await plansApi.listPlans({ state: 'all' }, signal);
    return Object.fromEntries(plans.map((p) => [p.id, p.title]));
  });
  return (planId) => data?.[planId] ?? 'A removed plan';
}
