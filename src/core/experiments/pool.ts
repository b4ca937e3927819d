import * as z from 'zod/mini';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
import type { PooledAnalysis } from './card.js';
import { WEEK_VS_20_MINUTES } from './templates.js';

export const POOL_NAME_MAX = 120;

export const PoolCreateInput = z.strictObject({
  name: trimmedText(POOL_NAME_MAX, 1),
  /** The template whose cards the pool holds; default: the flagship experiment. */
  templateId: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
});

/** A batch of cards: all are imported, or none. */
export const CardImportInput = z.strictObject({
  cards: z.array(z.unknown()).check(z.minLength(1, 'must hold at least one card'), z.maxLength(10_000)),
});

export const DEFAULT_POOL_TEMPLATE = WEEK_VS_20_MINUTES.id;

export interface PoolSummary {
  id: string;
  name: string;
  templateId: string;
  templateVersion: number;
  templateTitle: string;
  participants: number;
  createdAt: string;
}

export interface CardImportResult {
  added: number;
  /** Cards identical to one already in the pool: counted once. */
  alreadyInPool: number;
  pool: PoolSummary;
}

export interface PoolReport {
  pool: PoolSummary;
  analysis: PooledAnalysis;
  /** One point per participant: the total value of each phase. */
  points: { participant: string; passive: number; focused: number }[];
  phaseLabels: [string, string];
}
