import type { Interruption } from '../../../../src/core/plans/interruptions.js';

/** How long after logging an interruption a reason still belongs to it rather than a new one. */
export const AMEND_MS = 3 * 60_000;
/** How far back the reasons offered as one-click chips come from. */
export const RECENT_DAYS = 30;

/** The reasons given most in the last weeks, most frequent first. */
export function frequentReasons(list: readonly Interruption[], limit = 6): string[] {
  const counts = new Map<string, number>();
  for (const i of list) if (i.reason) counts.set(i.reason, (counts.get(i.reason) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([reason]) => reason);
}

/** Whether a reason given now still amends `last` (logged moments ago without one). */
export function amends(last: Interruption | undefined, now: number): last is Interruption {
  return !!last && !last.reason && now - new Date(last.createdAt).getTime() < AMEND_MS;
}

export function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}
