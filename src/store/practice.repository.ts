import type { Kysely, Selectable } from 'kysely';
import type { Interruption } from '../core/plans/interruptions.js';
import type { PracticeLog } from '../core/plans/practice.js';
import { toIso } from './rows.js';
import type { Database, InterruptionsTable, PracticeLogsTable } from './schema.js';

type Db = Kysely<Database>;

export interface TimeWindow {
  /** Inclusive instant. */
  from?: string;
  /** Exclusive instant. */
  to?: string;
}

function mapPracticeRow(row: Selectable<PracticeLogsTable>): PracticeLog {
  return {
    id: row.id,
    planId: row.plan_id,
    exerciseId: row.exercise_id,
    minutes: Number(row.minutes),
    difficulty: row.difficulty === null ? null : Number(row.difficulty),
    note: row.note,
    at: toIso(row.at),
    createdAt: toIso(row.created_at),
  };
}

function mapInterruptionRow(row: Selectable<InterruptionsTable>): Interruption {
  return {
    id: row.id,
    at: toIso(row.at),
    reason: row.reason,
    durationMinutes: row.duration_minutes === null ? null : Number(row.duration_minutes),
    createdAt: toIso(row.created_at),
  };
}

/** Practice blocks and interruptions: time-stamped logs, read by time window; scoped by `userId`. */
export class PracticeRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): PracticeRepository {
    return new PracticeRepository(trx);
  }

  async insertPractice(userId: string, log: PracticeLog): Promise<void> {
    await this.db
      .insertInto('practice_logs')
      .values({
        id: log.id,
        user_id: userId,
        plan_id: log.planId,
        exercise_id: log.exerciseId,
        minutes: log.minutes,
        difficulty: log.difficulty,
        note: log.note,
        at: log.at,
        created_at: log.createdAt,
      })
      .execute();
  }

  /** Oldest first. */
  async practice(userId: string, filter: TimeWindow & { planId?: string } = {}): Promise<PracticeLog[]> {
    let query = this.db.selectFrom('practice_logs').selectAll().where('user_id', '=', userId);
    if (filter.planId !== undefined) query = query.where('plan_id', '=', filter.planId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    const rows = await query.orderBy('at').orderBy('id').execute();
    return rows.map(mapPracticeRow);
  }

  async findPractice(userId: string, id: string): Promise<PracticeLog | undefined> {
    const row = await this.db
      .selectFrom('practice_logs')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? mapPracticeRow(row) : undefined;
  }

  async deletePractice(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('practice_logs')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async hasPractice(userId: string, planId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('practice_logs')
      .select('id')
      .where('user_id', '=', userId)
      .where('plan_id', '=', planId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertInterruption(userId: string, interruption: Interruption): Promise<void> {
    await this.db
      .insertInto('interruptions')
      .values({
        id: interruption.id,
        user_id: userId,
        at: interruption.at,
        reason: interruption.reason,
        duration_minutes: interruption.durationMinutes,
        created_at: interruption.createdAt,
      })
      .execute();
  }

  /** Oldest first. */
  async interruptions(userId: string, filter: TimeWindow = {}): Promise<Interruption[]> {
    let query = this.db.selectFrom('interruptions').selectAll().where('user_id', '=', userId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    const rows = await query.orderBy('at').orderBy('id').execute();
    return rows.map(mapInterruptionRow);
  }

  async deleteInterruption(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('interruptions')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
