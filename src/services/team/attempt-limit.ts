import { RateLimited } from '../../core/errors.js';
import type { Store } from '../../store/connect.js';
import { ThrottleRepository } from '../../store/team/throttle.repository.js';

/** One counter: attempts under `key` allowed per window. */
export interface AttemptLimit {
  key: string;
  limit: number;
}

/**
 * Counts one attempt under each key in the database (so every server process counts the same
 * attempts) and refuses with 429 and Retry-After once any of them is over its limit.
 */
export async function countAttempt(
  store: Store,
  nowMs: number,
  windowMs: number,
  limits: readonly AttemptLimit[],
  what = 'attempts',
): Promise<void> {
  const repo = new ThrottleRepository(store.db);
  for (const { key, limit } of limits) {
    const { count, windowStart } = await repo.hit(key, nowMs, windowMs);
    if (count > limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000));
      throw new RateLimited(`too many ${what}; try again in ${Math.ceil(retryAfter / 60)} min`, retryAfter);
    }
  }
}
