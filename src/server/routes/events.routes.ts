import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';

const POLL_MS = 1000;

/**
 * `/events`: a server-sent event stream with a `changed` event whenever the user's data changed,
 * so the inbox shows an idea captured in the terminal without a reload.
 */
export function eventRoutes(
  services: Services,
  /** Team mode: whether the request's session still stands (a deactivated member's stream ends). */
  stillSignedIn?: (headers: Headers) => Promise<boolean>,
  pollMs = POLL_MS,
): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    // Who is asking is settled before the stream opens: a stream's status cannot change later.
    const actor = actorOf(c);
    return streamSSE(c, async (stream) => {
      let last = await services.changes.token(actor);
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(pollMs);
        if (stillSignedIn && !(await stillSignedIn(c.req.raw.headers))) {
          await stream.writeSSE({ event: 'signed-out', data: '{}' });
          break;
        }
        const token = await services.changes.token(actor);
        if (token !== last) {
          last = token;
          await stream.writeSSE({ event: 'changed', data: '{}' });
        }
      }
    });
  });
}
