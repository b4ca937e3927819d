import { notFound, validationError } from '../core/errors.js';
import { describeCadence } from '../core/plans/cadence.js';
import { findBuiltinExercise } from '../core/plans/exercises.js';
import { newPlan, PLAN_STATES, type Plan, updatePlan } from '../core/plans/plan.js';
import { reviewPlan } from '../core/plans/review.js';
import {
  allowedPlanActions,
  cancelReview,
  resumePlan,
  reviewDue,
  startReview,
} from '../core/plans/transitions.js';
import type { PlanView } from '../core/plans/views.js';
import type { Store } from '../store/connect.js';
import { ExerciseRepository } from '../store/exercise.repository.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository } from '../store/practice.repository.js';
import { ReviewRepository } from '../store/review.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { AreaService } from './area.service.js';
import type { Actor, Clock } from './context.js';
import { syncIdeaStatuses } from './plan-ideas.js';
import type { SettingsService } from './settings.service.js';

export type { PlanView };

const ACTIONS = ['startReview', 'cancelReview'] as const;

/** Use cases of improvement plans: create from ideas, edit, review (keep, adjust, drop), resume. */
export class PlanService {
  private readonly plans: PlanRepository;
  private readonly ideas: IdeaRepository;
  private readonly practice: PracticeRepository;
  private readonly reviews: ReviewRepository;
  private readonly exercises: ExerciseRepository;

  constructor(
    private readonly store: Store,
    private readonly areas: AreaService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.plans = new PlanRepository(store.db);
    this.ideas = new IdeaRepository(store.db, store.engine);
    this.practice = new PracticeRepository(store.db);
    this.reviews = new ReviewRepository(store.db);
    this.exercises = new ExerciseRepository(store.db);
  }

  /** Creates a plan; its ideas become `planned`. Every linked idea must be the user's own. */
  async create(actor: Actor, input: unknown): Promise<PlanView> {
    const context = await this.context(actor, input);
    const plan = newPlan(input, { ...context, id: this.newId() });
    // The input's list (valid now), so an error names the index the client sent.
    await this.assertOwnIdeas(actor, (input as { ideaIds?: string[] }).ideaIds ?? []);
    await this.assertArea(actor, input);
    await inTransaction(this.store, async (trx) => {
      await this.plans.withTransaction(trx).insert(actor.userId, plan);
      await syncIdeaStatuses(trx, this.store.engine, actor, plan.ideaIds, plan.createdAt);
    });
    return this.view(actor, plan);
  }

  async get(actor: Actor, id: string): Promise<PlanView> {
    return this.view(actor, await this.load(actor, id));
  }

  /** By review date; `state` filters (e.g. `open` = active, reviewing and adjusted). */
  async list(actor: Actor, filter: { state?: string } = {}): Promise<PlanView[]> {
    const known = ['open', 'all', ...PLAN_STATES];
    // A misspelt state would otherwise quietly list nothing.
    if (filter.state !== undefined && !known.includes(filter.state))
      throw validationError('state', `must be one of: ${known.join(', ')}`);
    const states =
      filter.state === undefined || filter.state === 'all'
        ? undefined
        : filter.state === 'open'
          ? ['active', 'reviewing', 'adjusted']
          : [filter.state];
    const plans = await this.plans.list(actor.userId, states ? { states } : {});
    const timeZone = await this.settings.timeZone(actor);
    return Promise.all(plans.map((plan) => this.view(actor, plan, timeZone)));
  }

  /** The plans that carry out one idea. */
  async forIdea(actor: Actor, ideaId: string): Promise<PlanView[]> {
    const plans = await this.plans.forIdea(actor.userId, ideaId);
    const timeZone = await this.settings.timeZone(actor);
    return Promise.all(plans.map((plan) => this.view(actor, plan, timeZone)));
  }

  async update(actor: Actor, id: string, input: unknown): Promise<PlanView> {
    const context = await this.context(actor, input);
    // Checked before the transaction: on SQLite a query outside it would wait for it forever.
    const ideaIds = (input as { ideaIds?: unknown } | null)?.ideaIds;
    if (Array.isArray(ideaIds)) {
      // Ideas already linked were checked when they were linked; one deleted since then stays in
      // `ideaIds`, and sending the plan's own list back must not be refused for it.
      const linked = (await this.plans.findById(actor.userId, id))?.ideaIds ?? [];
      await this.assertOwnIdeas(actor, ideaIds, new Set(linked));
    }
    await this.assertArea(actor, input);
    return this.change(actor, id, async (plan) => {
      const next = updatePlan(plan, input, context);
      return { plan: next, ideaIds: [...plan.ideaIds, ...next.ideaIds] };
    });
  }

  /** Starts or cancels a review (the decision itself goes through `review`). */
  async step(actor: Actor, id: string, input: unknown): Promise<PlanView> {
    const { action } = (input ?? {}) as { action?: unknown };
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw validationError('action', `must be one of: ${ACTIONS.join(', ')} (decide with a review)`);
    const now = this.clock();
    return this.change(actor, id, async (plan) => ({
      plan: action === 'startReview' ? startReview(plan, now) : cancelReview(plan, now),
      ideaIds: [],
    }));
  }

  /** Reviews a plan: answers and a decision; the plan and its ideas move on together. */
  async review(actor: Actor, id: string, input: unknown): Promise<PlanView> {
    const timeZone = await this.settings.timeZone(actor);
    const now = this.clock();
    return this.change(actor, id, async (plan, trx) => {
      const result = reviewPlan(plan, input, { now, timeZone, id: this.newId() });
      await this.reviews.withTransaction(trx).insertPlanReview(actor.userId, result.review);
      return { plan: result.plan, ideaIds: plan.ideaIds };
    });
  }

  /** Puts an adjusted plan back to work with a new review date. */
  async resume(actor: Actor, id: string, input: unknown): Promise<PlanView> {
    const context = await this.context(actor, input);
    return this.change(actor, id, async (plan) => ({
      plan: resumePlan(plan, input, context),
      ideaIds: plan.ideaIds,
    }));
  }

  private async context(actor: Actor, input: unknown) {
    const exerciseId = (input as { exerciseId?: unknown } | null)?.exerciseId;
    const exercise =
      typeof exerciseId === 'string' && !findBuiltinExercise(exerciseId)
        ? ((await this.exercises.find(actor.userId, exerciseId)) ?? null)
        : null;
    if (typeof exerciseId === 'string' && !findBuiltinExercise(exerciseId) && !exercise)
      throw validationError('exerciseId', `there is no exercise "${exerciseId}" in the library or your own`);
    return { now: this.clock(), timeZone: await this.settings.timeZone(actor), exercise };
  }

  /** Each idea id (at its index in the input; other values are left to the schema) must be the user's. */
  private async assertOwnIdeas(
    actor: Actor,
    ideaIds: readonly unknown[],
    alreadyLinked: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    for (const [i, ideaId] of ideaIds.entries()) {
      if (typeof ideaId !== 'string' || alreadyLinked.has(ideaId)) continue;
      if (!(await this.ideas.findById(actor.userId, ideaId)))
        throw validationError(`ideaIds.${i}`, `there is no idea ${ideaId} in your log`);
    }
  }

  /** An area named in the input must be the user's own and not archived. */
  private async assertArea(actor: Actor, input: unknown): Promise<void> {
    const areaId = (input as { areaId?: unknown } | null)?.areaId;
    if (typeof areaId === 'string') await this.areas.assertUsable(actor, areaId);
  }

  private async load(actor: Actor, id: string): Promise<Plan> {
    const plan = await this.plans.findById(actor.userId, id);
    if (!plan) throw notFound('plan', id);
    return plan;
  }

  /**
   * Applies a change in one transaction and brings the linked ideas' statuses along. `apply` may
   * only use `trx` (on SQLite any other query would wait for this transaction forever).
   */
  private async change(
    actor: Actor,
    id: string,
    apply: (plan: Plan, trx: Store['db']) => Promise<{ plan: Plan; ideaIds: readonly string[] }>,
  ): Promise<PlanView> {
    const plan = await inTransaction(this.store, async (trx) => {
      const plans = this.plans.withTransaction(trx);
      const current = await plans.findById(actor.userId, id);
      if (!current) throw notFound('plan', id);
      const { plan: next, ideaIds } = await apply(current, trx);
      await plans.update(actor.userId, next);
      await syncIdeaStatuses(trx, this.store.engine, actor, ideaIds, next.updatedAt);
      return next;
    });
    return this.view(actor, plan);
  }

  /** `timeZone` may be passed in when many plans are shown, so it is read once. */
  private async view(actor: Actor, plan: Plan, timeZone?: string): Promise<PlanView> {
    const logs = await this.practice.practice(actor.userId, { planId: plan.id });
    const ideas = [];
    for (const ideaId of plan.ideaIds) {
      const idea = await this.ideas.findById(actor.userId, ideaId);
      if (idea) ideas.push({ id: idea.id, text: idea.text, status: idea.status });
    }
    const exercise =
      plan.exerciseId === null
        ? null
        : (findBuiltinExercise(plan.exerciseId) ??
          (await this.exercises.find(actor.userId, plan.exerciseId)) ??
          null);
    const zone = timeZone ?? (await this.settings.timeZone(actor));
    return {
      ...plan,
      cadenceText: plan.cadence ? describeCadence(plan.cadence) : null,
      exercise,
      ideas,
      practice: {
        blocks: logs.length,
        minutes: logs.reduce((sum, log) => sum + log.minutes, 0),
        lastAt: logs.at(-1)?.at ?? null,
      },
      reviewDue: reviewDue(plan, { now: this.clock(), timeZone: zone }),
      allowedActions: [...allowedPlanActions(plan.state)],
      reviews: await this.reviews.planReviews(actor.userId, plan.id),
    };
  }
}
