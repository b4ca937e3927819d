import type { Store } from '../connect.js';
import type { ChangeFeed, ChangeFeedOptions } from './change-feed.js';
import { LiveChangeRepository } from './live-change.repository.js';
import { LIVE_CHANNEL } from './live-triggers.js';
import { PostgresListener } from './postgres-listener.js';
import { Subscribers } from './subscribers.js';

/**
 * PostgreSQL: one LISTEN connection per process fans each notice (`userId:number`) out to that
 * user's streams here. Nothing but a cache lives in memory: the change numbers are in the
 * database, so after a reconnect — and every `catchUpMs`, should a notice ever go missing — the
 * numbers of the users with open streams are read again, and whoever moved past the number last
 * seen hears of it. Numbers rise one at a time per user in commit order, so that comparison
 * misses nothing, whatever order transactions commit in.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private readonly subscribers = new Subscribers();
  /** The last change number seen for each user with an open stream. */
  private readonly seen = new Map<string, number>();
  private readonly changes: LiveChangeRepository;
  private readonly listener: PostgresListener;
  private readonly catchUpTimer: NodeJS.Timeout;

  constructor(store: Store, url: string, options: ChangeFeedOptions) {
    this.changes = new LiveChangeRepository(store);
    this.listener = new PostgresListener(
      url,
      LIVE_CHANNEL,
      { notice: (payload) => this.onNotice(payload), listening: () => void this.catchUp() },
      options,
    );
    this.listener.start();
    this.catchUpTimer = setInterval(() => void this.catchUp(), options.catchUpMs);
  }

  async subscribe(userId: string, onChange: () => void): Promise<() => void> {
    const remove = this.subscribers.add(userId, onChange);
    if (!this.seen.has(userId)) {
      // Changes from here on count; a notice that arrived meanwhile may already have moved it on.
      const current = (await this.changes.versionsOf([userId])).get(userId) ?? 0;
      if (this.subscribers.has(userId)) this.seen.set(userId, Math.max(this.seen.get(userId) ?? 0, current));
    }
    return () => {
      remove();
      if (!this.subscribers.has(userId)) this.seen.delete(userId);
    };
  }

  private onNotice(payload: string): void {
    const split = payload.lastIndexOf(':');
    const userId = payload.slice(0, split);
    const version = Number(payload.slice(split + 1));
    if (split < 0 || !Number.isFinite(version)) return;
    this.moved(userId, version);
  }

  /** Tells `userId`'s streams, unless `version` is one they already heard of. */
  private moved(userId: string, version: number): void {
    if (!this.subscribers.has(userId)) return;
    const seen = this.seen.get(userId);
    if (seen !== undefined && version <= seen) return;
    this.seen.set(userId, version);
    this.subscribers.notify(userId);
  }

  private async catchUp(): Promise<void> {
    const users = this.subscribers.users().filter((id) => this.seen.has(id));
    if (users.length === 0) return;
    try {
      for (const [userId, version] of await this.changes.versionsOf(users)) this.moved(userId, version);
    } catch {
      // The database is away; the reconnect after it returns catches up again.
    }
  }

  async close(): Promise<void> {
    clearInterval(this.catchUpTimer);
    await this.listener.close();
  }
}
