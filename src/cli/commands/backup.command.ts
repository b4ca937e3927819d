import { type Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export-formats.js';
import { readInputFile, writeOutputFile } from '../files.js';
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
        writeOutputFile(opts.out, file.body);
        process.stderr.write(`wrote ${opts.out}\n`);
      }),
    );

  program
    .command('import')
    .description('restore a JSON backup (safe to repeat: nothing is duplicated)')
    .argument('<file>', 'a file made by `whet export --format json`')
    .action(async (path: string) => {
      const text = readInputFile(path);
      await withRuntime(globals().db, async (rt) => {
        const s = await rt.services.backup.import(rt.actor, text);
        for (const [what, c] of Object.entries(s)) {
          process.stdout.write(
            `${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged\n`,
          );
        }
      });
    });
}
