import { validationError } from '../core/errors.js';
import type { Store } from '../store/connect.js';
import {
  type ChangeFeed,
  type ChangeFeedOptions,
  DEFAULT_CHANGE_FEED_OPTIONS,
} from '../store/live/change-feed.js';
import { openChangeFeed as openFeed } from '../store/live/open-change-feed.js';

export type { ChangeFeed } from '../store/live/change-feed.js';

const VARIABLES = {
  catchUpMs: 'WHETSTONE_LIVE_CATCH_UP_MS',
  retryMs: 'WHETSTONE_LIVE_RETRY_MS',
} as const satisfies Partial<Record<keyof ChangeFeedOptions, string>>;

/**
 * How the live feed watches, from the environment: `WHETSTONE_LIVE_CATCH_UP_MS` (how often
 * PostgreSQL's change numbers are re-read in case a notice went missing; 30 s) and
 * `WHETSTONE_LIVE_RETRY_MS` (the first wait before reconnecting the LISTEN connection; 250 ms).
 */
export function changeFeedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ChangeFeedOptions {
  const options = { ...DEFAULT_CHANGE_FEED_OPTIONS };
  for (const [key, name] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const ms = Number(text);
    if (!Number.isInteger(ms) || ms <= 0 || ms > 2_147_483_647)
      throw validationError(name, `must be a whole number of milliseconds above 0, not ${text}`);
    options[key] = ms;
  }
  options.retryMaxMs = Math.max(options.retryMaxMs, options.retryMs);
  return options;
}

/**
 * The server process's one live change feed over `store` (see decision 0018): LISTEN/NOTIFY on
 * PostgreSQL, the database's change counters on SQLite. Close it when the server stops.
 */
export function openChangeFeed(store: Store, options = changeFeedOptionsFromEnv()): ChangeFeed {
  return openFeed(store, options);
}
