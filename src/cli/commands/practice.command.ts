import type { Command } from 'commander';
import { heatMap } from '../../core/plans/interruptions.js';
import { DIFFICULTY_LABELS, type PracticeLog } from '../../core/plans/practice.js';
import { heatMapText } from '../dashboard-output.js';
import { pastInstantFlag } from '../date-flags.js';
import { printJson } from '../output.js';
import { numberish } from '../parse.js';
import { findPlan, namingFlags, todayOf } from '../plan-flags.js';
import { truncate, weekProgress, zonedTime } from '../plan-output.js';
import { type Runtime, withRuntime } from '../runtime.js';

type GlobalOptions = { db?: string };

const out = (text: string) => process.stdout.write(text);

const PRACTICE_FLAGS = {
  planId: '--plan',
  exerciseId: '--exercise',
  difficulty: '--difficulty',
  note: '--note',
  at: '--at',
  durationMinutes: '--minutes',
};

/** `--at` as typed (`yesterday`, `2h`, an ISO date-time) as an instant, in the person's zone. */
export async function atFlag(rt: Runtime, raw: string): Promise<string> {
  return pastInstantFlag('--at', raw, rt.services.clock(), (await todayOf(rt)).timeZone);
}

/** Interruptions listed by `whet interruptions` (the heat map counts all of them). */
const RECENT_INTERRUPTIONS = 20;

/** The confirming line of `whet practice`: what was logged and this week's total against the cadence. */
async function loggedLine(rt: Runtime, log: PracticeLog, planTitle: string | undefined): Promise<string> {
  const difficulty =
    log.difficulty === null ? '' : `, difficulty ${log.difficulty} (${DIFFICULTY_LABELS[log.difficulty]})`;
  const head = `logged ${log.minutes} min${difficulty}`;
  if (log.planId === null) return `${head}${log.exerciseId ? ` of ${log.exerciseId}` : ''}, outside any plan`;
  const plan = await rt.services.plans.get(rt.actor, log.planId);
  const { summary } = await rt.services.reviews.week(rt.actor);
  const week = summary.practice.plans.find((p) => p.planId === log.planId);
  return `${head} for "${planTitle}": ${weekProgress(week, plan.cadenceText)}`;
}

function printPracticeTable(
  logs: readonly PracticeLog[],
  titles: ReadonlyMap<string, string>,
  timeZone: string,
) {
  if (logs.length === 0) {
    out('No practice logged yet. Log a block with: whet practice 30 --plan ID\n');
    return;
  }
  for (const log of logs) {
    const plan = log.planId ? truncate(titles.get(log.planId) ?? log.planId, 30) : '(no plan)';
    const difficulty = log.difficulty === null ? '·' : String(log.difficulty);
    out(
      `${log.id.padEnd(10)}  ${zonedTime(log.at, timeZone)}  ${String(log.minutes).padStart(3)} min  ${difficulty}  ${plan.padEnd(30)}  ${log.note ? truncate(log.note, 40) : ''}\n`.replace(
        / +\n$/,
        '\n',
      ),
    );
  }
}

/** `whet practice MINUTES`, `whet practice list|remove`, `whet interrupt`, `whet interruptions`. */
export function registerPracticeCommands(program: Command, globals: () => GlobalOptions): void {
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);
  const practice = program
    .command('practice')
    .description('log a block of deliberate practice, e.g. whet practice 30 --plan ID --difficulty 3')
    .enablePositionalOptions()
    .argument('<minutes>', 'how long, in minutes (1-480)')
    .option('-p, --plan <id>', 'the plan it belongs to (id or first 4+ characters)')
    .option('-x, --exercise <id>', 'the exercise done (default: the plan’s)')
    .option('-d, --difficulty <1-5>', '1 easy … 3 at the edge of your ability … 5 beyond it')
    .option('-n, --note <text>', 'what happened, what to change next time')
    .option(
      '--at <iso>',
      'when: an ISO date-time, 30m or 2h ago, yesterday, 3d (this time of day); default: now',
    )
    .option('--json', 'print the log entry as JSON')
    // Lets `whet practice -5` reach the minutes check (commander would call -5 an unknown option);
    // anything else unknown is still refused as a usage error below.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (minutes: string, opts, command: Command) => {
      const extra = command.args.slice(1);
      if (extra[0] !== undefined)
        practice.error(
          extra[0].startsWith('-')
            ? `error: unknown option '${extra[0]}'`
            : `error: too many arguments for 'practice'. Expected 1 argument but got ${command.args.length}.`,
        );
      await run(async (rt) => {
        const plan = opts.plan === undefined ? undefined : await findPlan(rt, opts.plan, '--plan');
        const at = opts.at === undefined ? undefined : await atFlag(rt, opts.at);
        const log = await namingFlags(PRACTICE_FLAGS, () =>
          rt.services.practice.log(rt.actor, {
            minutes: numberish(minutes),
            ...(plan && { planId: plan.id }),
            ...(opts.exercise !== undefined && { exerciseId: opts.exercise }),
            ...(opts.difficulty !== undefined && { difficulty: numberish(opts.difficulty) }),
            ...(opts.note !== undefined && { note: opts.note }),
            ...(at !== undefined && { at }),
          }),
        );
        if (opts.json) printJson(log);
        else out(`${await loggedLine(rt, log, plan?.title)}\n`);
      });
    });

  practice
    .command('list')
    .description('logged practice blocks, oldest first')
    .option('-p, --plan <id>', 'only this plan’s')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const plan = opts.plan === undefined ? undefined : await findPlan(rt, opts.plan, '--plan');
        const logs = await rt.services.practice.list(rt.actor, plan ? { planId: plan.id } : {});
        if (opts.json) return printJson(logs);
        const plans = await rt.services.plans.list(rt.actor, { state: 'all' });
        printPracticeTable(logs, new Map(plans.map((p) => [p.id, p.title])), (await todayOf(rt)).timeZone);
      }),
    );

  practice
    .command('remove')
    .description('delete a practice block logged by mistake')
    .argument('<id>', 'the log entry’s id (see: whet practice list)')
    .action(async (id: string) =>
      run(async (rt) => {
        await rt.services.practice.remove(rt.actor, id.trim());
        out(`removed practice block ${id.trim()}\n`);
      }),
    );

  program
    .command('interrupt')
    .description('log an interruption of focused work, now (one keystroke: whet interrupt)')
    .argument('[reason...]', 'what interrupted you (optional)')
    .option('-m, --minutes <n>', 'how long focus was lost')
    .option(
      '--at <iso>',
      'when: an ISO date-time, 30m or 2h ago, yesterday, 3d (this time of day); default: now',
    )
    .option('--json', 'print the entry as JSON')
    .action(async (words: string[], opts) =>
      run(async (rt) => {
        const at = opts.at === undefined ? undefined : await atFlag(rt, opts.at);
        const logged = await namingFlags(PRACTICE_FLAGS, () =>
          rt.services.practice.interrupt(rt.actor, {
            ...(words.length > 0 && { reason: words.join(' ') }),
            ...(opts.minutes !== undefined && { durationMinutes: numberish(opts.minutes) }),
            ...(at !== undefined && { at }),
          }),
        );
        if (opts.json) return printJson(logged);
        const details = [logged.reason, logged.durationMinutes && `${logged.durationMinutes} min`].filter(
          Boolean,
        );
        const when = zonedTime(logged.at, (await todayOf(rt)).timeZone);
        out(`interruption logged at ${when}${details.length ? ` (${details.join(', ')})` : ''}\n`);
      }),
    );

  program
    .command('interruptions')
    .description('logged interruptions and a heat map of when focus breaks (weekday × hour)')
    .option('--json', 'print the interruptions as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const all = await rt.services.practice.interruptions(rt.actor);
        if (opts.json) return printJson(all);
        const { timeZone } = await todayOf(rt);
        const recent = all.slice(-RECENT_INTERRUPTIONS);
        if (all.length > recent.length) out(`… ${all.length - recent.length} earlier ones not shown\n`);
        for (const i of recent) {
          const details = [i.reason, i.durationMinutes && `${i.durationMinutes} min`]
            .filter(Boolean)
            .join(', ');
          out(`${zonedTime(i.at, timeZone)}  ${details}\n`.replace(/ +\n$/, '\n'));
        }
        out(`${all.length > 0 ? '\n' : ''}${heatMapText(heatMap(all, timeZone))}`);
      }),
    );
}
