import { useQuery } from '@tanstack/react-query';
import type { Settings } from '../../../../src/core/settings.js';
import { useApiQuery } from '../../shared/api/query.js';
import { browserTimeZone } from '../../shared/time-zone.js';
import { settingsApi } from './api.js';

export const settingsKeys = {
  /** GET /settings: the time zone and whether the person chose it; every page's local dates use it. */
  settings: ['settings'] as const,
  /** GET /calendar/feeds: subscription links, live and revoked. */
  feeds: ['calendar-feeds'] as const,
};

/** The settings page's view: the saved settings, or why they could not be loaded. */
export function useUserSettings() {
  return useApiQuery(settingsKeys.settings, (signal) => settingsApi.settings(signal));
}

/**
 * The settings other pages count dates with; null until they arrive, the browser's zone if they
 * cannot be loaded (a date a day off beats no page).
 */
export function useSettings(): Settings | null {
  const { data, error } = useQuery({
    queryKey: settingsKeys.settings,
    queryFn: ({ signal }) => settingsApi.settings(signal),
  });
  if (data) return data;
  return error ? { timeZone: browserTimeZone(), timeZoneSource: 'system' } : null;
}

export function useCalendarFeeds() {
  return useApiQuery(settingsKeys.feeds, async (signal) => (await settingsApi.feeds(signal)).feeds);
}
