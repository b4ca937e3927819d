import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/**
 * Fixed-window attempt counters in the database, so every server process counts the same
 * attempts. A row holds its window's start (ms) and the attempts seen in it.
 */
export class ThrottleRepository {
  constructor(private readonly db: Db) {}

  /** Counts one attempt under `key` and returns the attempts so far in the current window. */
  async hit(key: string, nowMs: number, windowMs: number): Promise<{ count: number; windowStart: number }> {
    const stale = nowMs - windowMs;
    const row = await this.db
      .insertInto('auth_rate_limits')
      .values({ id: key, key, count: 1, last_request: nowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('auth_rate_limits.last_request', '<=', stale)
            .then(1)
            .else(eb('auth_rate_limits.count', '+', 1))
            .end(),
          last_request: eb
            .case()
            .when('auth_rate_limits.last_request', '<=', stale)
            .then(nowMs)
            .else(eb.ref('auth_rate_limits.last_request'))
            .end(),
        })),
      )
      .returning(['count', 'last_request'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowStart: Number(row.last_request) };
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('auth_rate_limits').where('key', '=', key).execute();
  }
}
