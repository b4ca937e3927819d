import * as z from 'zod/mini';
import { Area } from './areas.js';
import { Deck } from './decks/deck.js';
import { ResultCard } from './experiments/card.js';
import { ExperimentRecord } from './experiments/experiment.js';
import { Idea } from './ideas.js';
import { Exercise } from './plans/exercises.js';
import { Interruption } from './plans/interruptions.js';
import { Plan } from './plans/plan.js';
import { PracticeLog } from './plans/practice.js';
import { PlanReview, WeeklyReview } from './plans/review.js';
import './schema-messages.js';
import { SessionQuestion, SessionState } from './sessions/session.js';

/**
 * The full JSON backup. Versioned so later capabilities can add entities; `checksum` is the
 * SHA-256 of `canonicalJson(data)` and catches truncated or edited files before anything is written.
 */
export const BACKUP_FORMAT = 'whetstone-backup';
export const BACKUP_VERSION = 1;

export const BackupArea = z.omit(Area, { ideaCount: true });
export type BackupArea = z.infer<typeof BackupArea>;

/** A focused session with the questions it showed, exactly as stored. */
export const BackupSession = z.strictObject({
  id: z.string(),
  deckId: z.string(),
  state: SessionState,
  plannedMs: z.number(),
  addedMs: z.number(),
  startedAt: z.iso.datetime(),
  pausedAt: z.nullable(z.iso.datetime()),
  pausedMs: z.number(),
  endedAt: z.nullable(z.iso.datetime()),
  queue: z.array(z.string()),
  seed: z.string(),
  areas: z.array(z.string()),
  position: z.number(),
  positionEnteredMs: z.number(),
  note: z.nullable(z.string()),
  questions: z.array(SessionQuestion),
});
export type BackupSession = z.infer<typeof BackupSession>;

/** An idea in a backup; files written before focused sessions have no session links. */
export const BackupIdea = z.extend(Idea, {
  sessionId: z._default(z.nullable(z.string()), null),
  questionId: z._default(z.nullable(z.string()), null),
});

/**
 * The experiment's live second rater: who, whether they finished, and their values by the frozen
 * items' tokens. Never the link's token or its hash: a restored invitation's link is ended, the
 * report keeps the values, and the researcher invites again to go on (decision 0019).
 */
export const BackupSecondRater = z.strictObject({
  id: z.string().check(z.minLength(1)),
  raterName: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  finishedAt: z.nullable(z.iso.datetime()),
  ratings: z.array(
    z.strictObject({
      itemToken: z.string().check(z.minLength(1)),
      value: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
      ratedAt: z.iso.datetime(),
    }),
  ),
});
export type BackupSecondRater = z.infer<typeof BackupSecondRater>;

/** An experiment with its frozen blind-rating queue (tokens, order and ratings), exactly as stored. */
export const BackupExperiment = z.strictObject({
  record: ExperimentRecord,
  participant: z.string().check(z.minLength(1)),
  ratingSeed: z.nullable(z.string()),
  items: z.array(
    z.strictObject({
      position: z.number().check(z.int(), z.minimum(0)),
      token: z.string().check(z.minLength(1)),
      ideaId: z.string(),
      phase: z.string(),
      text: z.string(),
      value: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5))),
      ratedAt: z.nullable(z.iso.datetime()),
      // Backups written before the blind triage set nothing aside.
      excluded: z._default(z.nullable(z.string()), null),
    }),
  ),
  /** The live second rater, if any (backups written before it have none). */
  secondRater: z.optional(BackupSecondRater),
});
export type BackupExperiment = z.infer<typeof BackupExperiment>;

export const BackupMeasurement = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  value: z.number(),
  at: z.iso.datetime(),
  note: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
});
export type BackupMeasurement = z.infer<typeof BackupMeasurement>;

export const BackupPool = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  templateId: z.string(),
  templateVersion: z.number().check(z.int(), z.positive()),
  createdAt: z.iso.datetime(),
  cards: z.array(ResultCard),
});
export type BackupPool = z.infer<typeof BackupPool>;

/**
 * Sessions and decks arrived with focused sessions, experiments, measurements and pools with
 * self-experiments, plans and the logs with plans and practice; older backups simply have none.
 */
export const BackupData = z.strictObject({
  areas: z.array(BackupArea),
  ideas: z.array(BackupIdea),
  sessions: z.optional(z.array(BackupSession)),
  decks: z.optional(z.array(Deck)),
  experiments: z.optional(z.array(BackupExperiment)),
  measurements: z.optional(z.array(BackupMeasurement)),
  pools: z.optional(z.array(BackupPool)),
  plans: z.optional(z.array(Plan)),
  /** The user's own exercises (the built-in library comes with the program). */
  exercises: z.optional(z.array(Exercise)),
  practice: z.optional(z.array(PracticeLog)),
  interruptions: z.optional(z.array(Interruption)),
  reviews: z.optional(z.strictObject({ weekly: z.array(WeeklyReview), plans: z.array(PlanReview) })),
  /** Null: the zone of the machine Whetstone runs on. */
  settings: z.optional(z.strictObject({ timeZone: z.nullable(z.string()) })),
});
export type BackupData = z.infer<typeof BackupData>;

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  checksum: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex digits>')),
  data: BackupData,
});
export type Backup = z.infer<typeof Backup>;

const Counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export const ImportSummary = z.object({
  areas: Counts,
  ideas: Counts,
  sessions: Counts,
  decks: Counts,
  experiments: Counts,
  measurements: Counts,
  pools: Counts,
  plans: Counts,
  exercises: Counts,
  practice: Counts,
  interruptions: Counts,
  reviews: Counts,
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** JSON with object keys sorted, so the checksum does not depend on key order or whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      return Object.fromEntries(entries);
    }
    return v;
  });
}
