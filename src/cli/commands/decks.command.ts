import { type Command, Option } from 'commander';
import { WhetstoneError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { readInputFile, writeOutputFile } from '../files.js';
import { printJson } from '../output.js';
import { withRuntime } from '../runtime.js';
import { printDeck, printDeckTable } from '../session-output.js';

/** `whet decks`: list the question decks; show, import, export or delete one. */
export function registerDecksCommand(program: Command, globals: () => { db?: string }): void {
  const decks = program
    .command('decks')
    .description('list question decks; show, import, export or delete one')
    .enablePositionalOptions()
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const list = await rt.services.decks.list(rt.actor);
        if (opts.json) printJson(list);
        else printDeckTable(list);
      }),
    );

  decks
    .command('show')
    .description('show a deck and its questions')
    .argument('<id>', 'deck id (see: whet decks)')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const deck = await rt.services.decks.get(rt.actor, id);
        if (opts.json) printJson(deck);
        else printDeck(deck);
      }),
    );

  decks
    .command('import')
    .description('add a deck of your own from a JSON or YAML file')
    .argument('<file>', 'deck file (see: whet decks export)')
    .option('--replace', 'update your deck with the same id (to edit: export, change, import)')
    .action(async (path: string, opts: { replace?: boolean }) => {
      const text = readInputFile(path);
      await withRuntime(globals().db, async (rt) => {
        const deck = await rt.services.decks
          .importFile(rt.actor, text, path, { replace: Boolean(opts.replace) })
          .catch((error: unknown) => {
            throw everyProblem(error);
          });
        process.stdout.write(
          `imported deck ${deck.id} ("${deck.name}", ${plural(deck.questions.length, 'question')})\n`,
        );
      });
    });

  decks
    .command('export')
    .description('write a deck as a YAML or JSON file (to edit, share or import as a copy)')
    .argument('<id>', 'deck id')
    .addOption(new Option('-f, --format <format>', 'file format').choices(['yaml', 'json']).default('yaml'))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (id: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const body = await rt.services.decks.export(rt.actor, id, opts.format as 'yaml' | 'json');
        if (!opts.out) {
          process.stdout.write(body);
          return;
        }
        writeOutputFile(opts.out, body);
        process.stderr.write(`wrote ${opts.out}\n`);
      }),
    );

  decks
    .command('delete')
    .description('delete a deck of your own (built-in decks cannot be deleted)')
    .argument('<id>', 'deck id')
    .action(async (id: string) =>
      withRuntime(globals().db, async (rt) => {
        await rt.services.decks.remove(rt.actor, id);
        process.stdout.write(`deleted deck ${id}\n`);
      }),
    );
}

/** A deck file with several problems: the first one (the message) and then the rest, one a line. */
function everyProblem(error: unknown): unknown {
  if (!(error instanceof WhetstoneError) || error.issues.length < 2) return error;
  const rest = error.issues.slice(1).map((issue) => `\n  ${issue.message} (${issue.field})`);
  return new WhetstoneError(error.code, `${error.message}${rest.join('')}`, error.issues);
}
