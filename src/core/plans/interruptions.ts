import * as z from 'zod/mini';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import { type InstantLike, instantString, toInstant, zoned } from '../time-zone.js';
import { parseInput } from '../validation.js';
import { assertNotFuture } from './practice.js';
import { INTERRUPTION_MINUTES_MAX, INTERRUPTION_REASON_MAX, WEEKDAY_NAMES } from './vocabulary.js';

export { INTERRUPTION_MINUTES_MAX, INTERRUPTION_REASON_MAX, WEEKDAY_NAMES };

import type { HeatMap } from './progress-view.js';

/** Interruptions of focused work, logged in one keystroke, so a heat map can show when focus breaks. */

const durationMessage = `must be a whole number of minutes from 1 to ${INTERRUPTION_MINUTES_MAX}`;
const InterruptionMinutes = z
  .number(durationMessage)
  .check(
    z.int(durationMessage),
    z.minimum(1, durationMessage),
    z.maximum(INTERRUPTION_MINUTES_MAX, durationMessage),
  );
const InterruptionReason = trimmedText(INTERRUPTION_REASON_MAX);
const instant = () =>
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' });

export const Interruption = z.object({
  id: z.string().check(z.minLength(1)),
  at: instant(),
  reason: z.nullable(InterruptionReason),
  /** How long focus was lost, when the person knows. */
  durationMinutes: z.nullable(InterruptionMinutes),
  createdAt: instant(),
});
export type Interruption = z.infer<typeof Interruption>;

export const InterruptionInput = z.strictObject({
  reason: z.optional(z.nullable(InterruptionReason)),
  durationMinutes: z.optional(z.nullable(InterruptionMinutes)),
  /** When it happened; default: now. */
  at: z.optional(instant()),
});
export type InterruptionInput = z.input<typeof InterruptionInput>;

/** Validates an interruption and builds its entry; an empty reason is stored as none. */
export function newInterruption(input: unknown, context: { id: string; now: InstantLike }): Interruption {
  const parsed = parseInput(InterruptionInput, input ?? {});
  const createdAt = instantString(toInstant(context.now));
  const at = parsed.at ? instantString(toInstant(parsed.at)) : createdAt;
  assertNotFuture(at, context.now);
  return {
    id: context.id,
    at,
    reason: parsed.reason || null,
    durationMinutes: parsed.durationMinutes ?? null,
    createdAt,
  };
}

export type { HeatMap };

/**
 * Counts interruptions by local weekday and hour in the person's zone. Each instant is converted
 * on its own, so DST moves nothing: 09:15 local is hour 9 in summer and winter; in the hour that
 * repeats when clocks fall back, both passes count as that hour.
 */
export function heatMap(interruptions: readonly { at: string }[], timeZone: string): HeatMap {
  const counts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const { at } of interruptions) {
    const local = zoned(at, timeZone);
    counts[local.dayOfWeek - 1]![local.hour]! += 1;
  }
  return {
    timeZone,
    counts,
    total: interruptions.length,
    max: Math.max(0, ...counts.flat()),
  };
}
