import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import { printJson } from '../output.js';
import { numberish } from '../parse.js';
import type { Runtime } from '../runtime.js';
import { withRuntime } from '../runtime.js';
import { printQuestionStats, printSessionDetail, printSessionTable } from '../session-output.js';
import { runTerminalSession } from '../session-terminal.js';

type GlobalOptions = { db?: string };

async function areaNames(rt: Runtime): Promise<Map<string, string>> {
  const areas = await rt.services.areas.list(rt.actor, { includeArchived: true });
  return new Map(areas.map((a) => [a.id, a.name]));
}

const LIMIT_MAX = 1000;

function limitFlag(raw: string): number {
  const limit = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || limit < 1 || limit > LIMIT_MAX)
    throw validationError('limit', `must be a whole number from 1 to ${LIMIT_MAX}`);
  return limit;
}

/** The command that resumes the session, with the same --db as this run. */
function resumeCommand(db: string | undefined): string {
  return db
    ? `whet session --db ${/^[\w./:@+-]+$/.test(db) ? db : `'${db.replaceAll("'", "'\\''")}'`}`
    : 'whet session';
}

/**
 * `whet session` runs a focused improvement session in the terminal; `whet session show ID`,
 * `whet sessions` and `whet questions stats` look back at past ones.
 */
export function registerSessionCommands(program: Command, globals: () => GlobalOptions): void {
  const session = program
    .command('session')
    .description('run a focused improvement session in the terminal (or resume the active one)')
    .enablePositionalOptions()
    .option('-m, --minutes <n>', 'length of a new session in minutes (default 20)')
    .option('-d, --deck <id>', 'question deck (see: whet decks)')
    .option('-a, --areas <list>', 'only questions for these areas, comma-separated names or ids')
    .option(
      '--outside-experiment',
      "start one during an experiment's passive phase without asking (its ideas will not count there)",
    )
    .addHelpText(
      'after',
      '\nType one idea per line (add "#area" at its start or end to file it); /help lists the ' +
        'commands.\nCtrl+C or /quit leaves the session running; run `whet session` again to resume it.',
    )
    .action(async (opts) => {
      const db = globals().db;
      const code = await withRuntime(db, (rt) =>
        runTerminalSession(
          rt,
          {
            minutes: opts.minutes === undefined ? undefined : numberish(opts.minutes),
            deckId: opts.deck,
            outsideExperiment: Boolean(opts.outsideExperiment),
            areas:
              opts.areas === undefined
                ? undefined
                : String(opts.areas)
                    .split(',')
                    .map((a) => a.trim())
                    .filter(Boolean),
          },
          resumeCommand(db),
        ),
      );
      if (code !== 0) process.exitCode = code;
    });

  session
    .command('show')
    .description('show one session: its questions, ideas and summary')
    .argument('<id>', 'session id or a unique prefix of it (see: whet sessions)')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const view = await rt.services.sessions.get(
          rt.actor,
          await rt.services.ids.resolve(rt.actor, 'session', id),
        );
        if (opts.json) printJson(view);
        else printSessionDetail(view, await areaNames(rt));
      }),
    );

  program
    .command('sessions')
    .description('list past and active sessions, newest first')
    .option('-n, --limit <n>', 'at most this many', '20')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const views = await rt.services.sessions.list(rt.actor, limitFlag(opts.limit));
        if (opts.json) printJson(views);
        else printSessionTable(views);
      }),
    );

  const questions = program
    .command('questions')
    .description('the session questions and how they work for you');
  questions
    .command('stats')
    .description('for each question shown: times shown, ideas prompted, their mean value')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const stats = await rt.services.sessions.questionStats(rt.actor);
        if (opts.json) printJson(stats);
        else printQuestionStats(stats);
      }),
    );
}
