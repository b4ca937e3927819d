/** What the coaching tests publish: a conversation type and hours, built from one default. */
import { WEEKDAYS } from '../../src/core/coaching/availability.js';
import type { ConversationTypeInput } from '../../src/core/coaching/conversation-type.js';

/** A 60-minute video conversation, bookable at once, every hour, up to 30 days ahead. */
export function conversationType(overrides: Partial<ConversationTypeInput> = {}): ConversationTypeInput {
  return {
    slug: 'debug',
    title: 'Debugging conversation',
    description: '',
    durationMinutes: 60,
    locationKind: 'video',
    location: 'https://meet.example.org/cora',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 30,
    dailyLimit: null,
    weeklyLimit: null,
    slotIncrementMinutes: 60,
    questions: [],
    active: true,
    ...overrides,
  };
}

/** The same hours every day of the week, e.g. `{ start: '00:00', end: '24:00' }`. */
export function everyDay(start: string, end: string) {
  return {
    weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [{ start, end }]])) as Record<
      (typeof WEEKDAYS)[number],
      { start: string; end: string }[]
    >,
    overrides: [],
    timeOff: [],
  };
}
