import { describe, expect, it } from 'vitest';
import {
  areaOfSubSkill,
  BUILTIN_EXERCISES,
  BUILTIN_SUB_SKILLS,
  Exercise,
  exercisesFor,
  findBuiltinExercise,
  newExercise,
} from './exercises.js';

describe('built-in exercise library', () => {
  it('validates every entry against the Exercise schema', () => {
    for (const exercise of BUILTIN_EXERCISES) {
      const result = Exercise.safeParse(exercise);
      expect(result.success, `${exercise.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      // Parsing trims; a stored built-in must already be in its parsed form.
      expect(result.data).toEqual(exercise);
    }
  });

  it('has unique ids, at least four exercises per built-in sub-skill and about thirty in all', () => {
    const ids = BUILTIN_EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(BUILTIN_EXERCISES.length).toBeGreaterThanOrEqual(30);
    for (const skill of BUILTIN_SUB_SKILLS) {
      expect(exercisesFor(skill.id).length, skill.id).toBeGreaterThanOrEqual(4);
    }
    // Every exercise belongs to a built-in sub-skill and offers a way to make it harder.
    const skills = new Set<string>(BUILTIN_SUB_SKILLS.map((s) => s.id));
    for (const e of BUILTIN_EXERCISES) {
      expect(skills.has(e.subSkill), e.id).toBe(true);
      expect(e.harder, e.id).not.toBeNull();
      expect(e.builtin).toBe(true);
    }
  });

  it('maps sub-skills to the default areas', () => {
    expect(areaOfSubSkill('collaboration')).toBe('collaborators');
    expect(areaOfSubSkill('reading')).toBe('reading');
    expect(areaOfSubSkill('juggling')).toBeNull();
    expect(findBuiltinExercise('writing-reverse-outline')?.subSkill).toBe('writing');
    expect(findBuiltinExercise('nope')).toBeUndefined();
  });
});

describe('newExercise', () => {
  const now = '2026-11-23T10:00:00.000Z';

  it("builds a person's own exercise with defaults", () => {
    const exercise = newExercise(
      {
        subSkill: 'grant-writing',
        title: '  Draft a specific aim  ',
        instructions: 'Write one aim in 200 words.',
      },
      { id: 'ex1', now },
    );
    expect(exercise).toEqual({
      id: 'ex1',
      subSkill: 'grant-writing',
      title: 'Draft a specific aim',
      instructions: 'Write one aim in 200 words.',
      minutes: 30,
      level: 'stretch',
      harder: null,
      builtin: false,
      createdAt: now,
    });
    expect(exercisesFor('grant-writing', [exercise])).toEqual([exercise]);
  });

  it('refuses bad input with the field named', () => {
    expect(() =>
      newExercise({ subSkill: 'Grant Writing', title: 'x', instructions: 'y' }, { id: 'e', now }),
    ).toThrow(/^subSkill: must be a sub-skill id/);
    expect(() =>
      newExercise({ subSkill: 'coding', title: ' ', instructions: 'y' }, { id: 'e', now }),
    ).toThrow('title: must not be empty');
    expect(() =>
      newExercise({ subSkill: 'coding', title: 'x', instructions: 'y', minutes: 600 }, { id: 'e', now }),
    ).toThrow('minutes: must be a whole number of minutes from 5 to 240');
    expect(() =>
      newExercise(
        { subSkill: 'coding', title: 'x', instructions: 'y' },
        { id: 'coding-predict-each-run', now },
      ),
    ).toThrow('belongs to a built-in exercise');
  });
});
