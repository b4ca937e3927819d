import * as z from 'zod/mini';

/** One offending field of a refused request; `field` is a dotted path such as `ideas.3.value`. */
export const FieldIssue = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** RFC 9457 problem details: the body of every error response of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  /** Per-field issues, when the request named fields that are wrong. */
  errors: z.optional(z.array(FieldIssue)),
});
export type Problem = z.infer<typeof Problem>;
