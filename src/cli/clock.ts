import { validationError } from '../core/errors.js';

/**
 * The CLI's clock. With `WHETSTONE_TEST_HOOKS=1` and `WHETSTONE_CLOCK_OFFSET_MS=N` it runs N
 * milliseconds ahead of the real time, so tests and a newcomer's demo can walk through a week-long
 * experiment in minutes (e.g. `WHETSTONE_CLOCK_OFFSET_MS=604800000` is one week later). Without
 * the test hooks the offset is ignored. Both the full CLI and the fast capture path use it.
 */
export function cliClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const offset = clockOffsetMs(env);
  return offset === 0 ? () => new Date() : () => new Date(Date.now() + offset);
}

/** The test clock offset in milliseconds; 0 unless the test hooks are on. */
export function clockOffsetMs(env: NodeJS.ProcessEnv): number {
  const raw = env.WHETSTONE_CLOCK_OFFSET_MS;
  if (env.WHETSTONE_TEST_HOOKS !== '1' || raw === undefined || raw.trim() === '') return 0;
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw)))
    throw validationError('WHETSTONE_CLOCK_OFFSET_MS', 'must be a whole number of milliseconds');
  return Number(raw);
}
