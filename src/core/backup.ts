import * as z from 'zod/mini';
import { Area } from './areas.js';
import { Idea } from './ideas.js';
import './schema-messages.js';

/**
 * The full JSON backup. Versioned so later capabilities can add entities; `checksum` is the
 * SHA-256 of `canonicalJson(data)` and catches truncated or edited files before anything is written.
 */
export const BACKUP_FORMAT = 'whetstone-backup';
export const BACKUP_VERSION = 1;

export const BackupArea = z.omit(Area, { ideaCount: true });
export type BackupArea = z.infer<typeof BackupArea>;

export const BackupData = z.strictObject({
  areas: z.array(BackupArea),
  ideas: z.array(Idea),
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

export const ImportSummary = z.object({
  areas: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  ideas: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
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
