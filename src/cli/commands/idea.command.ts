import { type Command, Option } from 'commander';
import { IDEA_STATUSES } from '../../core/idea-status.js';
import { EFFORTS, IDEA_SOURCES } from '../../core/ideas.js';
import { printIdea, printJson } from '../output.js';
import { clearable, effortFlag, looksLikeCommand, numberish } from '../parse.js';
import { todayOf } from '../plan-flags.js';
import { type Runtime, withRuntime } from '../runtime.js';

type GlobalOptions = { db?: string };

async function areaNameOf(rt: Runtime, areaId: string | null): Promise<string | undefined> {
  if (!areaId) return undefined;
  return (await rt.services.areas.get(rt.actor, areaId)).name;
}

/** `whet idea "text"` captures; `whet idea show|edit|status|rate|delete ID` manage one idea. */
export function registerIdeaCommand(program: Command, globals: () => GlobalOptions): void {
  const idea = program
    .command('idea')
    .description('capture an improvement idea, or show/edit/rate one')
    // Options after a subcommand (`idea edit ID --area …`) belong to that subcommand.
    .enablePositionalOptions()
    .argument('[text...]', 'the idea, in your own words')
    .option('-a, --area <area>', 'area name or id (see: whet areas)')
    .option('-v, --value <1-5>', 'how valuable it seems, 1 to 5')
    .addOption(
      new Option('-e, --effort <size>', 'rough effort').choices([
        ...EFFORTS,
        ...EFFORTS.map((e) => e.toLowerCase()),
      ]),
    )
    .option('-c, --context <text>', 'what you were working on')
    .addOption(
      new Option('-s, --source <source>', 'where it came from').choices([...IDEA_SOURCES]).default('noticed'),
    )
    .option('--json', 'print the whole idea as JSON instead of its id')
    .action(async (words: string[], opts) => {
      if (looksLikeCommand(words)) {
        idea.error(
          `error: "${words[0]}" is not an idea; to list ideas use: whet ideas (to capture the word itself, quote more text)`,
        );
      }
      const text = words.join(' ');
      await withRuntime(globals().db, async (rt) => {
        const areaId = opts.area ? await rt.services.areas.resolve(rt.actor, opts.area) : undefined;
        const created = await rt.services.ideas.capture(rt.actor, {
          text,
          areaId,
          source: opts.source,
          value: opts.value === undefined ? undefined : numberish(opts.value),
          effort: opts.effort === undefined ? undefined : effortFlag(opts.effort),
          context: opts.context,
        });
        if (opts.json) printJson(created);
        else process.stdout.write(`${created.id}\n`);
      });
    });

  idea
    .command('show')
    .description('show one idea')
    .argument('<id>', 'idea id or a unique prefix of it')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const found = await rt.services.ideas.get(rt.actor, await rt.services.ideas.resolveId(rt.actor, id));
        if (opts.json) printJson(found);
        else printIdea(found, await areaNameOf(rt, found.areaId), (await todayOf(rt)).timeZone);
      }),
    );

  idea
    .command('edit')
    .description('change the text, area, context, value or effort of an idea')
    .argument('<id>', 'idea id or a unique prefix of it')
    .option('-t, --text <text>', 'new text')
    .option('-a, --area <area>', 'new area name or id ("none" to clear)')
    .option('-c, --context <text>', 'new context ("none" to clear)')
    .option('-v, --value <1-5>', 'new value ("none" to clear)')
    .option('-e, --effort <size>', 'new effort S, M or L ("none" to clear)')
    .option('--json', 'print the updated idea as JSON')
    .action(async (id: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const fullId = await rt.services.ideas.resolveId(rt.actor, id);
        const area = opts.area === undefined ? undefined : clearable(opts.area);
        const value = opts.value === undefined ? undefined : clearable(opts.value);
        const effort = opts.effort === undefined ? undefined : clearable(opts.effort);
        const updated = await rt.services.ideas.update(rt.actor, fullId, {
          text: opts.text,
          areaId:
            area === undefined || area === null ? area : await rt.services.areas.resolve(rt.actor, area),
          context: opts.context === undefined ? undefined : clearable(opts.context),
          value: value === undefined || value === null ? value : numberish(value),
          effort: effort === undefined || effort === null ? effort : effortFlag(effort),
        });
        if (opts.json) printJson(updated);
        else {
          process.stdout.write(`Saved ${updated.id}.\n\n`);
          printIdea(updated, await areaNameOf(rt, updated.areaId), (await todayOf(rt)).timeZone);
        }
      }),
    );

  idea
    .command('status')
    .description(`move an idea through its lifecycle (${IDEA_STATUSES.join(', ')})`)
    .argument('<id>', 'idea id or a unique prefix of it')
    .argument('<status>', IDEA_STATUSES.join(' | '))
    .action(async (id: string, status: string) =>
      withRuntime(globals().db, async (rt) => {
        const updated = await rt.services.ideas.update(
          rt.actor,
          await rt.services.ideas.resolveId(rt.actor, id),
          {
            status: status.toLowerCase(),
          },
        );
        process.stdout.write(`${updated.id} is now ${updated.status}\n`);
      }),
    );

  idea
    .command('rate')
    .description('rate how valuable an idea is (1-5), optionally with its effort')
    .argument('<id>', 'idea id or a unique prefix of it')
    .argument('<value>', '1 to 5')
    .option('-e, --effort <size>', 'effort S, M or L')
    .action(async (id: string, value: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const updated = await rt.services.ideas.update(
          rt.actor,
          await rt.services.ideas.resolveId(rt.actor, id),
          {
            value: numberish(value),
            ...(opts.effort ? { effort: effortFlag(opts.effort) } : {}),
          },
        );
        process.stdout.write(
          `${updated.id} rated ${updated.value}/5${updated.effort ? `, effort ${updated.effort}` : ''}\n`,
        );
      }),
    );

  idea
    .command('delete')
    .description('delete an idea for good')
    .argument('<id>', 'idea id or a unique prefix of it')
    .action(async (id: string) =>
      withRuntime(globals().db, async (rt) => {
        const fullId = await rt.services.ideas.resolveId(rt.actor, id);
        await rt.services.ideas.remove(rt.actor, fullId);
        process.stdout.write(`deleted ${fullId}\n`);
      }),
    );
}
