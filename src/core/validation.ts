import type * as z from 'zod/mini';
import { type FieldIssue, WhetstoneError } from './errors.js';
import './schema-messages.js';

/** Turns zod issues into field issues with dotted paths (`ideas.3.value`). */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const first = String(issue.keys[0]);
      return { field: path ? `${path}.${first}` : first, message: issue.message };
    }
    return { field: path || '(body)', message: issue.message };
  });
}

/** Parses `input` with `schema` or throws a validation error naming every offending field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const first = issues[0];
  const message = first ? `${first.field}: ${first.message}` : 'invalid input';
  throw new WhetstoneError('validation', message, issues);
}
