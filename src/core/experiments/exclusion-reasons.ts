/*
 * Why an idea is set aside in the blind triage. Plain code: the web app offers the same reasons
 * (src/web-imports.test.ts lists it as browser-safe).
 */

/** A reason is short, in the person's words. */
export const EXCLUSION_REASON_MAX = 120;

/** The suggested reasons; any other short text is fine too. */
export const EXCLUSION_REASONS = [
  'Not an improvement idea',
  'A duplicate of another idea',
  'A task, not an idea',
] as const;
