import type { Command } from 'commander';
import { validationError } from '../../core/errors.js';
import { EXERCISE_LEVELS, type Exercise } from '../../core/plans/exercises.js';
import { printJson } from '../output.js';
import { numberish } from '../parse.js';
import { namingFlags } from '../plan-flags.js';
import { truncate } from '../plan-output.js';
import { type Runtime, withRuntime } from '../runtime.js';

const out = (text: string) => process.stdout.write(text);

/** The library grouped by sub-skill: id, block length, level and title. */
function printExercises(exercises: readonly Exercise[], subSkills: readonly { id: string; label: string }[]) {
  let current: string | undefined;
  for (const e of exercises) {
    if (e.subSkill !== current) {
      current = e.subSkill;
      const label = subSkills.find((s) => s.id === e.subSkill)?.label ?? 'Your own sub-skill';
      out(`${current === exercises[0]?.subSkill ? '' : '\n'}${e.subSkill} — ${label}\n`);
    }
    const own = e.builtin ? '' : ' (yours)';
    out(
      `  ${e.id.padEnd(36)}  ${String(e.minutes).padStart(3)} min  ${e.level.padEnd(8)}  ${truncate(e.title, 60)}${own}\n`,
    );
  }
}

function printExercise(e: Exercise): void {
  out(`${e.title}  (${e.id}, ${e.subSkill}, ${e.minutes} min, ${e.level}${e.builtin ? '' : ', yours'})\n\n`);
  out(`${e.instructions}\n`);
  if (e.harder) out(`\nHarder: ${e.harder}\n`);
  out(`\nUse it: whet plan create --kind practice --exercise ${e.id} …\n`);
}

/** `whet exercises [--sub-skill S]`, `whet exercises show ID`, `whet exercises add …`. */
export function registerExerciseCommands(program: Command, globals: () => { db?: string }): void {
  const run = <T>(work: (rt: Runtime) => Promise<T>) => withRuntime(globals().db, work);
  const exercises = program
    .command('exercises')
    .description('the library of deliberate-practice exercises per sub-skill, and your own')
    .enablePositionalOptions()
    .option('--sub-skill <id>', 'only this sub-skill’s exercises')
    .option('--json', 'print as a JSON array')
    .action(async (opts) =>
      run(async (rt) => {
        const list = await rt.services.exercises.list(
          rt.actor,
          opts.subSkill ? { subSkill: opts.subSkill } : {},
        );
        const subSkills = rt.services.exercises.subSkills();
        if (opts.json) return printJson(list);
        if (list.length === 0)
          throw validationError(
            '--sub-skill',
            `no exercises for "${opts.subSkill}"; the sub-skills are ${subSkills.map((s) => s.id).join(', ')}`,
          );
        printExercises(list, subSkills);
        out('\nRead one: whet exercises show ID\n');
      }),
    );

  exercises
    .command('show')
    .description('one exercise: what to do in a block and how to make it harder')
    .argument('<id>', 'exercise id')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts) =>
      run(async (rt) => {
        const found = (await rt.services.exercises.list(rt.actor)).find((e) => e.id === id.trim());
        if (!found) throw validationError('id', `there is no exercise "${id}" (see: whet exercises)`);
        if (opts.json) printJson(found);
        else printExercise(found);
      }),
    );

  exercises
    .command('add')
    .description('add an exercise of your own')
    .option('--sub-skill <id>', 'the sub-skill it trains (a library one or your own, e.g. statistics)')
    .option('--title <text>', 'a short title')
    .option('--instructions <text>', 'what to do in one block')
    .option('-m, --minutes <n>', 'suggested block length (default 30)')
    .option('--level <level>', EXERCISE_LEVELS.join(' | '))
    .option('--harder <text>', 'how to make it harder once it feels easy')
    .option('--json', 'print the exercise as JSON')
    .action(async (opts) =>
      run(async (rt) => {
        const flags = { subSkill: '--sub-skill', title: '--title', instructions: '--instructions' };
        const created = await namingFlags(
          { ...flags, minutes: '--minutes', level: '--level', harder: '--harder' },
          () =>
            rt.services.exercises.create(rt.actor, {
              subSkill: opts.subSkill,
              title: opts.title,
              instructions: opts.instructions,
              ...(opts.minutes !== undefined && { minutes: numberish(opts.minutes) }),
              ...(opts.level !== undefined && { level: opts.level }),
              ...(opts.harder !== undefined && { harder: opts.harder }),
            }),
        );
        if (opts.json) printJson(created);
        else out(`${created.id}  ${created.title} (${created.subSkill})\n`);
      }),
    );
}
