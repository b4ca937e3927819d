import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';

const POLL_MS = 1000;

/**
 * `/events`: a server-sent event stream with a `changed` event whenever the user's data changed,
 * so the inbox shows an idea captured in the terminal without a reload.
 */
export function eventRoutes(services: Services, pollMs = POLL_MS): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) =>
    streamSSE(c, async (stream) => {
      let last = await services.changes.token(actorOf(c));
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(pollMs);
        const token = await services.changes.token(actorOf(c));
        if (token !== last) {
          last = token;
          await stream.writeSSE({ event: 'changed', data: '{}' });
        }
      }
    }),
  );
}
