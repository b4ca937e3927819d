import { Command, CommanderError } from 'commander';
import { WhetstoneError } from '../core/errors.js';
import { registerAreasCommand } from './commands/areas.command.js';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerIdeaCommand } from './commands/idea.command.js';
import { registerIdeasCommand } from './commands/ideas.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { WHETSTONE_VERSION } from './version.js';

/** Exit codes: 0 ok, 1 the input or the data was wrong, 2 the command line itself was wrong. */
const EXIT_USER_ERROR = 1;
const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command('whet')
    .description('Whetstone: capture and work through ideas for getting better at research')
    .version(WHETSTONE_VERSION)
    .option(
      '--db <path>',
      'database file (or postgres:// URL); default: $WHETSTONE_DB, $DATABASE_URL, ~/.local/share/whetstone/whetstone.db',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const globals = () => program.opts<{ db?: string }>();
  registerIdeaCommand(program, globals);
  registerIdeasCommand(program, globals);
  registerAreasCommand(program, globals);
  registerBackupCommands(program, globals);
  registerServeCommand(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
}

/** One line on stderr, and the exit code that says whose mistake it was. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are not errors.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof WhetstoneError) {
    process.stderr.write(`whet: ${error.message}\n`);
    return EXIT_USER_ERROR;
  }
  process.stderr.write(`whet: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  return EXIT_USER_ERROR;
}

void main(process.argv);
