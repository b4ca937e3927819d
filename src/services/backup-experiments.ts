import {
  type BackupData,
  type BackupExperiment,
  type BackupMeasurement,
  type BackupPool,
  canonicalJson,
  type ImportSummary,
} from '../core/backup.js';
import { WhetstoneError } from '../core/errors.js';
import { ACTIVE_EXPERIMENT_STATES } from '../core/experiments/view.js';
import { measurementNameKey } from '../core/measurements.js';
import type { Store } from '../store/connect.js';
import { ExperimentRepository } from '../store/experiment.repository.js';
import { MeasurementRepository } from '../store/measurement.repository.js';
import { PoolRepository } from '../store/pool.repository.js';
import { exportSecondRater, importSecondRater, secondRaterInstants } from './backup-second-rater.js';
import type { Actor } from './context.js';
import { cardFingerprintHash } from './pool.service.js';

type ExperimentData = Required<Pick<BackupData, 'experiments' | 'measurements' | 'pools'>>;

/** An experiment as the backup holds it: record, rating queue and the live second rater. */
async function backupCopy(
  repo: ExperimentRepository,
  db: Store['db'],
  stored: Omit<BackupExperiment, 'items' | 'secondRater'>,
): Promise<BackupExperiment> {
  const id = stored.record.id;
  return { ...stored, items: await repo.items(id), ...(await exportSecondRater(db, id)) };
}

/** Experiments (with their rating queues), measurements and pools, for the full backup. */
export async function exportExperimentData(store: Store, actor: Actor): Promise<ExperimentData> {
  const experimentRepo = new ExperimentRepository(store.db, store.engine);
  const experiments: BackupExperiment[] = [];
  for (const stored of (await experimentRepo.list(actor.userId, Number.MAX_SAFE_INTEGER)).reverse())
    experiments.push(await backupCopy(experimentRepo, store.db, stored));
  const measurements = await new MeasurementRepository(store.db).list(actor.userId);
  const poolRepo = new PoolRepository(store.db);
  const pools: BackupPool[] = [];
  for (const { participants: _n, ...pool } of (await poolRepo.list(actor.userId)).reverse()) {
    const cards = (await poolRepo.cards(pool.id)).map(
      (c) => JSON.parse(c.card) as BackupPool['cards'][number],
    );
    pools.push({ ...pool, cards });
  }
  return { experiments, measurements, pools };
}

/** The latest instant recorded on an experiment: of two copies, the one changed last wins. */
function lastChange(experiment: BackupExperiment): number {
  const { record } = experiment;
  const instants = [
    record.createdAt,
    record.prediction.lockedAt,
    record.ratingStartedAt,
    record.reportedAt,
    record.abandonedAt,
    ...record.phases.flatMap((p) => [p.startedAt, p.endedAt]),
    ...experiment.items.map((i) => i.ratedAt),
    ...secondRaterInstants(experiment.secondRater),
  ];
  return Math.max(...instants.filter((s): s is string => s !== null).map((s) => Date.parse(s)));
}

/** Restores them inside the backup's transaction; matched by id, so a second import changes nothing. */
export async function importExperimentData(
  trx: Store['db'],
  engine: Store['engine'],
  actor: Actor,
  data: BackupData,
  summary: ImportSummary,
  now: string,
): Promise<void> {
  const experiments = new ExperimentRepository(trx, engine);
  for (const incoming of data.experiments ?? []) {
    const { items, secondRater, ...stored } = incoming;
    const id = stored.record.id;
    const current = await experiments.findById(actor.userId, id);
    const currentCopy = current && (await backupCopy(experiments, trx, current));
    if (currentCopy && canonicalJson(currentCopy) === canonicalJson(incoming)) {
      summary.experiments.unchanged++;
      continue;
    }
    if (currentCopy && lastChange(currentCopy) >= lastChange(incoming)) {
      summary.experiments.unchanged++; // the copy here is as new or newer: keep it
      continue;
    }
    if (ACTIVE_EXPERIMENT_STATES.includes(stored.record.state)) {
      const active = await experiments.findActive(actor.userId);
      if (active && active.record.id !== id)
        throw new WhetstoneError(
          'conflict',
          `experiment ${id} in the backup is still ${stored.record.state}, and experiment ${active.record.id} is unfinished here; finish or abandon it first`,
        );
    }
    if (current) {
      await experiments.update(actor.userId, stored, now);
      summary.experiments.updated++;
    } else {
      await experiments.insert(actor.userId, stored, now);
      summary.experiments.created++;
    }
    await experiments.replaceItems(id, items);
    await importSecondRater(trx, id, secondRater, now);
  }

  const measurements = new MeasurementRepository(trx);
  const known = new Set((await measurements.list(actor.userId)).map((m) => m.id));
  for (const entry of data.measurements ?? []) {
    // A logged measurement never changes, so an id seen before is the same entry.
    if (known.has(entry.id)) summary.measurements.unchanged++;
    else {
      await measurements.insert(
        actor.userId,
        entry satisfies BackupMeasurement,
        measurementNameKey(entry.name),
      );
      summary.measurements.created++;
    }
  }

  const pools = new PoolRepository(trx);
  for (const { cards, ...pool } of data.pools ?? []) {
    const current = await pools.findById(actor.userId, pool.id);
    if (!current) await pools.insert(actor.userId, pool);
    const have = new Set((await pools.cards(pool.id)).map((c) => c.participant));
    let added = 0;
    for (const card of cards) {
      if (have.has(card.participant)) continue; // a participant's card here is kept as it is
      await pools.insertCard(
        pool.id,
        { participant: card.participant, fingerprint: cardFingerprintHash(card), card: JSON.stringify(card) },
        now,
      );
      have.add(card.participant);
      added++;
    }
    if (!current) summary.pools.created++;
    else if (added > 0) summary.pools.updated++;
    else summary.pools.unchanged++;
  }
}
