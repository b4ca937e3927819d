import type { Command } from 'commander';
import { WhetstoneError } from '../../core/errors.js';
import { newId } from '../../services/ids.js';
import { AuditLog } from '../../services/team/audit-log.js';
import { SetupService } from '../../services/team/setup.service.js';
import { openRuntime } from '../runtime.js';
import { readSecret } from '../secret-input.js';

/** `whet admin setup`: create a team server's organisation and first admin from its terminal. */
export function registerAdminCommands(program: Command, globals: () => { db?: string }): void {
  const admin = program.command('admin').description('team server administration, run where the server runs');
  admin
    .command('setup')
    .description('create the organisation and its first admin (instead of the setup link)')
    .requiredOption('--organisation <name>', "the organisation's name")
    .requiredOption('--name <name>', 'your name')
    .requiredOption('--email <address>', 'your email address (you sign in with it)')
    .action(async (opts) => {
      const runtime = await openRuntime(globals().db, undefined, { localUser: false });
      try {
        const setup = new SetupService(
          runtime.services.store,
          new AuditLog(runtime.services.store, runtime.services.clock),
          runtime.services.clock,
          newId,
        );
        if (!(await setup.required()))
          throw new WhetstoneError('conflict', 'the organisation is set up already; sign in on the web page');
        const password = await readSecret('Password (12 characters or more): ').catch((error: Error) => {
          throw new WhetstoneError('validation', `password: ${error.message}`, [
            { field: 'password', message: error.message },
          ]);
        });
        await setup.setupFromTerminal({
          organisation: opts.organisation,
          name: opts.name,
          email: opts.email,
          password,
        });
        process.stdout.write(
          `Set up ${opts.organisation}; ${opts.email} is its admin. Sign in on the team server's web page.\n`,
        );
      } finally {
        await runtime.close();
      }
    });
}
