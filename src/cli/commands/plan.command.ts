import type { Command } from 'commander';
import { validationError, WhetstoneError } from '../../core/errors.js';
import { PLAN_KINDS, PLAN_STATES } from '../../core/plans/plan.js';
import type { PlanView } from '../../services/plan.service.js';
import { printJson } from '../output.js';
import {
  collect,
  findPlan,
  namingFlags,
  planFlags,
  reviewDate,
  reviewFlagUsed,
  todayOf,
} from '../plan-flags.js';
import { printPlan, printPlanTable } from '../plan-output.js';
import { type Runtime, withRuntime } from '../runtime.js';
import { registerPlanReviewCommands } from './plan-review.command.js';

type GlobalOptions = { db?: string };

/** A review date this many days ahead when `whet plan create` is given none. */
const DEFAULT_REVIEW_DAYS = 14;
const STATE_FILTERS = ['open', 'all', ...PLAN_STATES];

async function ideaIdsFrom(rt: Runtime, raw: readonly string[]): Promise<string[]> {
  const ids = [];
  for (const typed of raw) {
    try {
      ids.push(await rt.services.ideas.resolveId(rt.actor, typed));
    } catch (error) {
      if (!(error instanceof WhetstoneError)) throw error;
      if (error.code === 'not_found')
        throw validationError('--from', `there is no idea ${typed} in your log (see: whet ideas)`);
      throw validationError('--from', error.issues[0]?.message ?? error.message);
    }
  }
  return ids;
}

/** This week's practice of a plan against its cadence, from the weekly summary. */
async function planWeek(rt: Runtime, planId: string) {
  const { summary } = await rt.services.reviews.week(rt.actor);
  return summary.practice.plans.find((p) => p.planId === planId);
}

async function showPlan(rt: Runtime, plan: PlanView): Promise<void> {
  const areaName = plan.areaId
    ? await rt.services.areas.get(rt.actor, plan.areaId).then(
        (a) => a.name,
        () => undefined,
      )
    : undefined;
  const { timeZone } = await todayOf(rt);
  printPlan(plan, { week: await planWeek(rt, plan.id), timeZone, areaName });
}

/** `whet plan create|list|show|review|resume`: improvement plans made from ideas. */
export function registerPlanCommands(program: Command, globals: () => GlobalOptions): void {
  const plan = program
    .command('plan')
    .description('turn ideas into plans: a change to try or a practice routine, reviewed on a date')
    .enablePositionalOptions();
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);

  plan
    .command('create')
    .description('make a plan from an idea (the idea becomes planned)')
    .option('--from <idea>', 'the idea it carries out: id or first 4+ characters (repeatable)', collect)
    .option('--title <text>', 'what will change')
    .option('--kind <kind>', PLAN_KINDS.join(' | '))
    .option('-a, --area <area>', 'area name or id (default: the sub-skill’s area)')
    .option('--sub-skill <id>', 'the sub-skill a practice routine trains (see: whet exercises)')
    .option('-x, --exercise <id>', 'an exercise from the library (see: whet exercises)')
    .option('--next <text>', 'the concrete next action, small enough for today')
    .option('--cadence <text>', 'how often, e.g. 3x30/week, daily 20, weekdays 45, "MO,WE,FR 30 at 07:30"')
    .option('--signal <text>', 'what will show it works')
    .option('--review <date>', 'when to decide keep/adjust/drop: YYYY-MM-DD, tomorrow, 3d, 2w')
    .option('--review-in <days>', `or in how long, e.g. 14d or 2w (default ${DEFAULT_REVIEW_DAYS}d)`)
    .option('--json', 'print the plan as JSON')
    .action(async (opts) => {
      const reviewFlag = reviewFlagUsed(opts);
      if (!opts.from?.length)
        throw validationError(
          '--from',
          'name the idea this plan carries out (an id or its first 4 characters)',
        );
      await run(async (rt) => {
        const { today } = await todayOf(rt);
        const created = await namingFlags(planFlags(reviewFlag), async () =>
          rt.services.plans.create(rt.actor, {
            title: opts.title,
            kind: opts.kind,
            ideaIds: await ideaIdsFrom(rt, opts.from),
            ...(opts.area !== undefined && {
              areaId: await rt.services.areas.resolve(rt.actor, opts.area, 'file', '--area'),
            }),
            ...(opts.subSkill !== undefined && { subSkill: opts.subSkill }),
            ...(opts.exercise !== undefined && { exerciseId: opts.exercise }),
            nextAction: opts.next,
            ...(opts.cadence !== undefined && { cadence: opts.cadence }),
            successSignal: opts.signal,
            reviewOn: reviewDate(opts, today, DEFAULT_REVIEW_DAYS),
          }),
        );
        if (opts.json) return printJson(created);
        process.stdout.write(
          `${created.id}  ${created.title}\n  ${created.cadenceText ? `${created.cadenceText}; ` : ''}review on ${created.reviewOn}\n`,
        );
        if (created.cadence)
          process.stdout.write(
            `  Log practice: whet practice ${created.cadence.minutes} --plan ${created.id}\n`,
          );
      });
    });

  plan
    .command('list')
    .description('your plans, by review date')
    .option('--state <state>', STATE_FILTERS.join(' | '), 'open')
    .option('--json', 'print as a JSON array')
    .action(async (opts) => {
      const state = String(opts.state).toLowerCase();
      if (!STATE_FILTERS.includes(state))
        throw validationError('--state', `must be one of: ${STATE_FILTERS.join(', ')}`);
      await run(async (rt) => {
        const plans = await rt.services.plans.list(rt.actor, { state });
        if (opts.json) printJson(plans);
        else printPlanTable(plans);
      });
    });

  plan
    .command('show')
    .description('one plan: its fields, ideas, this week’s practice against the cadence, its reviews')
    .argument('<id>', 'plan id or its first 4+ characters')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts) =>
      run(async (rt) => {
        const found = await findPlan(rt, id);
        if (opts.json) printJson(found);
        else await showPlan(rt, found);
      }),
    );

  registerPlanReviewCommands(plan, run);
}
