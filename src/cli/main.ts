import { Command, CommanderError } from 'commander';
import { WhetstoneError } from '../core/errors.js';
import { resolveDatabaseLocation } from '../store/location.js';
import { registerAdminCommands } from './commands/admin.command.js';
import { registerAreasCommand } from './commands/areas.command.js';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerCoachCommands } from './commands/coach.command.js';
import { registerDashboardCommand } from './commands/dashboard.command.js';
import { registerDecksCommand } from './commands/decks.command.js';
import { registerExerciseCommands } from './commands/exercises.command.js';
import { registerExperimentCommands } from './commands/experiment.command.js';
import { registerIdeaCommand } from './commands/idea.command.js';
import { registerIdeasCommand } from './commands/ideas.command.js';
import { registerLoginCommands } from './commands/login.command.js';
import { registerMeasureCommands } from './commands/measure.command.js';
import { registerPlanCommands } from './commands/plan.command.js';
import { registerPoolCommands } from './commands/pool.command.js';
import { registerPracticeCommands } from './commands/practice.command.js';
import { registerReviewCommands } from './commands/review.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerSessionCommands } from './commands/session.command.js';
import { registerCalendarCommands, registerSettingsCommand } from './commands/settings.command.js';
import { setReminderWanted } from './reminder.js';
import { WHETSTONE_VERSION } from './version.js';

/** Exit codes: 0 ok, 1 the input or the data was wrong, 2 the command line itself was wrong. */
const EXIT_USER_ERROR = 1;
const EXIT_USAGE = 2;

const DB_FLAGS = '--db <path>';
/** The same words as the README's "Where data lives". */
const DB_HELP =
  'a SQLite file or a postgres:// URL; otherwise $WHETSTONE_DB, then the team server of `whet login`, then $DATABASE_URL, then $XDG_DATA_HOME/whetstone/whetstone.db (~/.local/share/whetstone/whetstone.db)';
const LOCAL_FLAG = '--local';
const LOCAL_HELP = 'use the database of this machine even when logged in to a team server';

function buildProgram(): Command {
  const program = new Command('whet')
    .description('Whetstone: capture and work through ideas for getting better at research')
    .version(WHETSTONE_VERSION)
    .option(DB_FLAGS, DB_HELP)
    .option(LOCAL_FLAG, LOCAL_HELP)
    // Options after a subcommand belong to it (`whet idea edit ID --area …` edits the area).
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // --db is accepted before the command and after it; the one nearest the action wins.
  let db: string | undefined;
  program.hook('preAction', (_program, action) => {
    const chosen = action.optsWithGlobals<{ db?: string; local?: boolean }>();
    // --local names the database the local rules pick, so it outranks a login like --db does.
    db = chosen.db ?? (chosen.local ? localDatabase() : undefined);
    setReminderWanted(wantsReminder(action));
  });
  const globals = () => ({ db });
  registerIdeaCommand(program, globals);
  registerIdeasCommand(program, globals);
  registerAreasCommand(program, globals);
  registerBackupCommands(program, globals);
  registerSessionCommands(program, globals);
  registerDecksCommand(program, globals);
  registerExperimentCommands(program, globals);
  registerMeasureCommands(program, globals);
  registerPoolCommands(program, globals);
  registerPlanCommands(program, globals);
  registerExerciseCommands(program, globals);
  registerPracticeCommands(program, globals);
  registerReviewCommands(program, globals);
  registerDashboardCommand(program, globals);
  registerSettingsCommand(program, globals);
  registerCalendarCommands(program, globals);
  registerServeCommand(program, globals);
  registerAdminCommands(program, globals);
  registerCoachCommands(program, globals);
  registerLoginCommands(program);
  forEachCommand(program.commands, (command) => {
    command.option(DB_FLAGS, DB_HELP).option(LOCAL_FLAG, LOCAL_HELP).exitOverride();
  });
  return program;
}

/** The database `whet` uses when nobody is logged in, spelled as a `--db` value. */
function localDatabase(): string {
  const location = resolveDatabaseLocation(undefined, process.env);
  return location.engine === 'sqlite' ? location.path : location.url;
}

/** Commands that do not end with the experiment reminder: they show the experiment themselves. */
const NO_REMINDER = new Set(['experiment', 'serve', 'login', 'logout', 'whoami']);

/** Whether `action` ends with the one-line experiment reminder (never after JSON output). */
function wantsReminder(action: Command): boolean {
  let top = action;
  while (top.parent?.parent) top = top.parent;
  return !NO_REMINDER.has(top.name()) && !action.opts<{ json?: boolean }>().json;
}

function forEachCommand(commands: readonly Command[], visit: (command: Command) => void): void {
  for (const command of commands) {
    visit(command);
    forEachCommand(command.commands, visit);
  }
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
