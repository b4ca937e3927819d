import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import { adjustableClock } from '../../services/context.js';
import { openRuntime } from '../runtime.js';
import { WHETSTONE_VERSION } from '../version.js';

/** `whet serve`: the API and the web app on loopback, until interrupted. */
export function registerServeCommand(program: Command, globals: () => { db?: string }): void {
  program
    .command('serve')
    .description('run the web app and the API (loopback only in solo mode)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', process.env.PORT ?? '4545')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw validationError('port', 'must be a number from 0 to 65535');
      // Loaded on demand so capture commands never pay for the HTTP stack.
      const { startServer } = await import('../../server/serve.js');
      // Tests and demos may move the clock forward through POST /api/v1/test/clock.
      const testClock = process.env.WHETSTONE_TEST_HOOKS === '1' ? adjustableClock() : undefined;
      const runtime = await openRuntime(globals().db, testClock?.clock);
      const server = await startServer({
        ...runtime,
        version: WHETSTONE_VERSION,
        host: opts.host,
        port,
        advanceClock: testClock?.advance,
        webRoot: fileURLToPath(new URL('../web', import.meta.url)),
      }).catch(async (error) => {
        await runtime.close();
        throw error;
      });
      process.stdout.write(
        `Whetstone is running at ${server.url}\n  data: ${runtime.services.store.where}\n  stop: Ctrl+C\n`,
      );
      const stop = async () => {
        await server.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
