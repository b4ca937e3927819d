import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { WhetstoneError } from '../core/errors.js';
import type { Services } from '../services/app.js';
import type { Actor } from '../services/context.js';
import { createApp } from './app.js';

export interface ServeOptions {
  services: Services;
  actor: Actor;
  version: string;
  host: string;
  port: number;
  webRoot?: string | undefined;
  advanceClock?: ((ms: number) => void) | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts the HTTP server; resolves once it listens, with its URL and a `close` function. */
export async function startServer(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (!LOOPBACK.has(options.host)) {
    throw new WhetstoneError(
      'validation',
      `host: solo mode has no login, so it only listens on loopback (127.0.0.1, ::1 or localhost), not ${options.host}`,
      [{ field: 'host', message: 'must be a loopback address in solo mode' }],
    );
  }
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Open event streams would otherwise keep the server alive.
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', (error: NodeJS.ErrnoException) => {
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
