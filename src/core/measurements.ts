import * as z from 'zod/mini';
import { listOf } from './list.js';
import './schema-messages.js';
import { trimmedText } from './text.js';
import { canonicalInstant } from './time.js';
import { parseInput } from './validation.js';

/**
 * Measurements are named numbers a person logs over time (`whet measure interruptions 4`). A
 * baseline-vs-change experiment reads the entries whose name matches its measurement.
 */

export const MEASUREMENT_NAME_MAX = 120;
export const MEASUREMENT_NOTE_MAX = 500;
/** Far beyond any count or duration a person logs; keeps absurd values out of the statistics. */
export const MEASUREMENT_VALUE_MAX = 1e9;

export const MeasurementInput = z.strictObject({
  name: trimmedText(MEASUREMENT_NAME_MAX, 1),
  value: z
    .number('must be a finite number')
    .check(
      z.minimum(-MEASUREMENT_VALUE_MAX, 'must be at least -1000000000'),
      z.maximum(MEASUREMENT_VALUE_MAX, 'must be at most 1000000000'),
    ),
  /** When the value was measured; default: now. */
  at: z.optional(
    z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' }),
  ),
  note: z.optional(trimmedText(MEASUREMENT_NOTE_MAX)),
});
export type MeasurementInput = z.input<typeof MeasurementInput>;

/** One logged value. Instants are canonical UTC (`canonicalInstant`). */
export const MeasurementEntry = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number(),
  at: z.iso.datetime({ offset: true }),
  note: z.nullable(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MeasurementEntry = z.infer<typeof MeasurementEntry>;

/** GET /measurements: oldest first. */
export const MeasurementList = listOf(MeasurementEntry);
export type MeasurementList = z.infer<typeof MeasurementList>;

/**
 * The key entries are matched by: "Interruptions  per day" and "interruptions per day" are the
 * same measurement.
 */
export function measurementNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Validates a logged value and builds its entry; `nowIso` dates it when no `at` is given. */
export function newMeasurement(input: unknown, id: string, nowIso: string): MeasurementEntry {
  const parsed = parseInput(MeasurementInput, input);
  const createdAt = canonicalInstant(nowIso);
  return {
    id,
    name: parsed.name,
    value: parsed.value,
    at: parsed.at ? canonicalInstant(parsed.at) : createdAt,
    note: parsed.note || null,
    createdAt,
  };
}
