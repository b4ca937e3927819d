import { RateLimited } from '../../core/errors.js';
import type { Store } from '../../store/connect.js';
import { ThrottleRepository } from '../../store/team/throttle.repository.js';
import type { Clock } from '../context.js';

const WINDOW_MS = 15 * 60 * 1000;

/** Attempts allowed per window: per account (guessing one password) and per address (spraying). */
export const THROTTLE_LIMITS = { account: 10, address: 50 } as const;

export type ThrottledAction = 'sign-in' | 'reset';

/**
 * Counts sign-in and reset attempts per account and per client address in the database, so the
 * limit holds however many server processes share it. Over the limit: 429 with Retry-After.
 */
export class SignInThrottle {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async attempt(action: ThrottledAction, email: string, address: string | null): Promise<void> {
    const repo = new ThrottleRepository(this.store.db);
    const now = this.clock().getTime();
    const checks: [string, number][] = [
      [`${action}:account:${email.trim().toLowerCase()}`, THROTTLE_LIMITS.account],
    ];
    if (address) checks.push([`${action}:address:${address}`, THROTTLE_LIMITS.address]);
    for (const [key, limit] of checks) {
      const { count, windowStart } = await repo.hit(key, now, WINDOW_MS);
      if (count > limit) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
        throw new RateLimited(
          `too many attempts; try again in ${Math.ceil(retryAfter / 60)} min`,
          retryAfter,
        );
      }
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeeded(action: ThrottledAction, email: string): Promise<void> {
    await new ThrottleRepository(this.store.db).clear(`${action}:account:${email.trim().toLowerCase()}`);
  }
}
