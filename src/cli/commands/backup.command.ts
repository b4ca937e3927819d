import { type Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export-formats.js';
import { detectImportFormat, IMPORT_FORMATS, type ImportFormat } from '../../core/idea-import.js';
import { plural } from '../../core/plural.js';
import type { IdeaImportResult } from '../../services/idea-import.service.js';
import { readInputFile, writeOutputFile } from '../files.js';
import { truncate } from '../plan-output.js';
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
    .description('restore a JSON backup (safe to repeat), or add ideas from a CSV file or a Markdown list')
    .argument('<file>', 'a JSON backup, a CSV (the columns `whet export --format csv` writes) or Markdown')
    .addOption(
      new Option('-f, --format <format>', 'the file’s format (default: by its extension or content)').choices(
        [...IMPORT_FORMATS],
      ),
    )
    .option('--dry-run', 'show what would be created and write nothing')
    .addHelpText(
      'after',
      '\nMarkdown: every "- idea", "* idea" or "1. idea" line is an idea; "#area" at its start or end ' +
        'files it,\nand a heading that names an area files the items under it. CSV needs a "text" column; ' +
        'the other\ncolumns are those of the CSV export. A bad row stops the import before anything is written.',
    )
    .action(async (path: string, opts: { format?: ImportFormat; dryRun?: boolean }) => {
      const text = readInputFile(path);
      const format = opts.format ?? detectImportFormat(path, text);
      const dryRun = opts.dryRun === true;
      await withRuntime(globals().db, async (rt) => {
        if (format !== 'json') {
          printIdeaImport(path, await rt.services.ideaImport.import(rt.actor, format, text, { dryRun }));
          return;
        }
        const s = await rt.services.backup.import(rt.actor, text, { dryRun });
        if (dryRun) process.stdout.write(`dry run of ${path}: nothing was written\n`);
        for (const [what, c] of Object.entries(s)) {
          process.stdout.write(
            `${what}: ${c.created} ${dryRun ? 'would be created' : 'created'}, ${c.updated} ${dryRun ? 'would be updated' : 'updated'}, ${c.unchanged} unchanged\n`,
          );
        }
      });
    });
}

/** Ideas shown by a dry run before the rest is summed up in one line. */
const DRY_RUN_SHOWN = 10;

function printIdeaImport(path: string, result: IdeaImportResult): void {
  const out = (text: string) => process.stdout.write(text);
  const there = result.alreadyThere ? ` (${plural(result.alreadyThere, 'idea')} already there)` : '';
  if (!result.dryRun) {
    out(`imported ${plural(result.created.length, 'idea')} from ${path}${there}\n`);
    return;
  }
  out(
    `dry run: would import ${plural(result.created.length, 'idea')} from ${path}${there}; nothing was written\n`,
  );
  for (const { where, idea } of result.created.slice(0, DRY_RUN_SHOWN)) {
    const area = idea.areaId ? ` [${idea.areaId}]` : '';
    out(`  ${where.padEnd(9)} ${truncate(idea.text, 70)}${area}\n`);
  }
  if (result.created.length > DRY_RUN_SHOWN) out(`  … and ${result.created.length - DRY_RUN_SHOWN} more\n`);
}
