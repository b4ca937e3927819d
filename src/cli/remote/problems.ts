import { type ErrorCode, type FieldIssue, RateLimited, WhetstoneError } from '../../core/errors.js';

const PROBLEM_PREFIX = 'https://whetstone.dev/problems/';
const CODES: readonly ErrorCode[] = [
  'validation',
  'not_found',
  'conflict',
  'illegal_transition',
  'invalid_backup',
  'storage',
  'unauthenticated',
  'forbidden',
  'rate_limited',
];

interface ProblemBody {
  type?: unknown;
  detail?: unknown;
  title?: unknown;
  errors?: unknown;
}

/**
 * The error a service threw on the server, rebuilt from its problem+json answer (see
 * src/server/problem.ts): the same code, message and field issues, so the CLI prints the same line.
 * Problems that are not service errors (a malformed request, a server fault) keep their detail.
 */
export function errorFromProblem(
  status: number,
  body: ProblemBody,
  retryAfter: string | null,
): WhetstoneError {
  const type = typeof body.type === 'string' ? body.type.replace(PROBLEM_PREFIX, '') : '';
  const code = type.replace(/-/g, '_') as ErrorCode;
  const detail = typeof body.detail === 'string' ? body.detail : String(body.title ?? `HTTP ${status}`);
  const issues = Array.isArray(body.errors) ? (body.errors as FieldIssue[]) : [];
  if (code === 'rate_limited') return new RateLimited(detail, Number(retryAfter ?? 60));
  if (CODES.includes(code)) return new WhetstoneError(code, detail, issues);
  if (status === 404) return new WhetstoneError('not_found', detail);
  if (status < 500) return new WhetstoneError('validation', detail, issues);
  return new WhetstoneError('storage', `the server failed: ${detail}`);
}
