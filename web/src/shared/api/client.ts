import type { Problem } from '../../../../src/core/problem.js';

/*
 * The one way the web app talks to the server. Each feature's `api.ts` builds on `request`; the
 * response shapes are the core's schemas, imported as types only, so no zod reaches the browser.
 */

/** The API the web app talks to; same origin in production, proxied by Vite in development. */
export const BASE = '/api/v1';

/** A failed request, with the server's problem details and its messages keyed by field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly fields: Readonly<Record<string, string>>;
  /** Seconds to wait before trying again (a 429's Retry-After), when the server said. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    message: string,
    problem: Problem | null = null,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    const fields: Record<string, string> = {};
    for (const issue of problem?.errors ?? []) fields[issue.field] ??= issue.message;
    this.fields = fields;
  }

  /** The message for `field`, if the server named it. */
  field(name: string): string | undefined {
    return this.fields[name];
  }
}

/** Whether a request failed with this HTTP status (404 missing, 409 wrong state…). */
export function hasStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A one-line message for anything thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

let unauthenticated: ((path: string) => void) | null = null;

/** Who hears of a 401 (team mode: the session ended); the shell sets it. */
export function onUnauthenticated(handler: ((path: string) => void) | null): void {
  unauthenticated = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  /** More request headers (e.g. an Idempotency-Key). */
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Cannot reach the Whetstone server. Is `whet serve` still running?');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // Not problem+json (e.g. a proxy error page); fall through to a generic message.
    }
    const message = problem?.detail || problem?.title || `Request failed (HTTP ${response.status})`;
    if (response.status === 401) unauthenticated?.(path);
    const wait = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, message, problem, wait > 0 ? wait : null);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `?a=1&b=2` from the defined, non-empty parameters; '' when there are none. */
export function searchQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment from an id. */
export const at = (id: string) => encodeURIComponent(id);
