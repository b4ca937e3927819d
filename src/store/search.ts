import { type Expression, type SqlBool, sql } from 'kysely';
import type { Engine } from './schema.js';

/** Words of a search query; punctuation is dropped so no query syntax reaches the engine. */
export function searchTerms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * A condition "the idea matches every term, each as a word prefix" for the engine at hand:
 * SQLite's FTS5 index, or PostgreSQL's tsvector column. Both stem English words.
 */
export function ideaMatches(engine: Engine, terms: readonly string[]): Expression<SqlBool> {
  if (engine === 'postgres') {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    return sql<SqlBool>`ideas.search @@ to_tsquery('english', ${tsquery})`;
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  return sql<SqlBool>`ideas.seq in (select rowid from ideas_fts where ideas_fts match ${match})`;
}
