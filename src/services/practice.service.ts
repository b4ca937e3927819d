import { notFound, validationError } from '../core/errors.js';
import { findBuiltinExercise } from '../core/plans/exercises.js';
import { type Interruption, newInterruption } from '../core/plans/interruptions.js';
import { newPracticeLog, type PracticeLog } from '../core/plans/practice.js';
import { instantString, toInstant } from '../core/time-zone.js';
import type { Store } from '../store/connect.js';
import { ExerciseRepository } from '../store/exercise.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository, type TimeWindow } from '../store/practice.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { Actor, Clock } from './context.js';
import { syncIdeaStatuses } from './plan-ideas.js';

/**
 * A time window as the store compares it: each bound a canonical UTC instant. SQLite compares the
 * stored text, so `10:00+01:00` or `09:00:00Z` (no milliseconds) would otherwise select the wrong
 * logs; PostgreSQL would read words like `yesterday` or fail on nonsense with a server error.
 */
function instantWindow(filter: TimeWindow): TimeWindow {
  const window: TimeWindow = {};
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value === undefined) continue;
    try {
      window[key] = instantString(toInstant(value));
    } catch {
      throw validationError(key, 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:00:00Z');
    }
  }
  return window;
}

/** Logging in seconds: practice blocks (`whet practice 30`) and interruptions (`whet interrupt`). */
export class PracticeService {
  private readonly logs: PracticeRepository;
  private readonly plans: PlanRepository;
  private readonly exercises: ExerciseRepository;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.logs = new PracticeRepository(store.db);
    this.plans = new PlanRepository(store.db);
    this.exercises = new ExerciseRepository(store.db);
  }

  /** Logs a block; the plan's ideas become `trying` with its first block. */
  async log(actor: Actor, input: unknown): Promise<PracticeLog> {
    const log = newPracticeLog(input, { id: this.newId(), now: this.clock() });
    const plan = log.planId === null ? null : await this.plans.findById(actor.userId, log.planId);
    if (log.planId !== null && !plan) throw validationError('planId', `there is no plan ${log.planId}`);
    if (
      log.exerciseId !== null &&
      !findBuiltinExercise(log.exerciseId) &&
      !(await this.exercises.find(actor.userId, log.exerciseId))
    )
      throw validationError(
        'exerciseId',
        `there is no exercise "${log.exerciseId}" in the library or your own`,
      );
    // Practice of a plan without its own exercise named counts as the plan's exercise.
    const entry = { ...log, exerciseId: log.exerciseId ?? plan?.exerciseId ?? null };
    await inTransaction(this.store, async (trx) => {
      await this.logs.withTransaction(trx).insertPractice(actor.userId, entry);
      if (plan) await syncIdeaStatuses(trx, this.store.engine, actor, plan.ideaIds, entry.createdAt);
    });
    return entry;
  }

  /** Oldest first. */
  async list(actor: Actor, filter: TimeWindow & { planId?: string } = {}): Promise<PracticeLog[]> {
    const planId = filter.planId === undefined ? {} : { planId: filter.planId };
    return this.logs.practice(actor.userId, { ...instantWindow(filter), ...planId });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.logs.deletePractice(actor.userId, id))) throw notFound('practice log', id);
  }

  async interrupt(actor: Actor, input: unknown): Promise<Interruption> {
    const interruption = newInterruption(input, { id: this.newId(), now: this.clock() });
    await this.logs.insertInterruption(actor.userId, interruption);
    return interruption;
  }

  /** Oldest first. */
  async interruptions(actor: Actor, filter: TimeWindow = {}): Promise<Interruption[]> {
    return this.logs.interruptions(actor.userId, instantWindow(filter));
  }

  async removeInterruption(actor: Actor, id: string): Promise<void> {
    if (!(await this.logs.deleteInterruption(actor.userId, id))) throw notFound('interruption', id);
  }
}
