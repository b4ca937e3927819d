import { type Command, Option } from 'commander';
import { experimentFor } from '../experiment-choice.js';
import { printJson } from '../output.js';
import type { Runtime } from '../runtime.js';
import { printNewSecondRaterLink, printSecondRaterStatus } from '../second-rater-output.js';

/**
 * Where a link made on this machine points: the address `whet serve` listens on by default (a
 * team server ignores it and uses its public URL).
 */
function localBase(): string {
  return `http://127.0.0.1:${process.env.PORT ?? '4545'}`;
}

const isLoopback = (link: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(link).hostname);

/** `whet experiment second-rater [id] [--name NAME] | --withdraw | --status`. */
export function registerSecondRaterCommand(
  experiment: Command,
  run: <T>(work: (rt: Runtime) => Promise<T>) => Promise<T>,
): void {
  experiment
    .command('second-rater')
    .description(
      'invite a second, blind rater through a link (shown once), see how far they are, or withdraw',
    )
    .argument('[id]', 'experiment id (default: the unfinished or newest one)')
    .addOption(new Option('--name <name>', 'who the link is for (shown to them and in your report)'))
    .addOption(
      new Option('--withdraw', 'end the link at once; their ratings leave the report').conflicts([
        'name',
        'status',
      ]),
    )
    .addOption(
      new Option('--status', 'how many ideas they have rated, and whether they finished').conflicts('name'),
    )
    .option('--json', 'print the answer as JSON')
    .addHelpText(
      'after',
      '\nOnce the blind triage is finished. Inviting again replaces the link, and the ratings given with the old one are dropped.\nThe verdict stays yours: the report shows their values and the agreement beside it.',
    )
    .action(
      async (
        id: string | undefined,
        opts: { name?: string; withdraw?: boolean; status?: boolean; json?: boolean },
      ) =>
        run(async (rt) => {
          const view = await experimentFor(rt, id, true);
          const { secondRater } = rt.services;
          if (opts.status || opts.withdraw) {
            const status = opts.withdraw
              ? await secondRater.withdraw(rt.actor, view.id)
              : await secondRater.status(rt.actor, view.id);
            if (opts.json) return printJson(status);
            if (opts.withdraw) process.stdout.write(`withdrew the second rater's link of ${view.id}\n`);
            else printSecondRaterStatus(status, view.id);
            return;
          }
          const input = opts.name === undefined ? {} : { name: opts.name };
          const created = await secondRater.invite(rt.actor, view.id, input, localBase());
          if (opts.json) return printJson(created);
          printNewSecondRaterLink(created, view.id);
          if (isLoopback(created.link))
            process.stdout.write(
              'The link works while whet serve runs on this machine (on another address or port, put that in front of /rate/…).\n',
            );
        }),
    );
}
