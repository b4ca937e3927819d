import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGE_FEED_OPTIONS } from '../store/live/change-feed.js';
import { changeFeedOptionsFromEnv } from './change-feed.js';

describe('changeFeedOptionsFromEnv', () => {
  it('keeps the defaults without the variables', () => {
    expect(changeFeedOptionsFromEnv({})).toEqual(DEFAULT_CHANGE_FEED_OPTIONS);
  });

  it('reads the catch-up interval and the first reconnect wait', () => {
    const options = changeFeedOptionsFromEnv({
      WHETSTONE_LIVE_CATCH_UP_MS: '3600000',
      WHETSTONE_LIVE_RETRY_MS: '20000',
    });
    expect(options.catchUpMs).toBe(3_600_000);
    expect(options.retryMs).toBe(20_000);
    // The doubling never waits less than the first wait.
    expect(options.retryMaxMs).toBe(20_000);
  });

  it('names the variable that is not a positive whole number', () => {
    expect(() => changeFeedOptionsFromEnv({ WHETSTONE_LIVE_RETRY_MS: 'soon' })).toThrow(
      /WHETSTONE_LIVE_RETRY_MS: must be a whole number/,
    );
    expect(() => changeFeedOptionsFromEnv({ WHETSTONE_LIVE_CATCH_UP_MS: '0' })).toThrow(/CATCH_UP_MS/);
  });
});
