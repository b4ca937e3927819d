import type { Store } from '../connect.js';
import type { ChangeFeed, ChangeFeedOptions } from './change-feed.js';
import { PostgresChangeFeed } from './postgres-change-feed.js';
import { SqliteChangeFeed } from './sqlite-change-feed.js';

/** The feed for the store's engine: LISTEN/NOTIFY on PostgreSQL, the change counters on SQLite. */
export function openChangeFeed(store: Store, options: ChangeFeedOptions): ChangeFeed {
  return store.location.engine === 'postgres'
    ? new PostgresChangeFeed(store, store.location.url, options)
    : new SqliteChangeFeed(store, options.sqlitePollMs);
}
