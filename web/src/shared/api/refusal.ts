import type { FieldIssue } from '../../../../src/core/problem.js';
import { ApiError, errorMessage } from './client.js';

/** Why a request failed: its message and every issue the server listed, in the server's order. */
export interface Refusal {
  message: string;
  issues: readonly FieldIssue[];
}

/**
 * The whole refusal of an upload (a deck file, a backup): unlike a form's field messages, every
 * issue is kept, repeats of a field included, so each located problem can be listed.
 */
export function refusalOf(error: unknown): Refusal {
  return {
    message: errorMessage(error),
    issues: error instanceof ApiError ? (error.problem?.errors ?? []) : [],
  };
}
