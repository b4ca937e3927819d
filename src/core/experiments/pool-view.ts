import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { BootstrapInterval, ProportionInterval } from '../stats/views.js';

/** The shapes of pools and their pooled analysis, as the API sends them (GET /pools…). */

export const PoolSummary = z.object({
  id: z.string(),
  name: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  templateTitle: z.string(),
  participants: z.number(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PoolSummary = z.infer<typeof PoolSummary>;

/** GET /pools. */
export const PoolList = listOf(PoolSummary);
export type PoolList = z.infer<typeof PoolList>;

export const CardImportResult = z.object({
  added: z.number(),
  /** Cards identical to one already in the pool: counted once. */
  alreadyInPool: z.number(),
  pool: PoolSummary,
});
export type CardImportResult = z.infer<typeof CardImportResult>;

/** A test's p-value, or the caveat that stands in for it when too few took part. */
const withPValue = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.union([z.object({ ...shape, pValue: z.number() }), z.object({ ...shape, caveat: z.string() })]);

export const PooledAnalysis = z.object({
  participants: z.number(),
  templateId: z.nullable(z.string()),
  /** Per participant: focused (phase 1) total value minus passive (phase 0) total value. */
  differences: z.array(z.number()),
  focusedWins: z.number(),
  passiveWins: z.number(),
  ties: z.number(),
  /** Share of non-tied participants where focused won, with a Wilson 95% interval; null when none. */
  focusedWinShare: z.nullable(ProportionInterval),
  signTest: withPValue({ positive: z.number(), negative: z.number(), ties: z.number() }),
  /** The Wilcoxon signed-rank test; `wPlus` is W+, the sum of the ranks of the positive differences. */
  wilcoxon: withPValue({ n: z.number(), wPlus: z.number(), method: z.enum(['exact', 'normal']) }),
  /** Median paired difference with a seeded percentile-bootstrap 95% interval; null when no cards. */
  medianDifference: z.nullable(BootstrapInterval),
  /** Plain-language reasons to be careful, including every test that showed no p-value. */
  caveats: z.array(z.string()),
});
export type PooledAnalysis = z.infer<typeof PooledAnalysis>;

/**
 * The pool's conclusion in plain words, bounded by its caveats: how strong the evidence is
 * (`poolConclusion`), which phase it favours if any, and one short paragraph saying so.
 */
export const PoolConclusion = z.object({
  evidence: z.enum([
    /** No cards yet. */
    'no-cards',
    /** Too few participants with a winner for either test to reach significance at all. */
    'too-few',
    /** Neither test significant: no evidence either way yet (which is not evidence of no difference). */
    'none-yet',
    /** One test significant and the other not, or the tests pointing different ways. */
    'mixed',
    /** Both tests significant, but an interval still includes no difference. */
    'some',
    /** Both tests significant the same way, and neither interval includes no difference. */
    'clear',
  ]),
  /** The phase the evidence points to; null when it points nowhere yet. */
  favours: z.nullable(z.enum(['passive', 'focused'])),
  text: z.string(),
});
export type PoolConclusion = z.infer<typeof PoolConclusion>;

/** GET /pools/{id}/report. */
export const PoolReport = z.object({
  pool: PoolSummary,
  analysis: PooledAnalysis,
  /** One point per participant: the total value of each phase. */
  points: z.array(z.object({ participant: z.string(), passive: z.number(), focused: z.number() })),
  phaseLabels: z.tuple([z.string(), z.string()]),
  conclusion: PoolConclusion,
});
export type PoolReport = z.infer<typeof PoolReport>;
