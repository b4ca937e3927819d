import { useEffect, useState } from 'react';
import type { IdeaSource } from '../../../../src/core/ideas.js';
import { addDays } from '../../../../src/core/local-date.js';
import type { PlanKind, PlanState, ReviewDecision, Settings, SubSkill } from '../../api-plans.js';
import { plansApi } from '../../api-plans.js';

/** Words for plans, practice and reviews, and local-date helpers for the plan pages. */

export const KIND_HINTS: Record<PlanKind, string> = {
  process: 'A different way of doing the work, e.g. a weekly planning hour.',
  environment: 'A change around you, e.g. notifications off during deep work.',
  practice: 'Deliberate practice of a sub-skill, in blocks on a cadence.',
};

export const STATE_LABELS: Record<PlanState, string> = {
  active: 'Active',
  reviewing: 'In review',
  adjusted: 'Adjusted',
  kept: 'Kept',
  dropped: 'Dropped',
};

export const DECISION_LABELS: Record<ReviewDecision, string> = {
  keep: 'Keep',
  adjust: 'Adjust',
  drop: 'Drop',
};

export const DECISION_HINTS: Record<ReviewDecision, string> = {
  keep: 'It works: make it part of how you work.',
  adjust: 'Worth going on with, differently.',
  drop: 'It did not earn its place.',
};

/** Difficulty relative to one's own ability; 3 is where deliberate practice happens. */
/** Ideas by source, in the order the charts stack them, with a short label each. */
export const SOURCE_ORDER: readonly IdeaSource[] = [
  'noticed',
  'session',
  'conversation',
  'review',
  'imported',
];
export const SOURCE_SHORT: Record<IdeaSource, string> = {
  noticed: 'Noticed',
  session: 'Session',
  conversation: 'Conversation',
  review: 'Review',
  imported: 'Imported',
};

export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "45 min", "1 h 30 min", "2 h". */
export function minutesText(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Today's date (YYYY-MM-DD) in `timeZone` by this browser's clock. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(now)
      .slice(0, 10);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A local date as the Date of its UTC midnight, which the UTC formatters below print as that day. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon, 7 Dec" for a local date. */
export function dayText(date: string): string {
  return dayFormat.format(utcDate(date));
}

/** "7 Dec" for a local date. */
export function shortDayText(date: string): string {
  return shortDayFormat.format(utcDate(date));
}

/** "Monday, 7 December 2026". */
export function longDayText(date: string): string {
  return longDayFormat.format(utcDate(date));
}

/** "Nov 23 – 29" (or "23–29 Nov", as the locale writes ranges) for a week given by its Monday. */
export function weekText(monday: string): string {
  return shortDayFormat.formatRange(utcDate(monday), utcDate(addDays(monday, 6)));
}

/** "today", "tomorrow", "in 5 days", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/* ---------- Sub-skills: the library's list, fetched once ---------- */

let subSkillsRequest: Promise<SubSkill[]> | null = null;

/** The built-in sub-skills (id, label, area); empty until they arrive. */
export function useSubSkills(): SubSkill[] {
  const [list, setList] = useState<SubSkill[]>([]);
  useEffect(() => {
    let alive = true;
    subSkillsRequest ??= plansApi.subSkills().then(
      (r) => r.subSkills,
      (error) => {
        subSkillsRequest = null;
        throw error;
      },
    );
    subSkillsRequest.then(
      (s) => alive && setList(s),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, []);
  return list;
}

/* ---------- Settings: the time zone that local dates are computed in ---------- */

let settingsRequest: Promise<Settings> | null = null;

/** Forgets the cached settings (after the user changed them). */
export function settingsChanged(settings: Settings): void {
  settingsRequest = Promise.resolve(settings);
}

/** The user's settings, fetched once per page load; null until they arrive. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    settingsRequest ??= plansApi.settings().catch((error) => {
      settingsRequest = null;
      throw error;
    });
    settingsRequest.then(
      (s) => alive && setSettings(s),
      () => alive && setSettings({ timeZone: browserTimeZone(), timeZoneSource: 'system' }),
    );
    return () => {
      alive = false;
    };
  }, []);
  return settings;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "10:42" in the user's zone. */
export function clockTime(iso: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
}

/** "Tue, 24 Nov, 10:42" in the user's zone. */
export function dayAndTime(iso: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString();
  }
}
