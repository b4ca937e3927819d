import type { Selectable } from 'kysely';
import type { Area } from '../core/areas.js';
import type { IdeaStatus } from '../core/idea-status.js';
import type { Effort, Idea, IdeaSource } from '../core/ideas.js';
import type { AreasTable, Engine, IdeasTable } from './schema.js';

/** Both engines' timestamps as canonical ISO-8601 UTC text. */
export function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function toIsoOrNull(value: string | Date | null): string | null {
  return value === null ? null : toIso(value);
}

/** SQLite has no boolean type; it stores flags as 0/1. */
export function toFlag(engine: Engine, value: boolean): boolean | number {
  return engine === 'sqlite' ? (value ? 1 : 0) : value;
}

export function mapIdeaRow(row: Selectable<IdeasTable>): Idea {
  return {
    id: row.id,
    text: row.text,
    areaId: row.area_id,
    source: row.source as IdeaSource,
    status: row.status as IdeaStatus,
    value: row.value === null ? null : Number(row.value),
    effort: row.effort as Effort | null,
    context: row.context,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    statusChangedAt: toIso(row.status_changed_at),
    sessionId: row.session_id,
    questionId: row.question_id,
  };
}

export function mapAreaRow(row: Selectable<AreasTable> & { idea_count: number | string | bigint }): Area {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isDefault: Boolean(row.is_default),
    archivedAt: toIsoOrNull(row.archived_at),
    createdAt: toIso(row.created_at),
    ideaCount: Number(row.idea_count),
  };
}

/** An idea as a row of the `ideas` table (both engines take the same values). */
export function ideaToRow(userId: string, idea: Idea) {
  return {
    id: idea.id,
    user_id: userId,
    text: idea.text,
    area_id: idea.areaId,
    source: idea.source,
    status: idea.status,
    value: idea.value,
    effort: idea.effort,
    context: idea.context,
    created_at: idea.createdAt,
    updated_at: idea.updatedAt,
    status_changed_at: idea.statusChangedAt,
    session_id: idea.sessionId,
    question_id: idea.questionId,
  };
}
