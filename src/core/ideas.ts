import * as z from 'zod/mini';
import { AreaId } from './areas.js';
import { IdeaStatus } from './idea-status.js';
import { EFFORTS, IDEA_SOURCES, SOURCE_LABELS } from './idea-vocabulary.js';
import {
  IDEA_CONTEXT_MAX,
  IDEA_TEXT_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  SEARCH_QUERY_MAX,
  VALUE_MAX,
  VALUE_MIN,
} from './limits.js';
import { pageOf } from './list.js';
import { trimmedText } from './text.js';
import './schema-messages.js';

export { EFFORTS, IDEA_SOURCES, SOURCE_LABELS };

/** Where an idea came from. `imported` marks ideas brought in from another tool. */
export const IdeaSource = z.enum(IDEA_SOURCES);
export type IdeaSource = z.infer<typeof IdeaSource>;

export const Effort = z.enum(EFFORTS);
export type Effort = z.infer<typeof Effort>;

export const IdeaId = z
  .string()
  .check(z.regex(/^[0-9a-z]{4,32}$/, 'must be an idea id (lowercase letters and digits)'));

export const IdeaText = trimmedText(IDEA_TEXT_MAX, 1);

const valueRange = `must be a whole number from ${VALUE_MIN} to ${VALUE_MAX}`;
export const IdeaValue = z
  .number(valueRange)
  .check(z.int(valueRange), z.minimum(VALUE_MIN, valueRange), z.maximum(VALUE_MAX, valueRange));

const IdeaContext = trimmedText(IDEA_CONTEXT_MAX);

export const Idea = z.object({
  id: IdeaId,
  text: IdeaText,
  areaId: z.nullable(AreaId),
  source: IdeaSource,
  status: IdeaStatus,
  value: z.nullable(IdeaValue),
  effort: z.nullable(Effort),
  /** What the researcher was working on when the idea came up. */
  context: z.nullable(IdeaContext),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime(),
  /** The focused session, and the question in it, that prompted the idea. */
  sessionId: z.nullable(z.string()),
  questionId: z.nullable(z.string()),
});
export type Idea = z.infer<typeof Idea>;

export const IdeaCreateInput = z.strictObject({
  text: IdeaText,
  areaId: z.optional(z.nullable(AreaId)),
  source: z.optional(IdeaSource),
  value: z.optional(z.nullable(IdeaValue)),
  effort: z.optional(z.nullable(Effort)),
  context: z.optional(z.nullable(IdeaContext)),
});
export type IdeaCreateInput = z.infer<typeof IdeaCreateInput>;

export const IdeaUpdateInput = z.strictObject({
  text: z.optional(IdeaText),
  areaId: z.optional(z.nullable(AreaId)),
  status: z.optional(IdeaStatus),
  value: z.optional(z.nullable(IdeaValue)),
  effort: z.optional(z.nullable(Effort)),
  context: z.optional(z.nullable(IdeaContext)),
});
export type IdeaUpdateInput = z.infer<typeof IdeaUpdateInput>;

const pageSize = `must be a whole number from 1 to ${PAGE_SIZE_MAX}`;

/** Filters of the idea list; `cursor` continues a previous page. Values arrive as strings. */
export const IdeaListQuery = z.strictObject({
  area: z.optional(AreaId),
  source: z.optional(IdeaSource),
  status: z.optional(IdeaStatus),
  q: z.optional(z.string().check(z.trim(), z.maxLength(SEARCH_QUERY_MAX))),
  since: z.optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()])),
  limit: z._default(
    z.coerce
      .number(pageSize)
      .check(z.int(pageSize), z.minimum(1, pageSize), z.maximum(PAGE_SIZE_MAX, pageSize)),
    PAGE_SIZE_DEFAULT,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type IdeaListQuery = z.infer<typeof IdeaListQuery>;

/** GET /ideas: one page of the list, in the API's list envelope. */
export const IdeaPage = pageOf(Idea);
export type IdeaPage = z.infer<typeof IdeaPage>;

/** A freshly captured idea: status `new`, source `noticed` unless given, all times `now`. */
export function newIdea(input: IdeaCreateInput, id: string, now: string): Idea {
  return {
    id,
    text: input.text,
    areaId: input.areaId ?? null,
    source: input.source ?? 'noticed',
    status: 'new',
    value: input.value ?? null,
    effort: input.effort ?? null,
    context: input.context || null,
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
    sessionId: null,
    questionId: null,
  };
}
