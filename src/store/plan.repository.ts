import type { Kysely } from 'kysely';
import { Plan } from '../core/plans/plan.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** Plans and the ideas they carry out; every method is scoped by `userId`. */
export class PlanRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): PlanRepository {
    return new PlanRepository(trx);
  }

  async insert(userId: string, plan: Plan): Promise<void> {
    await this.db
      .insertInto('plans')
      .values({
        id: plan.id,
        user_id: userId,
        state: plan.state,
        review_on: plan.reviewOn,
        record: JSON.stringify(plan),
        created_at: plan.createdAt,
        updated_at: plan.updatedAt,
      })
      .execute();
    await this.setIdeas(userId, plan.id, plan.ideaIds);
  }

  async update(userId: string, plan: Plan): Promise<void> {
    await this.db
      .updateTable('plans')
      .set({
        state: plan.state,
        review_on: plan.reviewOn,
        record: JSON.stringify(plan),
        updated_at: plan.updatedAt,
      })
      .where('user_id', '=', userId)
      .where('id', '=', plan.id)
      .execute();
    await this.setIdeas(userId, plan.id, plan.ideaIds);
  }

  private async setIdeas(userId: string, planId: string, ideaIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('plan_ideas').where('plan_id', '=', planId).execute();
    if (ideaIds.length > 0)
      await this.db
        .insertInto('plan_ideas')
        .values(ideaIds.map((ideaId) => ({ plan_id: planId, idea_id: ideaId, user_id: userId })))
        .execute();
  }

  async findById(userId: string, id: string): Promise<Plan | undefined> {
    const row = await this.db
      .selectFrom('plans')
      .select('record')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? Plan.parse(JSON.parse(row.record)) : undefined;
  }

  /** By review date, then creation; optionally only some states. */
  async list(userId: string, filter: { states?: readonly string[] } = {}): Promise<Plan[]> {
    let query = this.db.selectFrom('plans').select('record').where('user_id', '=', userId);
    if (filter.states) query = query.where('state', 'in', [...filter.states]);
    const rows = await query.orderBy('review_on').orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => Plan.parse(JSON.parse(row.record)));
  }

  /** The plans that carry out one idea. */
  async forIdea(userId: string, ideaId: string): Promise<Plan[]> {
    const rows = await this.db
      .selectFrom('plans')
      .innerJoin('plan_ideas', 'plan_ideas.plan_id', 'plans.id')
      .select('plans.record')
      .where('plan_ideas.user_id', '=', userId)
      .where('plan_ideas.idea_id', '=', ideaId)
      .orderBy('plans.created_at')
      .execute();
    return rows.map((row) => Plan.parse(JSON.parse(row.record)));
  }
}
