import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { weekOf } from '../../core/time-zone.js';
import { withAsker } from '../ask-terminal.js';
import { pastDateFlag } from '../date-flags.js';
import { printJson } from '../output.js';
import { namingFlags, todayOf } from '../plan-flags.js';
import { zonedTime } from '../plan-output.js';
import { printReviewHistory, printWeekSummary } from '../review-output.js';
import { askWeeklyReview, type WeeklyReviewAnswers } from '../review-terminal.js';
import { type Runtime, withRuntime } from '../runtime.js';

type GlobalOptions = { db?: string };

const out = (text: string) => process.stdout.write(text);

/** What the saved review decided, and what is left to do. */
function printSaved(input: WeeklyReviewAnswers, titles: ReadonlyMap<string, string>): void {
  const decided = input.decisions.map((d) => `${d.decision} "${titles.get(d.planId) ?? d.planId}"`);
  out(
    `\nSaved the review of the week of ${input.weekOf}: ${plural(input.answers.length, 'answer')}${decided.length ? `; ${decided.join(', ')}` : ''}.\n`,
  );
  for (const d of input.decisions.filter((d) => d.decision === 'adjust'))
    out(`Give the adjusted plan a new review date: whet plan resume ${d.planId} --review YYYY-MM-DD\n`);
  out('Look back any time: whet review history\n');
}

/** `whet review [--week DATE]` walks through a week; `whet review history` looks back. */
export function registerReviewCommands(program: Command, globals: () => GlobalOptions): void {
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);
  const review = program
    .command('review')
    .description('the weekly review: the week’s numbers, a few questions, keep/adjust/drop for plans due')
    .enablePositionalOptions()
    .option('--week <date>', 'any date in the week to review: YYYY-MM-DD, today, 1w (default: this week)')
    .option('--json', 'print the week’s numbers as JSON (asks nothing)')
    .addHelpText(
      'after',
      '\nAnswers are read one a line, so they can be piped in: printf "…\\n…\\n" | whet review',
    )
    .action(async (opts) => {
      const code = await run(async (rt) => {
        const week =
          opts.week === undefined ? undefined : pastDateFlag('--week', opts.week, (await todayOf(rt)).today);
        const page = await namingFlags({ week: '--week' }, () => rt.services.reviews.week(rt.actor, week));
        if (opts.json) {
          printJson(page.summary);
          return 0;
        }
        const { today, timeZone } = await todayOf(rt);
        if (page.summary.weekOf > weekOf(today))
          throw validationError(
            '--week',
            `must not be a future week (this week started on ${weekOf(today)})`,
          );
        printWeekSummary(page.summary);
        if (page.review)
          out(
            `\nYou reviewed this week on ${zonedTime(page.review.createdAt, timeZone)}; saving again replaces it.\n`,
          );
        return withAsker('weekly review', async (asker) => {
          const input = await askWeeklyReview(asker, page);
          await rt.services.reviews.submitWeekly(rt.actor, input);
          printSaved(input, new Map(page.summary.plansDue.map((p) => [p.planId, p.title])));
        });
      });
      if (code !== 0) process.exitCode = code;
    });

  review
    .command('history')
    .description('past weekly reviews and plan reviews, newest first')
    .option('--json', 'print as JSON ({ weekly, plans })')
    .action(async (opts) =>
      run(async (rt) => {
        const history = await rt.services.reviews.history(rt.actor);
        if (opts.json) return printJson(history);
        const plans = await rt.services.plans.list(rt.actor, { state: 'all' });
        const prompts = rt.services.reviews.prompts();
        printReviewHistory(
          history,
          new Map(plans.map((p) => [p.id, p.title])),
          new Map([...prompts.weekly, ...prompts.plan].map((p) => [p.id, p.text])),
          (await todayOf(rt)).timeZone,
        );
      }),
    );
}
