import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, type FieldIssue, RateLimited, WhetstoneError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';

const STATUS: Record<ErrorCode, { status: ContentfulStatusCode; title: string }> = {
  validation: { status: 422, title: 'Invalid input' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  illegal_transition: { status: 409, title: 'Illegal status change' },
  invalid_backup: { status: 422, title: 'Invalid backup' },
  storage: { status: 503, title: 'Storage unavailable' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Forbidden' },
  rate_limited: { status: 429, title: 'Too many attempts' },
};

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  type: string,
  title: string,
  detail: string,
  errors?: FieldIssue[],
  extensions: Readonly<Record<string, unknown>> = {},
): Response {
  const body: Problem = {
    ...extensions,
    type: `https://whetstone.dev/problems/${type}`,
    title,
    status,
    detail,
  };
  if (errors && errors.length > 0) body.errors = errors;
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** Maps any thrown error to a problem response; unknown errors become a 500 without internals. */
export function errorToProblem(c: Context, error: unknown): Response {
  if (error instanceof RateLimited) c.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof WhetstoneError) {
    const { status, title } = STATUS[error.code];
    return problemResponse(
      c,
      status,
      error.code.replace(/_/g, '-'),
      title,
      error.message,
      [...error.issues],
      error.extensions,
    );
  }
  console.error(error);
  return problemResponse(c, 500, 'internal', 'Internal error', 'Something went wrong on the server.');
}
