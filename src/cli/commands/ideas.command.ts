import { type Command, Option } from 'commander';
import { IDEA_STATUSES } from '../../core/idea-status.js';
import type { Idea } from '../../core/ideas.js';
import { IDEA_SOURCES } from '../../core/ideas.js';
import { PAGE_SIZE_MAX } from '../../core/limits.js';
import { pastDateFlag } from '../date-flags.js';
import { printIdeaTable, printJson } from '../output.js';
import { numberish } from '../parse.js';
import { todayOf } from '../plan-flags.js';
import { withRuntime } from '../runtime.js';

/** `whet ideas`: list and search, newest first. */
export function registerIdeasCommand(program: Command, globals: () => { db?: string }): void {
  program
    .command('ideas')
    .description('list ideas, newest first, with filters and full-text search')
    .option('-a, --area <area>', 'only this area (name or id)')
    .addOption(new Option('-s, --source <source>', 'only this source').choices([...IDEA_SOURCES]))
    .addOption(new Option('--status <status>', 'only this status').choices([...IDEA_STATUSES]))
    .option('-q, --search <words>', 'full-text search (every word must match, as a prefix)')
    .option('--since <date>', 'captured on or after this date: YYYY-MM-DD, today, yesterday, 3d, 1w')
    .option('-n, --limit <n>', 'at most this many', '50')
    .option('--all', 'every matching idea (ignores --limit)')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      withRuntime(globals().db, async (rt) => {
        const { ideas, areas } = rt.services;
        const area = opts.area ? await areas.resolve(rt.actor, opts.area, 'filter') : undefined;
        const since =
          opts.since === undefined
            ? undefined
            : pastDateFlag('--since', opts.since, (await todayOf(rt)).today);
        const query = { area, source: opts.source, status: opts.status, q: opts.search, since };
        const found: Idea[] = [];
        let cursor: string | undefined;
        do {
          const page = await ideas.list(rt.actor, {
            ...query,
            limit: opts.all ? PAGE_SIZE_MAX : numberish(opts.limit),
            cursor,
          });
          found.push(...page.items);
          cursor = opts.all ? (page.nextCursor ?? undefined) : undefined;
        } while (cursor);
        if (opts.json) printJson(found);
        else {
          const names = new Map(
            (await areas.list(rt.actor, { includeArchived: true })).map((a) => [a.id, a.name]),
          );
          printIdeaTable(found, names);
        }
      }),
    );
}
