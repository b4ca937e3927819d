import type { PlanWeek } from '../../../../src/core/plans/week-summary.js';
import { plansApi, type WeekSummary } from '../../api-plans.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLoaded } from '../../shared/api/loading.js';

const loadThisWeek = async (signal: AbortSignal) => (await plansApi.week(undefined, signal)).summary;

/**
 * This week's practice per plan against its cadence, as the server computes it for the weekly
 * review (local Monday-to-Sunday week in the user's zone). Reloads when the data changes. The
 * numbers are extra information on the pages that use them, so a failed load just leaves them out.
 */
export function useThisWeek(): {
  summary: WeekSummary | null;
  byPlan: Map<string, PlanWeek>;
  reload: () => void;
} {
  const { data: summary, reload } = useLoaded(loadThisWeek);
  useLiveChanges(() => void reload());
  const byPlan = new Map((summary?.practice.plans ?? []).map((p) => [p.planId, p]));
  return { summary, byPlan, reload: () => void reload() };
}
