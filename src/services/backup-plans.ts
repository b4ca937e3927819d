import { type BackupData, canonicalJson, type ImportSummary } from '../core/backup.js';
import type { Store } from '../store/connect.js';
import { ExerciseRepository } from '../store/exercise.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository } from '../store/practice.repository.js';
import { ReviewRepository } from '../store/review.repository.js';
import { UserRepository } from '../store/user.repository.js';
import type { Actor } from './context.js';

type PlanData = Required<
  Pick<BackupData, 'plans' | 'exercises' | 'practice' | 'interruptions' | 'reviews' | 'settings'>
>;

/** Plans, own exercises, practice, interruptions, reviews and the time zone, for the full backup. */
export async function exportPlanData(store: Store, actor: Actor): Promise<PlanData> {
  const practice = new PracticeRepository(store.db);
  const reviews = new ReviewRepository(store.db);
  return {
    plans: await new PlanRepository(store.db).list(actor.userId),
    exercises: await new ExerciseRepository(store.db).list(actor.userId),
    practice: await practice.practice(actor.userId),
    interruptions: await practice.interruptions(actor.userId),
    reviews: {
      weekly: (await reviews.weekly(actor.userId)).reverse(),
      plans: await reviews.planReviews(actor.userId),
    },
    settings: { timeZone: await new UserRepository(store.db).timeZone(actor.userId) },
  };
}

/**
 * Restores them inside the backup's transaction, matched by id: logs and reviews never change once
 * written, so a known id is left alone; of two copies of a plan the one changed last wins.
 */
export async function importPlanData(
  trx: Store['db'],
  actor: Actor,
  data: BackupData,
  summary: ImportSummary,
): Promise<void> {
  const plans = new PlanRepository(trx);
  for (const plan of data.plans ?? []) {
    const current = await plans.findById(actor.userId, plan.id);
    if (!current) {
      await plans.insert(actor.userId, plan);
      summary.plans.created++;
    } else if (canonicalJson(current) === canonicalJson(plan) || current.updatedAt >= plan.updatedAt) {
      summary.plans.unchanged++;
    } else {
      await plans.update(actor.userId, plan);
      summary.plans.updated++;
    }
  }

  const exercises = new ExerciseRepository(trx);
  const ownExercises = new Set((await exercises.list(actor.userId)).map((e) => e.id));
  for (const exercise of data.exercises ?? []) {
    if (ownExercises.has(exercise.id)) summary.exercises.unchanged++;
    else {
      await exercises.insert(actor.userId, exercise);
      summary.exercises.created++;
    }
  }

  const logs = new PracticeRepository(trx);
  const practiced = new Set((await logs.practice(actor.userId)).map((l) => l.id));
  for (const log of data.practice ?? []) {
    if (practiced.has(log.id)) summary.practice.unchanged++;
    else {
      await logs.insertPractice(actor.userId, log);
      summary.practice.created++;
    }
  }
  const interrupted = new Set((await logs.interruptions(actor.userId)).map((i) => i.id));
  for (const interruption of data.interruptions ?? []) {
    if (interrupted.has(interruption.id)) summary.interruptions.unchanged++;
    else {
      await logs.insertInterruption(actor.userId, interruption);
      summary.interruptions.created++;
    }
  }

  const reviews = new ReviewRepository(trx);
  const weeks = new Map((await reviews.weekly(actor.userId)).map((r) => [r.weekOf, r]));
  for (const review of data.reviews?.weekly ?? []) {
    const current = weeks.get(review.weekOf);
    if (current && (current.id === review.id || current.createdAt >= review.createdAt)) {
      summary.reviews.unchanged++;
    } else {
      await reviews.putWeekly(actor.userId, review); // a newer review of the same week replaces it
      if (current) summary.reviews.updated++;
      else summary.reviews.created++;
    }
  }
  const planReviews = new Set((await reviews.planReviews(actor.userId)).map((r) => r.id));
  for (const review of data.reviews?.plans ?? []) {
    if (planReviews.has(review.id)) summary.reviews.unchanged++;
    else {
      await reviews.insertPlanReview(actor.userId, review);
      summary.reviews.created++;
    }
  }

  // A zone chosen on this machine stays; a backup's choice fills in only where none was made.
  const users = new UserRepository(trx);
  const timeZone = data.settings?.timeZone ?? null;
  if (timeZone && (await users.timeZone(actor.userId)) === null)
    await users.setTimeZone(actor.userId, timeZone);
}
