import type { Store } from '../../store/connect.js';
import { ThrottleRepository } from '../../store/team/throttle.repository.js';
import type { Clock } from '../context.js';
import { type AttemptLimit, countAttempt } from './attempt-limit.js';

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
    const limits: AttemptLimit[] = [
      { key: `${action}:account:${email.trim().toLowerCase()}`, limit: THROTTLE_LIMITS.account },
    ];
    if (address) limits.push({ key: `${action}:address:${address}`, limit: THROTTLE_LIMITS.address });
    await countAttempt(this.store, this.clock().getTime(), WINDOW_MS, limits);
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeeded(action: ThrottledAction, email: string): Promise<void> {
    await new ThrottleRepository(this.store.db).clear(`${action}:account:${email.trim().toLowerCase()}`);
  }
}
