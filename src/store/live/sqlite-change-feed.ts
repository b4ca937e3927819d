import { changeToken } from '../change-token.js';
import type { Store } from '../connect.js';
import type { ChangeFeed } from './change-feed.js';
import { Subscribers } from './subscribers.js';

/**
 * SQLite: one process serves, and no other process can notify it, so the server looks at the
 * database's own change counters (`data_version`, which moves when a `whet` command commits, and
 * `total_changes()`, this connection's writes; both O(1)) — once per process, not per stream, and
 * only while a stream is open. A change tells every open stream.
 */
export class SqliteChangeFeed implements ChangeFeed {
  private readonly subscribers = new Subscribers();
  private timer: NodeJS.Timeout | undefined;
  private baseline: Promise<void> | undefined;
  private last: string | undefined;
  private looking = false;

  constructor(
    private readonly store: Store,
    private readonly pollMs: number,
  ) {}

  async subscribe(userId: string, onChange: () => void): Promise<() => void> {
    const remove = this.subscribers.add(userId, onChange);
    if (!this.timer) {
      this.last = undefined;
      this.timer = setInterval(() => void this.look(), this.pollMs);
      this.baseline = this.look();
    }
    await this.baseline;
    return () => {
      remove();
      if (this.subscribers.size === 0) this.stop();
    };
  }

  private async look(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      // The counters are the whole database's: the user id does not narrow them.
      const token = await changeToken(this.store, '');
      const moved = this.last !== undefined && token !== this.last;
      this.last = token;
      if (moved) this.subscribers.notifyAll();
    } catch {
      // A busy or closing database: the next look tries again.
    } finally {
      this.looking = false;
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async close(): Promise<void> {
    this.stop();
  }
}
