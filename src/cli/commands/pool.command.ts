import type { Command } from 'commander';
import { WhetstoneError } from '../../core/errors.js';
import type { PoolSummary } from '../../core/experiments/pool.js';
import { plural } from '../../core/plural.js';
import { inFileTerms, readCardFiles } from '../card-files.js';
import { printJson } from '../output.js';
import { printPoolReport, printPoolTable } from '../pool-output.js';
import { type Runtime, withRuntime } from '../runtime.js';

/** A pool by its name (any case) when that is unambiguous, else by its id or a unique prefix of it. */
async function findPool(rt: Runtime, ref: string): Promise<PoolSummary> {
  const pools = await rt.services.pools.list(rt.actor);
  const byId = pools.find((p) => p.id === ref.trim());
  if (byId) return byId;
  const byName = pools.filter((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new WhetstoneError(
      'conflict',
      `pool: ${byName.length} pools are called "${ref}"; use the id (see: whet pool list)`,
    );
  if (!/^[0-9a-z]{4,32}$/i.test(ref.trim()))
    throw new WhetstoneError('not_found', `pool ${ref} not found (see: whet pool list)`);
  const id = await rt.services.ids.resolve(rt.actor, 'pool', ref, 'pool');
  return pools.find((p) => p.id === id)!;
}

/** `whet pool create|list|import|report`: pools of anonymous result cards and their analysis. */
export function registerPoolCommands(program: Command, globals: () => { db?: string }): void {
  const pool = program
    .command('pool')
    .description('pool result cards from many people and analyse them together')
    .enablePositionalOptions();
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);

  pool
    .command('create')
    .description('create a pool for the cards of one experiment template')
    .argument('<name>', 'a name, e.g. "Lab retreat 2026"')
    .option('-t, --template <id>', 'the template of its cards (default: week-vs-20-minutes)')
    .option('--json', 'print the pool as JSON')
    .action(async (name: string, opts) =>
      run(async (rt) => {
        const created = await rt.services.pools.create(rt.actor, { name, templateId: opts.template });
        if (opts.json) printJson(created);
        else process.stdout.write(`${created.id}\n`);
      }),
    );

  pool
    .command('list')
    .description('your pools')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const pools = await rt.services.pools.list(rt.actor);
        if (opts.json) printJson(pools);
        else printPoolTable(pools);
      }),
    );

  pool
    .command('import')
    .description('add result cards to a pool: all of them, or none if any is refused')
    .argument('<pool>', 'pool name, id or a unique prefix of the id')
    .argument('<files...>', 'card files: one card, a JSON array of cards, or {"cards": [...]} each')
    .option('--json', 'print the outcome as JSON')
    .action(async (ref: string, files: string[], opts) => {
      const batch = readCardFiles(files);
      await run(async (rt) => {
        const target = await findPool(rt, ref);
        const result = await rt.services.pools
          .importCards(rt.actor, target.id, { cards: batch.cards })
          .catch((error: unknown) => {
            throw inFileTerms(error, batch);
          });
        if (opts.json) printJson(result);
        else
          process.stdout.write(
            `added ${result.added}, already in the pool ${result.alreadyInPool}; ${result.pool.name} now has ${plural(result.pool.participants, 'participant')}\n`,
          );
      });
    });

  pool
    .command('report')
    .description('the pooled analysis: share of focused wins, sign test, Wilcoxon, median difference')
    .argument('<pool>', 'pool name, id or a unique prefix of the id')
    .option('--json', 'print the report as JSON')
    .action(async (ref: string, opts) =>
      run(async (rt) => {
        const report = await rt.services.pools.report(rt.actor, (await findPool(rt, ref)).id);
        if (opts.json) printJson(report);
        else printPoolReport(report);
      }),
    );
}
