import type { Kysely } from 'kysely';
import type { IdeaStatus } from '../core/idea-status.js';
import type { Idea, IdeaSource } from '../core/ideas.js';
import { decodeCursor, encodeCursor, type ListCursor } from './cursor.js';
import { ideaToRow, mapIdeaRow } from './rows.js';
import type { Database, Engine } from './schema.js';
import { ideaMatches, searchTerms } from './search.js';

export interface IdeaFilter {
  areaId?: string | undefined;
  /** Only ideas of these areas (a coach's grant limited to some areas). */
  areaIds?: readonly string[] | undefined;
  source?: IdeaSource | undefined;
  status?: IdeaStatus | undefined;
  search?: string | undefined;
  /** ISO timestamp; only ideas captured at or after it. */
  since?: string | undefined;
}

type Db = Kysely<Database>;

export interface CreatedBetweenOptions {
  /** Leave out ideas captured in a focused session. */
  outsideSessions?: boolean;
}

/** Queries over one user's ideas. Every method is scoped by `userId`. */
export class IdeaRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  withTransaction(trx: Kysely<Database>): IdeaRepository {
    return new IdeaRepository(trx, this.engine);
  }

  async insert(userId: string, idea: Idea): Promise<void> {
    await this.db.insertInto('ideas').values(ideaToRow(userId, idea)).execute();
  }

  async replace(userId: string, idea: Idea): Promise<void> {
    const { id: _id, user_id: _user, ...row } = ideaToRow(userId, idea);
    await this.db
      .updateTable('ideas')
      .set(row)
      .where('user_id', '=', userId)
      .where('id', '=', idea.id)
      .execute();
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('ideas')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findById(userId: string, id: string): Promise<Idea | undefined> {
    const row = await this.db
      .selectFrom('ideas')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? mapIdeaRow(row) : undefined;
  }

  /** Ids of this user's ideas that start with `prefix` (at most `limit`), for short ids in the CLI. */
  async idsWithPrefix(userId: string, prefix: string, limit = 5): Promise<string[]> {
    const rows = await this.db
      .selectFrom('ideas')
      .select('id')
      .where('user_id', '=', userId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\u{10FFFF}`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Does an idea with this id exist for any user? Ids are global, so imports must not collide. */
  async existsForAnotherUser(userId: string, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('ideas')
      .select('user_id')
      .where('id', '=', id)
      .where('user_id', '!=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One page, newest first, continuing after `cursor`. */
  async list(
    userId: string,
    filter: IdeaFilter,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Idea[]; nextCursor: string | null }> {
    let query = this.db.selectFrom('ideas').selectAll().where('user_id', '=', userId);
    if (filter.areaId) query = query.where('area_id', '=', filter.areaId);
    if (filter.areaIds) query = query.where('area_id', 'in', filter.areaIds.length ? filter.areaIds : ['']);
    if (filter.source) query = query.where('source', '=', filter.source);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.since) query = query.where('created_at', '>=', filter.since);
    if (filter.search) {
      const terms = searchTerms(filter.search);
      if (terms.length > 0) query = query.where(ideaMatches(this.engine, terms));
    }
    if (cursor) {
      const after: ListCursor = decodeCursor(cursor);
      // A row-value comparison lets both engines seek the (created_at, id) index directly.
      query = query.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(mapIdeaRow);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
    return { items, nextCursor };
  }

  /** The ideas captured in one focused session, in the order they were written. */
  async listBySession(userId: string, sessionId: string): Promise<Idea[]> {
    const rows = await this.db
      .selectFrom('ideas')
      .selectAll()
      .where('user_id', '=', userId)
      .where('session_id', '=', sessionId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(mapIdeaRow);
  }

  /** Every idea of the user, oldest first (exports and backups). */
  async listAll(userId: string): Promise<Idea[]> {
    const rows = await this.db
      .selectFrom('ideas')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(mapIdeaRow);
  }

  /** Ideas captured in [from, to), oldest first: the ideas of an experiment phase. */
  async listCreatedBetween(
    userId: string,
    from: string,
    to: string,
    options: CreatedBetweenOptions = {},
  ): Promise<Idea[]> {
    const rows = await this.createdBetween(userId, from, to, options)
      .selectAll()
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(mapIdeaRow);
  }

  /** How many ideas were captured in [from, to): the same window as listCreatedBetween. */
  async countCreatedBetween(
    userId: string,
    from: string,
    to: string,
    options: CreatedBetweenOptions = {},
  ): Promise<number> {
    const row = await this.createdBetween(userId, from, to, options)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The user's ideas captured at or after `from` and before `to`. */
  private createdBetween(userId: string, from: string, to: string, options: CreatedBetweenOptions) {
    const query = this.db
      .selectFrom('ideas')
      .where('user_id', '=', userId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    return options.outsideSessions ? query.where('session_id', 'is', null) : query;
  }
}
