import * as z from 'zod/mini';
import '../schema-messages.js';
import { trimmedText } from '../text.js';
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

export type { CardImportResult, PoolConclusion, PoolReport, PoolSummary } from './pool-view.js';
