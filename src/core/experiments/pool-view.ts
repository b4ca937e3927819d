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
  wilcoxon: withPValue({ n: z.number(), statistic: z.number(), method: z.enum(['exact', 'normal']) }),
  /** Median paired difference with a seeded percentile-bootstrap 95% interval; null when no cards. */
  medianDifference: z.nullable(BootstrapInterval),
  /** Plain-language reasons to be careful, including every test that showed no p-value. */
  caveats: z.array(z.string()),
});
export type PooledAnalysis = z.infer<typeof PooledAnalysis>;

/** GET /pools/{id}/report. */
export const PoolReport = z.object({
  pool: PoolSummary,
  analysis: PooledAnalysis,
  /** One point per participant: the total value of each phase. */
  points: z.array(z.object({ participant: z.string(), passive: z.number(), focused: z.number() })),
  phaseLabels: z.tuple([z.string(), z.string()]),
});
export type PoolReport = z.infer<typeof PoolReport>;
