import { notFound, validationError } from '../core/errors.js';
import {
  applyDecision,
  newWeeklyReview,
  PLAN_REVIEW_PROMPTS,
  WEEKLY_REVIEW_PROMPTS,
  type WeeklyReview,
} from '../core/plans/review.js';
import type { ReviewHistory, ReviewPrompts, WeeklyReviewPage } from '../core/plans/views.js';
import { weekSummary } from '../core/plans/week-summary.js';
import { addDays, isLocalDate, localDate, startOfDay, weekOf } from '../core/time-zone.js';
import type { Store } from '../store/connect.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository } from '../store/practice.repository.js';
import { ReviewRepository } from '../store/review.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { Actor, Clock } from './context.js';
import { syncIdeaStatuses } from './plan-ideas.js';
import type { SettingsService } from './settings.service.js';

export type { WeeklyReviewPage };

/** The weekly review: the week's numbers, a few reflective questions, decisions on plans. */
export class ReviewService {
  private readonly reviews: ReviewRepository;
  private readonly ideas: IdeaRepository;
  private readonly plans: PlanRepository;
  private readonly practice: PracticeRepository;

  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.reviews = new ReviewRepository(store.db);
    this.ideas = new IdeaRepository(store.db, store.engine);
    this.plans = new PlanRepository(store.db);
    this.practice = new PracticeRepository(store.db);
  }

  prompts(): ReviewPrompts {
    return { weekly: [...WEEKLY_REVIEW_PROMPTS], plan: [...PLAN_REVIEW_PROMPTS] };
  }

  /** The week containing `date` (default: this week, in the user's zone), ready to review. */
  async week(actor: Actor, date?: string): Promise<WeeklyReviewPage> {
    const timeZone = await this.settings.timeZone(actor);
    const today = localDate(this.clock(), timeZone);
    if (date !== undefined && !isLocalDate(date))
      throw validationError('week', 'must be a date like 2026-11-23');
    const monday = weekOf(date ?? today);
    const from = startOfDay(monday, timeZone);
    const to = startOfDay(addDays(monday, 7), timeZone);
    const summary = weekSummary({
      weekOf: monday,
      today,
      timeZone,
      ideas: await this.ideas.listCreatedBetween(actor.userId, from, to),
      plans: await this.plans.list(actor.userId),
      practice: await this.practice.practice(actor.userId, { from, to }),
      interruptions: await this.practice.interruptions(actor.userId, { from, to }),
    });
    const review = (await this.reviews.weeklyOf(actor.userId, monday)) ?? null;
    return { summary, prompts: [...WEEKLY_REVIEW_PROMPTS], review };
  }

  /** Stores the week's answers and applies its decisions to the plans, all in one transaction. */
  async submitWeekly(actor: Actor, input: unknown): Promise<WeeklyReview> {
    const timeZone = await this.settings.timeZone(actor);
    const now = this.clock();
    const review = newWeeklyReview(input, { id: this.newId(), now, timeZone });
    await inTransaction(this.store, async (trx) => {
      const plans = this.plans.withTransaction(trx);
      const reviews = this.reviews.withTransaction(trx);
      // Doing a week again replaces its review; decisions it already applied are not applied twice
      // (a kept plan cannot be kept again), so re-sending the same decisions with new answers works.
      const earlier = await reviews.weeklyOf(actor.userId, review.weekOf);
      const applied = new Set(earlier?.decisions.map((d) => `${d.planId} ${d.decision}`));
      for (const [i, decision] of review.decisions.entries()) {
        const plan = await plans.findById(actor.userId, decision.planId);
        if (!plan) throw validationError(`decisions.${i}.planId`, `there is no plan ${decision.planId}`);
        if (applied.has(`${decision.planId} ${decision.decision}`)) continue;
        const next = applyDecision(plan, decision.decision, now);
        await plans.update(actor.userId, next);
        // The plan's own history shows the decision too, as a review without answers.
        await reviews.insertPlanReview(actor.userId, {
          id: this.newId(),
          planId: plan.id,
          answers: [],
          decision: decision.decision,
          note: decision.note ?? `Decided in the weekly review of ${review.weekOf}`,
          reviewOn: plan.reviewOn,
          newReviewOn: null,
          newCadence: null,
          newNextAction: null,
          createdAt: review.createdAt,
        });
        await syncIdeaStatuses(trx, this.store.engine, actor, plan.ideaIds, next.updatedAt);
      }
      await reviews.putWeekly(actor.userId, review);
    });
    return review;
  }

  /** Past reviews, newest first: weekly ones and single-plan ones. */
  async history(actor: Actor): Promise<ReviewHistory> {
    return {
      weekly: await this.reviews.weekly(actor.userId),
      plans: (await this.reviews.planReviews(actor.userId)).reverse(),
    };
  }

  async weekly(actor: Actor, weekOfDate: string): Promise<WeeklyReview> {
    const review = await this.reviews.weeklyOf(actor.userId, weekOfDate);
    if (!review) throw notFound('weekly review', weekOfDate);
    return review;
  }
}
