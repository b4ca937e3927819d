/**
 * The one text form of an instant that Whetstone stores: ISO 8601 in UTC with milliseconds
 * (`2026-11-23T10:00:00.000Z`). SQLite compares timestamps as text, so every instant entering the
 * store from outside (a backup, another tool) is brought to this form first.
 */
export function canonicalInstant(iso: string): string {
  return new Date(iso).toISOString();
}
