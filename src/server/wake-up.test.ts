import { describe, expect, it } from 'vitest';
import { WakeUp } from './wake-up.js';

describe('WakeUp', () => {
  it('wakes a waiting loop once per burst of rings, and says whether one was a change', async () => {
    const wake = new WakeUp();
    const first = wake.next();
    wake.ring();
    wake.ring(true);
    expect(await first).toEqual({ changed: true });
    wake.ring();
    expect(await wake.next()).toEqual({ changed: false });
    let woke = false;
    const third = wake.next().then((result) => {
      woke = true;
      return result;
    });
    await Promise.resolve();
    expect(woke).toBe(false);
    wake.ring(true);
    expect(await third).toEqual({ changed: true });
  });
});
