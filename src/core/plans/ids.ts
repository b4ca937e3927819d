import * as z from 'zod/mini';
import '../schema-messages.js';

/**
 * A plan's id, in a module of its own so that logging practice or an interruption (the fast
 * paths) does not load the cadence machinery (rrule) that `plan.ts` needs.
 */
export const PlanId = z
  .string()
  .check(z.regex(/^[0-9a-z]{4,32}$/, 'must be a plan id (lowercase letters and digits)'));
