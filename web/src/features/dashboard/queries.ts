import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { useApiQuery } from '../../shared/api/query.js';
import { dashboardApi } from './api.js';

export const dashboardKeys = {
  /** GET /dashboard: every series of the dashboard in one answer (focus mode reads its heat map). */
  all: ['dashboard'] as const,
};

const dashboardQuery = queryOptions({
  queryKey: dashboardKeys.all,
  queryFn: ({ signal }) => dashboardApi.dashboard(signal),
});

/** The whole dashboard, with its loading error in words (for the page's notice and skeleton). */
export function useDashboard() {
  return useApiQuery(dashboardQuery.queryKey, (signal) => dashboardApi.dashboard(signal));
}

/**
 * One section's part of the dashboard, from the same cached answer: a section re-renders only
 * when its own part changed after a refresh.
 */
export function useDashboardPart<T>(select: (dashboard: Dashboard) => T): T | undefined {
  return useQuery({ ...dashboardQuery, select }).data;
}
