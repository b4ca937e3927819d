import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely prepares every query afresh; an API that runs the same few statements thousands of
 * times spends much of its time there. This keeps the most recently used prepared statements,
 * keyed by their SQL text. Safe because Kysely runs one query at a time on its SQLite connection
 * and Whetstone never streams results, so a cached statement is never busy when reused.
 */
export function withStatementCache(db: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Re-insert to mark it most recently used (a Map iterates in insertion order).
        cache.delete(sql);
      } else {
        statement = db.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
