import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeFeed } from '../services/change-feed.js';
import { type AppEnv, actorOf } from './actor.js';
import { WakeUp } from './wake-up.js';

/**
 * How often an open stream of a team member rechecks its session even when nothing changed
 * (a session also ends by time). Sign-out, deactivation and revoked tokens are writes, and
 * arrive as changes at once.
 */
const SESSION_RECHECK_MS = 30_000;

/**
 * `/events`: a server-sent event stream with a `changed` event whenever the user's data changed
 * — through this process, another server process or the `whet` CLI — so the inbox shows an idea
 * captured in the terminal without a reload. The process's `ChangeFeed` says when (decision 0018);
 * the stream itself never polls the data.
 */
export function liveEventRoutes(
  feed: ChangeFeed,
  /** Team mode: whether the request's session still stands (a deactivated member's stream ends). */
  stillSignedIn?: (headers: Headers) => Promise<boolean>,
): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    // Who is asking is settled before the stream opens: a stream's status cannot change later.
    const actor = actorOf(c);
    return streamSSE(c, async (stream) => {
      const wake = new WakeUp();
      stream.onAbort(() => wake.ring());
      const unsubscribe = await feed.subscribe(actor.userId, () => wake.ring(true));
      const recheck = stillSignedIn ? setInterval(() => wake.ring(), SESSION_RECHECK_MS) : undefined;
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
        while (!stream.aborted && !stream.closed) {
          const { changed } = await wake.next();
          if (stream.aborted || stream.closed) break;
          if (stillSignedIn && !(await stillSignedIn(c.req.raw.headers))) {
            await stream.writeSSE({ event: 'signed-out', data: '{}' });
            break;
          }
          if (changed) await stream.writeSSE({ event: 'changed', data: '{}' });
        }
      } finally {
        clearInterval(recheck);
        unsubscribe();
      }
    });
  });
}
