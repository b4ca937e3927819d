import { validationError } from '../core/errors.js';
import {
  BUILTIN_EXERCISES,
  BUILTIN_SUB_SKILLS,
  type Exercise,
  newExercise,
} from '../core/plans/exercises.js';
import type { SubSkillView } from '../core/plans/views.js';
import type { Store } from '../store/connect.js';
import { ExerciseRepository } from '../store/exercise.repository.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { Actor, Clock } from './context.js';

/** The exercise library: the built-in exercises per sub-skill plus the user's own. */
export class ExerciseService {
  private readonly exercises: ExerciseRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.exercises = new ExerciseRepository(store.db);
  }

  subSkills(): SubSkillView[] {
    return [...BUILTIN_SUB_SKILLS];
  }

  /** Built-in first, then the user's own; optionally one sub-skill's. */
  async list(actor: Actor, filter: { subSkill?: string } = {}): Promise<Exercise[]> {
    const all = [...BUILTIN_EXERCISES, ...(await this.exercises.list(actor.userId))];
    return filter.subSkill ? all.filter((e) => e.subSkill === filter.subSkill) : all;
  }

  async create(actor: Actor, input: unknown): Promise<Exercise> {
    const exercise = newExercise(input, { id: `own-${this.newId()}`, now: this.clock().toISOString() });
    try {
      await this.exercises.insert(actor.userId, exercise);
    } catch (error) {
      if (isUniqueViolation(error)) throw validationError('id', `exercise ${exercise.id} already exists`);
      throw error;
    }
    return exercise;
  }
}
