/**
 * Helpers for the core's tests (not a test file itself: vitest collects only `*.test.ts`).
 */
import { WhetstoneError } from './errors.js';

/** The WhetstoneError that `run` throws, or undefined when it returns; any other error is rethrown. */
export function errorOf(run: () => unknown): WhetstoneError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WhetstoneError) return error;
    throw error;
  }
  return undefined;
}

/** The fields named by the WhetstoneError that `run` throws; none when it returns. */
export function fieldsOf(run: () => unknown): string[] {
  return errorOf(run)?.issues.map((i) => i.field) ?? [];
}

/** The WhetstoneError that `run` throws; fails the test when it returns. */
export function thrownError(run: () => unknown): WhetstoneError {
  const error = errorOf(run);
  if (!error) throw new Error('expected a WhetstoneError');
  return error;
}
