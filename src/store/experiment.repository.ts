import type { Kysely, Selectable } from 'kysely';
import { ExperimentRecord } from '../core/experiments/experiment.js';
import type { QueueItem } from '../core/experiments/rating-queue.js';
import { ACTIVE_EXPERIMENT_STATES } from '../core/experiments/view.js';
import { toIsoOrNull } from './rows.js';
import type { Database, Engine, ExperimentsTable } from './schema.js';

type Db = Kysely<Database>;

export interface StoredExperiment {
  record: ExperimentRecord;
  participant: string;
  ratingSeed: string | null;
}

/** One entry of the frozen blind-rating queue; never sent to the rater as it is. */
export interface RatingItem extends QueueItem {
  position: number;
  ideaId: string;
  phase: string;
}

function mapExperimentRow(row: Selectable<ExperimentsTable>): StoredExperiment {
  // The core's schema checks the stored JSON, so a damaged row fails loudly instead of misleading.
  const record = ExperimentRecord.parse(JSON.parse(row.record));
  return { record, participant: row.participant, ratingSeed: row.rating_seed };
}

/** Experiments and their rating queues; every method is scoped by `userId`. */
export class ExperimentRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  withTransaction(trx: Db): ExperimentRepository {
    return new ExperimentRepository(trx, this.engine);
  }

  async insert(userId: string, experiment: StoredExperiment, now: string): Promise<void> {
    await this.db
      .insertInto('experiments')
      .values({
        id: experiment.record.id,
        user_id: userId,
        state: experiment.record.state,
        template_id: experiment.record.templateId,
        record: JSON.stringify(experiment.record),
        participant: experiment.participant,
        rating_seed: experiment.ratingSeed,
        created_at: experiment.record.createdAt,
        updated_at: now,
      })
      .execute();
  }

  async update(userId: string, experiment: StoredExperiment, now: string): Promise<void> {
    await this.db
      .updateTable('experiments')
      .set({
        state: experiment.record.state,
        record: JSON.stringify(experiment.record),
        rating_seed: experiment.ratingSeed,
        updated_at: now,
      })
      .where('user_id', '=', userId)
      .where('id', '=', experiment.record.id)
      .execute();
  }

  async findById(userId: string, id: string): Promise<StoredExperiment | undefined> {
    const row = await this.db
      .selectFrom('experiments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? mapExperimentRow(row) : undefined;
  }

  /** The user's unfinished experiment, if any. */
  async findActive(userId: string): Promise<StoredExperiment | undefined> {
    const row = await this.db
      .selectFrom('experiments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('state', 'in', [...ACTIVE_EXPERIMENT_STATES])
      .executeTakeFirst();
    return row ? mapExperimentRow(row) : undefined;
  }

  /** Newest first. */
  async list(userId: string, limit: number): Promise<StoredExperiment[]> {
    const rows = await this.db
      .selectFrom('experiments')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(mapExperimentRow);
  }

  async insertItems(experimentId: string, items: readonly RatingItem[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => ({
      experiment_id: experimentId,
      position: item.position,
      token: item.token,
      idea_id: item.ideaId,
      phase: item.phase,
      text: item.text,
      value: item.value,
      rated_at: item.ratedAt,
      excluded: item.excluded,
    }));
    // Chunked: SQLite caps the number of bound parameters per statement.
    for (let i = 0; i < rows.length; i += 100)
      await this.db
        .insertInto('experiment_items')
        .values(rows.slice(i, i + 100))
        .execute();
  }

  /** The queue in the order it is shown. */
  async items(experimentId: string): Promise<RatingItem[]> {
    const rows = await this.db
      .selectFrom('experiment_items')
      .selectAll()
      .where('experiment_id', '=', experimentId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      position: Number(row.position),
      token: row.token,
      ideaId: row.idea_id,
      phase: row.phase,
      text: row.text,
      value: row.value === null ? null : Number(row.value),
      ratedAt: toIsoOrNull(row.rated_at),
      excluded: row.excluded,
    }));
  }

  /** Replaces the whole queue (restoring a backup). */
  async replaceItems(experimentId: string, items: readonly RatingItem[]): Promise<void> {
    await this.db.deleteFrom('experiment_items').where('experiment_id', '=', experimentId).execute();
    await this.insertItems(experimentId, items);
  }

  /** Sets (or, with nulls, clears) one rating; returns false when no item has this token. */
  async rate(experimentId: string, token: string, value: number | null, at: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('experiment_items')
      .set({ value, rated_at: at })
      .where('experiment_id', '=', experimentId)
      .where('token', '=', token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Sets an item aside in the triage (a reason) or keeps it (null); false when no item has this token. */
  async exclude(experimentId: string, token: string, reason: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('experiment_items')
      .set({ excluded: reason })
      .where('experiment_id', '=', experimentId)
      .where('token', '=', token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
