import { useApiQuery } from '../../shared/api/query.js';
import { focusApi } from './api.js';
import { RECENT_DAYS, startOfToday } from './reasons.js';

export const focusKeys = {
  all: ['focus'] as const,
  /** The last weeks' interruptions (for their reasons) and how many were logged today. */
  interruptions: ['focus', 'interruptions'] as const,
};

export function useRecentInterruptions() {
  return useApiQuery(focusKeys.interruptions, async (signal) => {
    const from = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
    const [recent, today] = await Promise.all([
      focusApi.interruptions(from, signal),
      focusApi.interruptions(startOfToday(), signal),
    ]);
    return { recent: recent.interruptions, today: today.interruptions.length };
  });
}
