import type { Command } from 'commander';
import { validationError, WhetstoneError } from '../../core/errors.js';
import { PLAN_REVIEW_PROMPTS } from '../../core/plans/review.js';
import { withAsker } from '../ask-terminal.js';
import { printJson } from '../output.js';
import {
  collect,
  findPlan,
  keyedTexts,
  namingFlags,
  planFlags,
  type ReviewDateFlags,
  reviewDate,
  reviewFlagUsed,
  todayOf,
} from '../plan-flags.js';
import { printDecided } from '../plan-output.js';
import { askPlanReview, type PlanReviewAnswers, parseDecision } from '../plan-review-terminal.js';
import type { Runtime } from '../runtime.js';

interface ReviewFlags extends ReviewDateFlags {
  decision?: string;
  answer?: string[];
  note?: string;
  cadence?: string;
  next?: string;
  json?: boolean;
}

/** The answers given as flags, checked before anything is opened. */
function reviewFromFlags(opts: ReviewFlags): Partial<PlanReviewAnswers> {
  const answers = keyedTexts(opts.answer ?? [], '--answer').map(({ key, text }) => ({ promptId: key, text }));
  const known = PLAN_REVIEW_PROMPTS.map((p) => p.id);
  const unknown = answers.find((a) => !known.includes(a.promptId));
  if (unknown)
    throw validationError(
      '--answer',
      `"${unknown.promptId}" is not a question of this review (known: ${known.join(', ')})`,
    );
  let decision: PlanReviewAnswers['decision'] | undefined;
  if (opts.decision !== undefined) {
    const checked = parseDecision(opts.decision.trim());
    if (!('value' in checked)) throw validationError('--decision', 'must be keep, adjust or drop');
    decision = checked.value;
  } else {
    const adjusting = [
      ['--review', opts.review],
      ['--review-in', opts.reviewIn],
      ['--cadence', opts.cadence],
      ['--next', opts.next],
    ].find(([, value]) => value !== undefined);
    if (adjusting) throw validationError(adjusting[0]!, 'goes with --decision adjust');
  }
  return {
    answers,
    ...(decision && { decision }),
    ...(opts.note !== undefined && { note: opts.note }),
    ...(opts.cadence !== undefined && { cadence: opts.cadence }),
    ...(opts.next !== undefined && { nextAction: opts.next }),
  };
}

/** `whet plan review` (by flags or one question at a time) and `whet plan resume`. */
export function registerPlanReviewCommands(
  plan: Command,
  run: <T>(work: (rt: Runtime) => Promise<T>) => Promise<T>,
): void {
  plan
    .command('review')
    .description('review a plan: a few questions, then keep, adjust or drop (its ideas follow)')
    .argument('<id>', 'plan id or its first 4+ characters')
    .option('--decision <decision>', 'keep | adjust | drop (without it the review asks)')
    .option(
      '--answer <prompt=text>',
      `an answer (${PLAN_REVIEW_PROMPTS.map((p) => p.id).join(', ')})`,
      collect,
    )
    .option('-n, --note <text>', 'a short note on the decision')
    .option('--review <date>', 'adjust: the new review date: YYYY-MM-DD, tomorrow, 3d, 2w')
    .option('--review-in <days>', 'adjust: or in how long, e.g. 14d')
    .option('--cadence <text>', 'adjust: a new cadence')
    .option('--next <text>', 'adjust: a new next action')
    .option('--json', 'print the plan as JSON afterwards')
    .addHelpText(
      'after',
      `\nQuestions:\n${PLAN_REVIEW_PROMPTS.map((p) => `  ${p.id.padEnd(10)} ${p.text}`).join('\n')}\n` +
        '\nWithout --decision it asks one question at a time (answers can be piped in, one a line).',
    )
    .action(async (id: string, opts: ReviewFlags) => {
      const reviewFlag = reviewFlagUsed(opts);
      const preset = reviewFromFlags(opts);
      const code = await run(async (rt) => {
        const found = await findPlan(rt, id);
        if (found.state !== 'active' && found.state !== 'reviewing')
          throw new WhetstoneError(
            'conflict',
            found.state === 'adjusted'
              ? `plan: ${found.id} was adjusted; put it back to work with: whet plan resume ${found.id} --review YYYY-MM-DD`
              : `plan: ${found.id} was ${found.state}; its review is decided`,
          );
        const { today } = await todayOf(rt);
        const save = async (input: Partial<PlanReviewAnswers>) => {
          const saved = await namingFlags(planFlags(reviewFlag), () =>
            rt.services.plans.review(rt.actor, found.id, input),
          );
          if (opts.json) printJson(saved);
          else printDecided(saved, input.decision!);
        };
        if (preset.decision) {
          await save({ ...preset, ...(reviewFlag && { reviewOn: reviewDate(opts, today) }) });
          return 0;
        }
        return withAsker('plan review', async (asker) => {
          const asked = await askPlanReview(asker, found, {
            prompts: PLAN_REVIEW_PROMPTS,
            given: preset.answers ?? [],
            today,
          });
          await save({ ...asked, ...(preset.note !== undefined && { note: preset.note }) });
        });
      });
      if (code !== 0) process.exitCode = code;
    });

  plan
    .command('resume')
    .description('put an adjusted plan back to work with a new review date')
    .argument('<id>', 'plan id or its first 4+ characters')
    .option('--review <date>', 'the new review date: YYYY-MM-DD, tomorrow, 3d, 2w')
    .option('--review-in <days>', 'or in how long, e.g. 14d')
    .option('--cadence <text>', 'a new cadence')
    .option('--next <text>', 'a new next action')
    .option('--json', 'print the plan as JSON')
    .action(async (id: string, opts) => {
      const reviewFlag = reviewFlagUsed(opts);
      if (!reviewFlag)
        throw validationError('--review', 'say when to look again: --review YYYY-MM-DD or --review-in 14d');
      await run(async (rt) => {
        const found = await findPlan(rt, id);
        const { today } = await todayOf(rt);
        const resumed = await namingFlags(planFlags(reviewFlag), () =>
          rt.services.plans.resume(rt.actor, found.id, {
            reviewOn: reviewDate(opts, today),
            ...(opts.cadence !== undefined && { cadence: opts.cadence }),
            ...(opts.next !== undefined && { nextAction: opts.next }),
          }),
        );
        if (opts.json) printJson(resumed);
        else printDecided(resumed, 'adjust');
      });
    });
}
