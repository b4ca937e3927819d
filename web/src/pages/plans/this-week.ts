import { useCallback, useEffect, useState } from 'react';
import type { PlanWeek } from '../../../../src/core/plans/week-summary.js';
import { isAbort } from '../../api.js';
import { plansApi, type WeekSummary } from '../../api-plans.js';
import { useLiveChanges } from '../../live.js';

/**
 * This week's practice per plan against its cadence, as the server computes it for the weekly
 * review (local Monday-to-Sunday week in the user's zone). Reloads when the data changes.
 */
export function useThisWeek(): {
  summary: WeekSummary | null;
  byPlan: Map<string, PlanWeek>;
  reload: () => void;
} {
  const [summary, setSummary] = useState<WeekSummary | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setSummary((await plansApi.week(undefined, signal)).summary);
    } catch (error) {
      // The numbers are extra information on these pages; without them the rows say less.
      if (!isAbort(error)) setSummary(null);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  useLiveChanges(() => void load());

  const byPlan = new Map((summary?.practice.plans ?? []).map((p) => [p.planId, p]));
  return { summary, byPlan, reload: () => void load() };
}
