import type { Kysely } from 'kysely';
import type { PlanReview, WeeklyReview } from '../core/plans/review.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** Weekly reviews (one per week) and single-plan reviews; scoped by `userId`. */
export class ReviewRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): ReviewRepository {
    return new ReviewRepository(trx);
  }

  /** Stores the week's review, replacing an earlier one of the same week. */
  async putWeekly(userId: string, review: WeeklyReview): Promise<void> {
    await this.db
      .deleteFrom('reviews')
      .where('user_id', '=', userId)
      .where('kind', '=', 'weekly')
      .where('week_of', '=', review.weekOf)
      .execute();
    await this.db
      .insertInto('reviews')
      .values({
        id: review.id,
        user_id: userId,
        kind: 'weekly',
        plan_id: null,
        week_of: review.weekOf,
        record: JSON.stringify(review),
        created_at: review.createdAt,
      })
      .execute();
  }

  async insertPlanReview(userId: string, review: PlanReview): Promise<void> {
    await this.db
      .insertInto('reviews')
      .values({
        id: review.id,
        user_id: userId,
        kind: 'plan',
        plan_id: review.planId,
        week_of: null,
        record: JSON.stringify(review),
        created_at: review.createdAt,
      })
      .execute();
  }

  /** Newest week first. */
  async weekly(userId: string): Promise<WeeklyReview[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .select('record')
      .where('user_id', '=', userId)
      .where('kind', '=', 'weekly')
      .orderBy('week_of', 'desc')
      .execute();
    return rows.map((row) => JSON.parse(row.record) as WeeklyReview);
  }

  /** The review of the week starting on Monday `weekOf`, if one was written. */
  async weeklyOf(userId: string, weekOf: string): Promise<WeeklyReview | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .select('record')
      .where('user_id', '=', userId)
      .where('kind', '=', 'weekly')
      .where('week_of', '=', weekOf)
      .executeTakeFirst();
    return row ? (JSON.parse(row.record) as WeeklyReview) : undefined;
  }

  /** Oldest first; one plan's, or every plan's. */
  async planReviews(userId: string, planId?: string): Promise<PlanReview[]> {
    let query = this.db
      .selectFrom('reviews')
      .select('record')
      .where('user_id', '=', userId)
      .where('kind', '=', 'plan');
    if (planId !== undefined) query = query.where('plan_id', '=', planId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.record) as PlanReview);
  }
}
