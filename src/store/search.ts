import { type Expression, type SqlBool, sql } from 'kysely';
import { stemmer } from 'stemmer';
import type { Engine } from './schema.js';

/**
 * Words of a search query, lower-cased and without accents (both indexes fold them too);
 * punctuation is dropped so no query syntax reaches the engine.
 */
export function searchTerms(query: string): string[] {
  const folded = query.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * A condition "the idea matches every term, each as a word prefix (as typed or stemmed)" for
 * the engine at hand: SQLite's FTS5 index, or PostgreSQL's tsvector column.
 */
export function ideaMatches(engine: Engine, terms: readonly string[]): Expression<SqlBool> {
  if (engine === 'postgres') {
    // Each term matches as written or stemmed; a stop word's stemmed query is empty, and an
    // empty tsquery OR-ed with the other leaves the as-written one.
    const each = terms.map(
      (t) => sql`(to_tsquery('simple', ${`${t}:*`}) || to_tsquery('english', ${`${t}:*`}))`,
    );
    return sql<SqlBool>`ideas.search @@ (${sql.join(each, sql` && `)})`;
  }
  // "working" also looks for words starting with its stem "work"; terms are letters and digits
  // only, so quoting them is enough to keep FTS5 syntax out.
  const match = terms
    .map((t) => {
      const stem = stemmer(t);
      return stem && stem !== t ? `("${t}"* OR "${stem}"*)` : `"${t}"*`;
    })
    .join(' AND ');
  return sql<SqlBool>`ideas.seq in (select rowid from ideas_fts where ideas_fts match ${match})`;
}
