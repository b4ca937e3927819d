import type { CalendarFeedList, NewCalendarFeed } from '../../../../src/core/plans/views.js';
import type { Settings } from '../../../../src/core/settings.js';
import { at, BASE, request } from '../../shared/api/client.js';

/** Settings and the private calendar feeds. */
export const settingsApi = {
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
