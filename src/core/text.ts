import * as z from 'zod/mini';
import './schema-messages.js';

/** A trimmed string of `min` to `max` characters, with the messages every form shows. */
export function trimmedText(max: number, min = 0) {
  const checks: z.core.$ZodCheck<string>[] = [z.trim()];
  if (min === 1) checks.push(z.minLength(1, 'must not be empty'));
  else if (min > 1) checks.push(z.minLength(min, `must be at least ${min} characters`));
  checks.push(z.maxLength(max, `must be at most ${max} characters`));
  return z.string().check(...checks);
}
