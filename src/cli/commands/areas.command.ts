import type { Command } from 'commander';
import { printAreaTable, printJson } from '../output.js';
import { withRuntime } from '../runtime.js';

/** `whet areas` lists the taxonomy; subcommands add, rename, archive, restore and delete areas. */
export function registerAreasCommand(program: Command, globals: () => { db?: string }): void {
  const areas = program
    .command('areas')
    .description('list areas; add, rename, archive, restore or delete them')
    .option('--all', 'include archived areas')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const list = await rt.services.areas.list(rt.actor, { includeArchived: Boolean(opts.all) });
        if (opts.json) printJson(list);
        else printAreaTable(list);
      }),
    );

  areas
    .command('add')
    .description('add an area of your own')
    .argument('<name>', 'area name')
    .option('-d, --description <text>', 'what belongs in it')
    .action(async (name: string, opts) =>
      withRuntime(globals().db, async (rt) => {
        const area = await rt.services.areas.create(rt.actor, { name, description: opts.description });
        process.stdout.write(`${area.id}\n`);
      }),
    );

  areas
    .command('rename')
    .description('rename an area (its ideas stay in it)')
    .argument('<area>', 'current name or id')
    .argument('<new-name>', 'new name')
    .action(async (current: string, name: string) =>
      withRuntime(globals().db, async (rt) => {
        const id = await rt.services.areas.resolve(rt.actor, current, 'filter');
        const area = await rt.services.areas.update(rt.actor, id, { name });
        process.stdout.write(`${area.id} is now called "${area.name}"\n`);
      }),
    );

  for (const [verb, archived, description] of [
    ['archive', true, 'archive an area: its ideas stay, new ideas cannot be filed under it'],
    ['restore', false, 'bring an archived area back'],
  ] as const) {
    areas
      .command(verb)
      .description(description)
      .argument('<area>', 'name or id')
      .action(async (current: string) =>
        withRuntime(globals().db, async (rt) => {
          const id = await rt.services.areas.resolve(rt.actor, current, 'filter');
          const area = await rt.services.areas.update(rt.actor, id, { archived });
          process.stdout.write(`${area.name} ${archived ? 'archived' : 'restored'}\n`);
        }),
      );
  }

  areas
    .command('delete')
    .description('delete an area that has no ideas (archive areas that do)')
    .argument('<area>', 'name or id')
    .action(async (current: string) =>
      withRuntime(globals().db, async (rt) => {
        const id = await rt.services.areas.resolve(rt.actor, current, 'filter');
        await rt.services.areas.remove(rt.actor, id);
        process.stdout.write(`deleted area ${id}\n`);
      }),
    );
}
