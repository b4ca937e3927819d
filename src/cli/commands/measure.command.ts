import type { Command } from 'commander';
import type { MeasurementEntry } from '../../core/measurements.js';
import { printJson } from '../output.js';
import { numberish } from '../parse.js';
import { withRuntime } from '../runtime.js';
import { localTime } from '../session-output.js';
import { atFlag } from './practice.command.js';

function printMeasurements(entries: readonly MeasurementEntry[]): void {
  if (entries.length === 0) {
    process.stdout.write('No measurements yet. Log one with: whet measure NAME VALUE\n');
    return;
  }
  const nameWidth = Math.min(30, Math.max(4, ...entries.map((e) => e.name.length)));
  const valueWidth = Math.max(5, ...entries.map((e) => String(e.value).length));
  for (const e of entries)
    process.stdout.write(
      `${localTime(e.at)}  ${e.name.padEnd(nameWidth)}  ${String(e.value).padStart(valueWidth)}${e.note ? `  ${e.note}` : ''}\n`,
    );
}

/** `whet measure NAME VALUE` logs a named number; `whet measurements [NAME]` lists them. */
export function registerMeasureCommands(program: Command, globals: () => { db?: string }): void {
  program
    .command('measure')
    .description('log a measurement, e.g. whet measure interruptions 4 (for a baseline-vs-change experiment)')
    .argument('<name>', 'what you measure; the same name (any case) is the same measurement')
    .argument('<value>', 'a number')
    .option(
      '--at <iso>',
      'when: an ISO date-time, 30m or 2h ago, yesterday, 3d (this time of day); default: now',
    )
    .option('-n, --note <text>', 'a short note')
    .option('--json', 'print the entry as JSON')
    .action(async (name: string, value: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const entry = await rt.services.measurements.log(rt.actor, {
          name,
          value: numberish(value),
          at: opts.at === undefined ? undefined : await atFlag(rt, opts.at),
          note: opts.note,
        });
        if (opts.json) printJson(entry);
        else process.stdout.write(`logged ${entry.name} = ${entry.value} at ${localTime(entry.at)}\n`);
      }),
    );

  program
    .command('measurements')
    .description('list logged measurements, oldest first')
    .argument('[name]', 'only this measurement')
    .option('--json', 'print as a JSON array')
    .action(async (name: string | undefined, opts) =>
      withRuntime(globals().db, async (rt) => {
        const entries = await rt.services.measurements.list(rt.actor, name === undefined ? {} : { name });
        if (opts.json) printJson(entries);
        else printMeasurements(entries);
      }),
    );
}
