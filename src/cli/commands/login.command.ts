import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { WhetstoneError } from '../../core/errors.js';
import { printJson } from '../output.js';
import { normaliseServer } from '../remote/api-client.js';
import {
  credentialsPath,
  deleteCredentials,
  readCredentials,
  writeCredentials,
} from '../remote/credentials.js';
import { createTokenWithPassword, describeMe, revokeToken, whoIsToken } from '../remote/login.js';
import { readSecret } from '../secret-input.js';

interface LoginOptions {
  token?: string;
  email?: string;
  tokenName?: string;
}

/** `whet login`, `whet whoami` and `whet logout`: working against a team server from a terminal. */
export function registerLoginCommands(program: Command): void {
  program
    .command('login')
    .description('log in to a team server; every whet command then works on your account there')
    .argument('<server>', 'the team server, e.g. https://whet.example.org')
    .option('--email <address>', 'your email address (default: $WHETSTONE_EMAIL, else asked)')
    .option('--token <secret>', 'store an existing personal access token (whet_…) instead of signing in')
    .option('--token-name <name>', 'the name of the token created for this machine')
    .addHelpText(
      'after',
      '\nThe password is asked without echo, or read from $WHETSTONE_PASSWORD or the first line of a pipe.\n' +
        'The token is kept in $XDG_CONFIG_HOME/whetstone/credentials.json (~/.config/…), readable by you only.\n' +
        '--db, --local or $WHETSTONE_DB still mean the database of this machine.',
    )
    .action(async (raw: string, opts: LoginOptions) => {
      const server = normaliseServer(raw);
      const previous = readCredentials();
      let secret = opts.token;
      let undo: (() => Promise<void>) | undefined;
      if (secret === undefined) {
        const email = opts.email ?? process.env.WHETSTONE_EMAIL ?? (await askEmail());
        const password = process.env.WHETSTONE_PASSWORD ?? (await askPassword());
        const created = await createTokenWithPassword(server, { email, password }, opts.tokenName);
        secret = created.secret;
        undo = created.revoke;
      } else if (!secret.startsWith('whet_')) {
        throw new WhetstoneError('validation', '--token: a personal access token starts with whet_');
      }
      let me: Awaited<ReturnType<typeof whoIsToken>>;
      let path: string;
      try {
        me = await whoIsToken(server, secret).catch((error: unknown) => {
          if (error instanceof WhetstoneError && error.code === 'unauthenticated')
            throw new WhetstoneError(
              'unauthenticated',
              `${server} does not accept this token (revoked, expired or mistyped)`,
            );
          throw error;
        });
        path = writeCredentials({ server, token: secret });
      } catch (error) {
        await undo?.().catch(() => undefined);
        throw error;
      }
      // The token this machine had before is of no more use; ending it is a courtesy.
      if (previous && previous.token !== secret) await revokeToken(previous.server, previous.token);
      process.stdout.write(`Logged in to ${server} as ${describeMe(me)}.\nToken stored in ${path}\n`);
    });

  program
    .command('whoami')
    .description('who you are logged in as, and on which team server')
    .option('--json', 'print the server and the account as JSON')
    .action(async (opts: { json?: boolean }) => {
      const credentials = readCredentials();
      if (!credentials)
        throw new WhetstoneError(
          'unauthenticated',
          'not logged in to a team server; whet works on the database of this machine (whet login SERVER to log in)',
        );
      const me = await whoIsToken(credentials.server, credentials.token);
      if (opts.json) printJson({ server: credentials.server, ...me });
      else process.stdout.write(`${describeMe(me)} on ${credentials.server}\n`);
    });

  program
    .command('logout')
    .description('revoke this machine’s token on the team server and forget it')
    .action(async () => {
      const credentials = readCredentials();
      if (!credentials) {
        process.stdout.write('not logged in; nothing to do\n');
        return;
      }
      const failed = await revokeToken(credentials.server, credentials.token);
      deleteCredentials();
      process.stdout.write(`Logged out of ${credentials.server}; removed ${credentialsPath()}\n`);
      // Best effort: the file is gone either way, and the person learns what is still live.
      if (failed) process.stderr.write(`whet: the token could not be revoked on the server: ${failed}\n`);
    });
}

async function askEmail(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new WhetstoneError(
      'validation',
      'email: give --email or set WHETSTONE_EMAIL (standard input is not a terminal)',
    );
  const lines = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await lines.question('Email: ')).trim();
  } finally {
    lines.close();
  }
}

function askPassword(): Promise<string> {
  return readSecret('Password: ').catch((error: Error) => {
    throw new WhetstoneError('validation', `password: ${error.message}`, [
      { field: 'password', message: error.message },
    ]);
  });
}
