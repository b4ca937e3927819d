import { ACTIVE_EXPERIMENT_STATES } from '../core/experiments/view.js';
import type { Idea } from '../core/ideas.js';
import { loadSqliteDriver } from './drivers.js';
import { DEFAULT_SQLITE_SYNC, type SqliteSync } from './location.js';
import { ideaToRow } from './rows.js';
import { SCHEMA_VERSION } from './schema-version.js';

export interface AreaBrief {
  id: string;
  name: string;
  archived: boolean;
}

/**
 * The two statements `whet idea` needs, on a SQLite file that is already set up, without loading
 * the query builder: capture is the one command people run many times a day, and Kysely alone
 * costs more start-up time than the whole capture budget. Everything else goes through the
 * repositories. `open` returns undefined when the fast path cannot be used (no file yet, an older
 * schema, a user not yet created) and the caller takes the full path, which sets those up.
 */
export class SqliteCapture {
  private constructor(private readonly db: import('better-sqlite3').Database) {}

  static open(
    path: string,
    userId: string,
    sync: SqliteSync = DEFAULT_SQLITE_SYNC,
  ): SqliteCapture | undefined {
    const Database = loadSqliteDriver();
    let db: import('better-sqlite3').Database;
    try {
      db = new Database(path, { fileMustExist: true });
    } catch {
      return undefined;
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    const ready =
      db.pragma('user_version', { simple: true }) === SCHEMA_VERSION &&
      db.prepare('select 1 from users where id = ?').get(userId) !== undefined;
    if (!ready) {
      db.close();
      return undefined;
    }
    return new SqliteCapture(db);
  }

  /** The area whose id is `id` or whose name key is `nameKey` (an id match wins). */
  findArea(userId: string, id: string, nameKey: string): AreaBrief | undefined {
    const row = this.db
      .prepare(
        `select id, name, archived_at from areas where user_id = ? and (id = ? or name_key = ?)
         order by case when id = ? then 0 else 1 end limit 1`,
      )
      .get(userId, id, nameKey, id) as { id: string; name: string; archived_at: string | null } | undefined;
    return row && { id: row.id, name: row.name, archived: row.archived_at !== null };
  }

  insertIdea(userId: string, idea: Idea): void {
    const row = ideaToRow(userId, idea);
    const columns = Object.keys(row);
    this.db
      .prepare(`insert into ideas (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(row);
  }

  /** The stored record (JSON) of the user's unfinished experiment, for the reminder line. */
  activeExperimentRecord(userId: string): string | undefined {
    // One indexed lookup: experiments_one_active is a unique index on user_id over these states;
    // SQLite uses a partial index only when the query names the same states as literals.
    const states = ACTIVE_EXPERIMENT_STATES.map((state) => `'${state}'`).join(', ');
    const row = this.db
      .prepare(`select record from experiments where user_id = ? and state in (${states}) limit 1`)
      .get(userId) as { record: string } | undefined;
    return row?.record;
  }

  close(): void {
    this.db.close();
  }
}
