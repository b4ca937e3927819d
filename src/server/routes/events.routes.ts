import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../../services/app.js';
import type { Actor } from '../../services/context.js';

const POLL_MS = 1000;

/**
 * `/events`: a server-sent event stream with a `changed` event whenever the user's data changed,
 * so the inbox shows an idea captured in the terminal without a reload.
 */
export function eventRoutes(services: Services, actor: Actor, pollMs = POLL_MS): Hono {
  return new Hono().get('/', (c) =>
    streamSSE(c, async (stream) => {
      let last = await services.changes.token(actor);
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(pollMs);
        const token = await services.changes.token(actor);
        if (token !== last) {
          last = token;
          await stream.writeSSE({ event: 'changed', data: '{}' });
        }
      }
    }),
  );
}
