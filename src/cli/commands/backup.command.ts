import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { validationError } from '../../core/errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export-formats.js';
import { withRuntime } from '../runtime.js';

/** `whet export` and `whet import`. */
export function registerBackupCommands(program: Command, globals: () => { db?: string }): void {
  program
    .command('export')
    .description('export everything: a JSON backup (lossless), Markdown or CSV')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).default('json'),
    )
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const file = await rt.services.backup.export(rt.actor, opts.format as ExportFormat);
        if (!opts.out) {
          process.stdout.write(file.body);
          return;
        }
        // Write beside the target and rename, so an interrupted export never leaves half a file.
        const partial = `${opts.out}.partial`;
        writeFileSync(partial, file.body);
        renameSync(partial, opts.out);
        process.stderr.write(`wrote ${opts.out}\n`);
      }),
    );

  program
    .command('import')
    .description('restore a JSON backup (safe to repeat: nothing is duplicated)')
    .argument('<file>', 'a file made by `whet export --format json`')
    .action(async (path: string) => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw validationError(
          'file',
          `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      await withRuntime(globals().db, async (rt) => {
        const s = await rt.services.backup.import(rt.actor, text);
        process.stdout.write(
          `areas: ${s.areas.created} created, ${s.areas.updated} updated, ${s.areas.unchanged} unchanged\n` +
            `ideas: ${s.ideas.created} created, ${s.ideas.updated} updated, ${s.ideas.unchanged} unchanged\n`,
        );
      });
    });
}
