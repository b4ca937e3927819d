/**
 * Tells one process's open event streams that a user's data changed, whoever wrote it: this
 * process, another server process or a `whet` command.
 */
export interface ChangeFeed {
  /** Calls `onChange` after each later change to `userId`'s data; resolves to the unsubscribe. */
  subscribe(userId: string, onChange: () => void): Promise<() => void>;
  /** Stops watching (the LISTEN connection or the timer); subscribers hear nothing more. */
  close(): Promise<void>;
}

/** How a feed watches: how often SQLite looks, PostgreSQL's catch-up and reconnect waits. */
export interface ChangeFeedOptions {
  /** SQLite: how often the process looks at the database's change counters. */
  sqlitePollMs: number;
  /** PostgreSQL: how often the change numbers are re-read, in case a notice went missing. */
  catchUpMs: number;
  /** PostgreSQL: the wait before the first reconnect; it doubles per failure up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
}

export const DEFAULT_CHANGE_FEED_OPTIONS: ChangeFeedOptions = {
  sqlitePollMs: 1000,
  catchUpMs: 30_000,
  retryMs: 250,
  retryMaxMs: 10_000,
};
