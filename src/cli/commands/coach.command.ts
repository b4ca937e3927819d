import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { validationError } from '../../core/errors.js';
import { idPrefixOf, pickByPrefix } from '../../core/id-prefix.js';
import { printAvailability, printBookings, printConversations } from '../coaching-output.js';
import { readInputFile, writeOutputFile } from '../files.js';
import { printJson } from '../output.js';
import { withCoaching } from '../remote/remote-coaching.js';

type GlobalOptions = { db?: string };

/** An availability file: JSON or YAML (YAML 1.2 reads JSON too); the server checks the fields. */
function readAvailabilityFile(path: string): unknown {
  try {
    return parseYaml(readInputFile(path));
  } catch (error) {
    if (error instanceof Error && error.name.startsWith('YAML'))
      throw validationError('file', `${path} is neither JSON nor YAML: ${error.message.split('\n')[0]}`);
    throw error;
  }
}

/**
 * `whet bookings`, `whet coach availability`, `whet conversations` and `whet conversation export`:
 * coaching, on the team server of `whet login`.
 */
export function registerCoachCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('bookings')
    .description('your upcoming bookings as a coach (team server), times in your zone')
    .option('--all', 'also past and cancelled bookings')
    .option('--json', 'print the bookings as a JSON array')
    .action(async (opts: { all?: boolean; json?: boolean }) =>
      withCoaching('bookings', globals().db, async (coaching) => {
        const all = opts.all === true;
        const bookings = await coaching.bookings({ all });
        if (opts.json) return printJson(bookings);
        printBookings(bookings, (await coaching.profile()).timeZone, all);
      }),
    );

  program
    .command('conversations')
    .description('your debugging conversations (team server), as coach or as researcher')
    .option('--json', 'print them as a JSON array')
    .action(async (opts: { json?: boolean }) =>
      withCoaching('conversations', globals().db, async (coaching) => {
        const list = await coaching.conversations();
        if (opts.json) return printJson(list);
        printConversations(list);
      }),
    );

  program
    .command('conversation')
    .description('one debugging conversation (team server)')
    .command('export')
    .description('the conversation as Markdown (Obsidian-ready), to standard output or a file')
    .argument('<id>', 'the conversation id (its booking id), or its first 4+ characters')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (typed: string, opts: { output?: string }) =>
      withCoaching('conversation export', globals().db, async (coaching) => {
        const ids = (await coaching.conversations()).map((c) => c.bookingId);
        const prefix = idPrefixOf('conversation', typed);
        const id = pickByPrefix(
          'conversation',
          typed,
          ids.filter((candidate) => candidate.startsWith(prefix)),
        );
        const markdown = await coaching.exportConversation(id);
        if (opts.output === undefined) return void process.stdout.write(markdown);
        writeOutputFile(opts.output, markdown);
        process.stderr.write(`Wrote ${opts.output}\n`);
      }),
    );

  const coach = program.command('coach').description('your coach page on the team server');
  coach
    .command('availability')
    .description('show your weekly hours, date overrides and time off, or replace them from a file')
    .option('--set <file>', 'replace them with a JSON or YAML file { weekly, overrides, timeOff }')
    .option('--json', 'print them as JSON')
    .addHelpText(
      'after',
      '\nThe file, e.g. YAML:\n' +
        '  weekly: { mon: [{ start: "09:00", end: "12:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }\n' +
        '  overrides: [{ date: "2026-12-24", ranges: [] }]\n' +
        '  timeOff: [{ from: "2026-12-28", to: "2027-01-02", note: "Holidays" }]',
    )
    .action(async (opts: { set?: string; json?: boolean }) =>
      withCoaching('coach availability', globals().db, async (coaching) => {
        const availability =
          opts.set === undefined
            ? await coaching.availability()
            : await coaching.setAvailability(readAvailabilityFile(opts.set));
        if (opts.json) return printJson(availability);
        if (opts.set !== undefined) process.stdout.write(`Saved your hours from ${opts.set}.\n\n`);
        printAvailability(availability, (await coaching.profile()).timeZone);
      }),
    );
}
