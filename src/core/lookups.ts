import * as z from 'zod/mini';
import { LOCAL_PREFIXED_KINDS, type LocalPrefixedKind } from './id-prefix.js';
import { Idea } from './ideas.js';
import './schema-messages.js';

/*
 * The small look-ups a terminal needs from a team server: the full id behind a typed prefix, the
 * area behind a typed name, and ideas imported from a CSV or Markdown file's text.
 */

const KINDS = Object.keys(LOCAL_PREFIXED_KINDS) as [LocalPrefixedKind, ...LocalPrefixedKind[]];

/** `GET /ids?kind=idea&prefix=8jsz`: `field` names the flag in the error message, as locally. */
export const IdLookupQuery = z.object({
  kind: z.enum(KINDS),
  prefix: z.string(),
  field: z.optional(z.string()),
});

/** `GET /areas/resolve?name=Writing`: filing under an archived area is refused, filtering by one is not. */
export const AreaLookupQuery = z.object({
  name: z.string(),
  purpose: z.optional(z.enum(['file', 'filter'])),
  field: z.optional(z.string()),
});

export const ResolvedId = z.object({ id: z.string() });
export type ResolvedId = z.infer<typeof ResolvedId>;

/** `POST /ideas/import`: the file's text and format; a dry run writes nothing. */
export const IdeaImportRequest = z.strictObject({
  format: z.enum(['csv', 'md']),
  text: z.string(),
  dryRun: z.optional(z.boolean()),
});

/** What an import of ideas created (or, in a dry run, would create), and how many were there already. */
export const IdeaImportSummary = z.object({
  dryRun: z.boolean(),
  created: z.array(z.object({ where: z.string(), idea: Idea })),
  alreadyThere: z.number().check(z.int(), z.nonnegative()),
});
