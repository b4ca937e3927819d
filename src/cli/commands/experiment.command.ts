import { type Command, Option } from 'commander';
import { validationError, WhetstoneError } from '../../core/errors.js';
import { Favoured, MeasurementDirection } from '../../core/experiments/experiment.js';
import { experimentFor } from '../experiment-choice.js';
import { inFlagTerms, type StartFlags, startInput } from '../experiment-flags.js';
import { printExperimentTable, printStarted, printStatus, printStepDone } from '../experiment-output.js';
import { writeOutputFile } from '../files.js';
import { printJson } from '../output.js';
import { nothingToRate, runBlindRating } from '../rating-terminal.js';
import { printReport } from '../report-output.js';
import { type Runtime, withRuntime } from '../runtime.js';
import { registerSecondRaterCommand } from './experiment-second-rater.command.js';

type GlobalOptions = { db?: string };

const TEST_CLOCK_HELP =
  '\nTest and demo mode: with WHETSTONE_TEST_HOOKS=1 and WHETSTONE_CLOCK_OFFSET_MS=N every whet command ' +
  'runs N ms ahead\nof the real time (604800000 = one week), so a whole experiment can be walked through at once.\n';

/** `whet experiment start|status|list|next|rate|report|second-rater|card|calendar|abandon`. */
export function registerExperimentCommands(program: Command, globals: () => GlobalOptions): void {
  const experiment = program
    .command('experiment')
    .description('test on yourself whether focused time beats a week of noticing (self-experiments)')
    .enablePositionalOptions()
    .addHelpText('after', TEST_CLOCK_HELP);
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);

  experiment
    .command('start')
    .description('write and lock your prediction, then start the first phase')
    .option('-t, --template <id>', 'week-vs-20-minutes or baseline-vs-change', 'week-vs-20-minutes')
    .requiredOption('-p, --predict <text>', 'your prediction, in your own words')
    .option('-f, --favour <which>', `the phase you expect to win: ${Favoured.options.join(', ')}`)
    .option('--by <text>', 'by how much, e.g. "twice the total value"')
    .option(
      '-l, --length <phase=n>',
      'a phase length in its unit, e.g. passive=7 or focused=30 (repeatable)',
      collect,
      [],
    )
    .option('--rating-delay <hours>', 'wait this many hours after the focused phase before rating (0-336)')
    .option('--measure <name>', 'baseline-vs-change: the quantity you will log with whet measure')
    .option('--unit <unit>', 'the unit of the measurement, e.g. "per day"')
    .option(
      '--better <which>',
      `whether ${MeasurementDirection.options.join(' or ')} values are the improvement`,
    )
    .option('--draft', 'save it without locking the prediction or starting (whet experiment next goes on)')
    .option('--json', 'print the experiment as JSON')
    .action(
      async (opts: Omit<StartFlags, 'favour'> & { favour?: string; draft?: boolean; json?: boolean }) => {
        if (opts.favour === undefined)
          throw validationError(
            '--favour',
            `say which phase you expect to win: ${Favoured.options.join(', ')}`,
          );
        const input = startInput({ ...opts, favour: opts.favour }, !opts.draft);
        await run(async (rt) => {
          const { experiments } = rt.services;
          if (!experiments.templates().some((t) => t.id === opts.template))
            throw validationError(
              '--template',
              `no template "${opts.template}"; the templates are ${experiments
                .templates()
                .map((t) => t.id)
                .join(', ')}`,
            );
          const view = await experiments.create(rt.actor, input).catch((error: unknown) => {
            throw inFlagTerms(error);
          });
          if (opts.json) printJson(view);
          else printStarted(view);
        });
      },
    );

  experiment
    .command('status')
    .description('which phase is running, the time left, what was recorded, the next step')
    .argument('[id]', 'experiment id (default: the unfinished one)')
    .option('--json', 'print the experiment as JSON')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id);
        if (opts.json) printJson(view);
        else printStatus(view);
      }),
    );

  experiment
    .command('list')
    .description('your experiments, newest first')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const views = await rt.services.experiments.list(rt.actor);
        if (opts.json) printJson(views);
        else printExperimentTable(views);
      }),
    );

  experiment
    .command('next')
    .description('take the next step: lock, start the next phase, end the focused phase, or finish')
    .argument('[id]', 'experiment id (default: the unfinished one)')
    .option('--early', 'end the first phase before its planned end')
    .option('--json', 'print the experiment as JSON')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id);
        const step = view.status.nextStep;
        if (!step)
          throw new WhetstoneError('conflict', `experiment: it is ${view.state}; there is no next step`);
        if (step === 'startFocused' && !view.status.due && !opts.early)
          throw new WhetstoneError(
            'conflict',
            `experiment: ${view.phases[0].label} runs until ${view.phases[0].plannedEnd}; to end it early, run whet experiment next --early`,
          );
        const next = await rt.services.experiments.step(rt.actor, view.id, {
          action: step,
          early: step === 'startFocused' && Boolean(opts.early),
        });
        if (opts.json) printJson(next);
        else printStepDone(step, next);
      }),
    );

  experiment
    .command('rate')
    .description('rate the ideas of both phases blind, one at a time (starts the rating when it is due)')
    .argument('[id]', 'experiment id (default: the unfinished one)')
    .addHelpText(
      'after',
      '\nFirst a blind triage (set aside what is not an improvement idea), then one idea at a time: 1-5 rate, l later,\nu undo the last rating, q stop; f finishes once all are rated. Answers can be piped in, one per line.',
    )
    .action(async (id: string | undefined) => {
      const code = await run(async (rt) => {
        const view = await experimentFor(rt, id);
        if (view.measures !== 'ideas') throw nothingToRate(view.title);
        if (view.state !== 'rating')
          await rt.services.experiments.step(rt.actor, view.id, { action: 'startRating' });
        return runBlindRating(rt, view.id);
      });
      if (code !== 0) process.exitCode = code;
    });

  experiment
    .command('report')
    .description('the result: per-phase figures, your prediction beside the outcome, and how far to trust it')
    .argument('[id]', 'experiment id (default: the unfinished or newest one)')
    .option('--json', 'print the report as JSON')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const report = await rt.services.experiments.report(rt.actor, (await experimentFor(rt, id, true)).id);
        if (opts.json) printJson(report);
        else printReport(report);
      }),
    );

  registerSecondRaterCommand(experiment, run);

  experiment
    .command('preregistration')
    .description(
      'print the sealed prediction exactly as it was locked; pipe it to sha256sum to check the digest',
    )
    .argument('[id]', 'experiment id (default: the unfinished or newest one)')
    .option('--json', 'print the text and its SHA-256 as JSON')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id, true);
        const { seal } = view.prediction;
        if (!seal)
          throw new WhetstoneError(
            'conflict',
            view.prediction.lockedAt
              ? 'prediction: was locked before Whetstone sealed predictions; there is no sealed text'
              : 'prediction: is not locked yet; it is sealed when the experiment starts',
            [{ field: 'prediction', message: 'not sealed' }],
          );
        if (opts.json) return printJson(seal);
        // The text alone on stdout, so `whet experiment preregistration | sha256sum` checks it.
        process.stdout.write(seal.text);
        process.stderr.write(`SHA-256 ${seal.sha256}\n`);
      }),
    );

  experiment
    .command('card')
    .description('write the anonymous result card (numbers only) to share with a pool')
    .argument('[id]', 'experiment id (default: the unfinished or newest one)')
    .requiredOption('-o, --out <file>', 'the JSON file to write')
    .option('--texts', 'include the idea texts and their ratings (off by default)')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id, true);
        const card = await rt.services.experiments.card(rt.actor, view.id, {
          shareTexts: Boolean(opts.texts),
        });
        writeOutputFile(opts.out, `${JSON.stringify(card, null, 2)}\n`);
        process.stdout.write(
          `wrote ${opts.out}: ${card.phases.map((p) => `${p.key} ${p.count} rated, total ${p.valueSum}`).join('; ')}; ${card.textsShared ? 'with' : 'without'} idea texts\n`,
        );
      }),
    );

  experiment
    .command('calendar')
    .description('write the phase ends (and when rating opens) as calendar events')
    .argument('[id]', 'experiment id (default: the unfinished or newest one)')
    .requiredOption('-o, --out <file>', 'the .ics file to write')
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id, true);
        writeOutputFile(opts.out, await rt.services.experiments.calendar(rt.actor, view.id));
        process.stdout.write(`wrote ${opts.out}: import it into your calendar\n`);
      }),
    );

  experiment
    .command('abandon')
    .description('stop the experiment for good (what was recorded stays)')
    .argument('[id]', 'experiment id (default: the unfinished one)')
    .addOption(new Option('--yes', 'confirm: it cannot be resumed'))
    .action(async (id: string | undefined, opts) =>
      run(async (rt) => {
        const view = await experimentFor(rt, id);
        if (!opts.yes)
          throw validationError(
            '--yes',
            `abandoning "${view.title}" (${view.id}) cannot be undone; add --yes to confirm`,
          );
        await rt.services.experiments.step(rt.actor, view.id, { action: 'abandon' });
        process.stdout.write(`abandoned ${view.id}; what you recorded stays\n`);
      }),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
