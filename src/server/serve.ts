import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { WhetstoneError } from '../core/errors.js';
import type { Services } from '../services/app.js';
import { openChangeFeed } from '../services/change-feed.js';
import type { Actor } from '../services/context.js';
import type { AppEnv } from './actor.js';
import { createApp } from './app.js';
import type { TeamHttp } from './team/team-http.js';

export interface ServeOptions {
  services: Services;
  /** Solo: the local person. Team: its parts, built once the address it listens on is known. */
  mode: { kind: 'solo'; actor: Actor } | { kind: 'team'; build(listenUrl: string): Promise<TeamHttp> };
  version: string;
  host: string;
  port: number;
  webRoot?: string | undefined;
  advanceClock?: ((ms: number) => void) | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const isLoopbackHost = (host: string): boolean => LOOPBACK.has(host);

/** Starts the HTTP server; resolves once it listens, with its URL and a `close` function. */
export async function startServer(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (options.mode.kind === 'solo' && !isLoopbackHost(options.host)) {
    throw new WhetstoneError(
      'validation',
      `host: solo mode has no sign-in, so it listens only on loopback (127.0.0.1, ::1, localhost), not ${options.host}; add --team to serve a team with accounts`,
      [{ field: 'host', message: 'must be a loopback address without --team' }],
    );
  }
  const { mode } = options;
  // One feed for the process, whatever the number of open streams (one LISTEN connection on PostgreSQL).
  const changes = openChangeFeed(options.services.store);
  // Nothing is served before the URL is printed, and the app exists by then.
  let app: Hono<AppEnv> | undefined;
  const fetch = (request: Request, env: unknown) =>
    app ? app.fetch(request, env) : new Response('starting', { status: 503 });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}/`;
      const close = async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          // Open event streams would otherwise keep the server alive.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await changes.close();
      };
      const ready =
        mode.kind === 'solo'
          ? Promise.resolve({ kind: 'solo' as const, actor: mode.actor })
          : mode.build(url).then((team) => ({ kind: 'team' as const, team }));
      ready.then(
        (appMode) => {
          app = createApp({ ...options, changes, mode: appMode });
          resolve({ url, close });
        },
        (error: unknown) => close().then(() => reject(error)),
      );
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      void changes.close();
      if (error.code === 'EADDRINUSE') {
        reject(
          new WhetstoneError(
            'validation',
            `port: ${options.port} is already in use (try --port ${options.port + 1})`,
            [{ field: 'port', message: 'already in use' }],
          ),
        );
      } else reject(error);
    });
  });
}
