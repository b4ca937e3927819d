import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import type { Services } from '../../services/app.js';
import { adjustableClock, LOCAL_ACTOR } from '../../services/context.js';
import { openRuntime } from '../runtime.js';
import { WHETSTONE_VERSION } from '../version.js';

/** `whet serve`: the API and the web app, solo on loopback or `--team` with accounts. */
export function registerServeCommand(program: Command, globals: () => { db?: string }): void {
  program
    .command('serve')
    .description('run the web app and the API (solo: loopback only; --team: accounts and roles)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', process.env.PORT ?? '4545')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--team',
      'team mode: accounts, an organisation with roles, sign-in (use PostgreSQL for several processes)',
    )
    .option('--public-url <url>', 'team mode: the address people open, e.g. https://whet.example.org')
    .option(
      '--trust-proxy',
      'team mode: take client addresses from X-Forwarded-For (only behind your own proxy)',
    )
    .action(async (opts) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw validationError('port', 'must be a number from 0 to 65535');
      const publicUrl = opts.publicUrl === undefined ? undefined : checkedPublicUrl(String(opts.publicUrl));
      if (publicUrl && !opts.team) throw validationError('public-url', 'only means something with --team');
      // Loaded on demand so capture commands never pay for the HTTP stack.
      const { startServer } = await import('../../server/serve.js');
      // Tests and demos may move the clock forward through POST /api/v1/test/clock.
      const testClock = process.env.WHETSTONE_TEST_HOOKS === '1' ? adjustableClock() : undefined;
      const runtime = await openRuntime(globals().db, testClock?.clock, { localUser: !opts.team });
      let setupLink: string | undefined;
      let background: { stop(): Promise<void> } | undefined;
      let mail: Awaited<ReturnType<typeof startMail>> | undefined;
      const server = await startServer({
        services: runtime.services,
        mode: opts.team
          ? {
              kind: 'team',
              build: async (listenUrl) => {
                const { createTeamHttp } = await import('../../server/team/create-team-http.js');
                mail = await startMail(runtime.services);
                const team = await createTeamHttp(runtime.services, {
                  publicUrl: publicUrl ?? listenUrl,
                  trustProxy: Boolean(opts.trustProxy),
                  mail,
                  secretFromEnvironment: process.env.WHETSTONE_AUTH_SECRET,
                  allowPrivateCalendarAddresses: process.env.WHETSTONE_CALENDAR_PRIVATE_ADDRESSES === 'allow',
                });
                const token = await team.services.setup.issueLink();
                if (token) setupLink = new URL(`/setup/${token}`, team.publicUrl).toString();
                team.services.background.start();
                background = team.services.background;
                return team;
              },
            }
          : { kind: 'solo', actor: LOCAL_ACTOR },
        version: WHETSTONE_VERSION,
        host: opts.host,
        port,
        advanceClock: testClock?.advance,
        webRoot: fileURLToPath(new URL('../web', import.meta.url)),
      }).catch(async (error) => {
        await runtime.close();
        throw error;
      });
      const lines = [
        `Whetstone${opts.team ? ' (team)' : ''} is running at ${server.url}`,
        ...(publicUrl ? [`  public address: ${publicUrl}`] : []),
        `  data: ${runtime.services.store.where}`,
        ...(mail
          ? [
              mail.sender.enabled
                ? `  mail: ${mail.described}`
                : '  mail: not set up (WHETSTONE_SMTP_URL); invitation links are shown to copy',
            ]
          : []),
        ...(setupLink
          ? [`  set up the organisation (one-time link, 24 h): ${setupLink}`, '  or run: whet admin setup']
          : []),
        '  stop: Ctrl+C',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = async () => {
        await server.close();
        await background?.stop();
        await mail?.sender.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function checkedPublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw validationError('public-url', `must be an http:// or https:// address, not ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw validationError('public-url', `must be an http:// or https:// address, not ${text}`);
  if (url.pathname !== '/' || url.search || url.hash)
    throw validationError(
      'public-url',
      'must be the site root, without a path (e.g. https://whet.example.org)',
    );
  return url.origin;
}

/** The outbox and, with WHETSTONE_SMTP_URL, a sender delivering it in the background. */
async function startMail(services: Services) {
  const { createMail, mailConfigFromEnv } = await import('../../services/mail/index.js');
  const config = mailConfigFromEnv();
  const mail = createMail({ store: services.store, clock: services.clock, ...config });
  mail.sender.start();
  const described = config.smtpUrl ? `SMTP at ${new URL(config.smtpUrl).host}, from ${config.from}` : 'none';
  return { ...mail, described };
}
