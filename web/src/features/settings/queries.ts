import { plansApi } from '../../api-plans.js';
import { useApiQuery } from '../../shared/api/query.js';

export const settingsKeys = {
  all: ['settings-page'] as const,
  /** GET /settings: the time zone and whether the person chose it. */
  settings: ['settings-page', 'settings'] as const,
  /** GET /calendar/feeds: subscription links, live and revoked. */
  feeds: ['settings-page', 'feeds'] as const,
};

export function useUserSettings() {
  return useApiQuery(settingsKeys.settings, (signal) => plansApi.settings(signal));
}

export function useCalendarFeeds() {
  return useApiQuery(settingsKeys.feeds, async (signal) => (await plansApi.feeds(signal)).feeds);
}
