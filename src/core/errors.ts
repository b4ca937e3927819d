import type { FieldIssue } from './problem.js';

/**
 * Errors are values with a stable code and a human message. The HTTP layer maps them once to
 * problem+json responses, the CLI once to one-line messages and exit codes.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'invalid_backup'
  | 'storage'
  /** Team mode: nobody is signed in, or the session or token is no longer valid. */
  | 'unauthenticated'
  /** Signed in, but the role or the token's scope does not allow it. */
  | 'forbidden'
  | 'rate_limited';

/** Dotted path of the offending field (e.g. `text` or `ideas.3.value`) and what is wrong. */
export type { FieldIssue };

export class WhetstoneError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    /** Extra members of the problem document (RFC 9457 extensions), e.g. a taken slot's fresh slots. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'WhetstoneError';
  }
}

export const validationError = (field: string, message: string): WhetstoneError =>
  new WhetstoneError('validation', `${field}: ${message}`, [{ field, message }]);

export const notFound = (entity: string, id: string): WhetstoneError =>
  new WhetstoneError('not_found', `${entity} ${id} not found`);

export const forbidden = (message: string): WhetstoneError => new WhetstoneError('forbidden', message);

export const unauthenticated = (message = 'sign in first'): WhetstoneError =>
  new WhetstoneError('unauthenticated', message);

/** Too many attempts; the client may try again after `retryAfterSeconds`. */
export class RateLimited extends WhetstoneError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}
