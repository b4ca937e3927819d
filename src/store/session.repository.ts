import type { Kysely, Selectable } from 'kysely';
import type { SessionQuestion, SessionRecord, SessionState } from '../core/sessions/session.js';
import { toFlag, toIso, toIsoOrNull } from './rows.js';
import type { Database, Engine, SessionsTable } from './schema.js';

type Db = Kysely<Database>;

function mapSessionRow(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    deckId: row.deck_id,
    state: row.state as SessionState,
    plannedMs: Number(row.planned_ms),
    addedMs: Number(row.added_ms),
    startedAt: toIso(row.started_at),
    pausedAt: toIsoOrNull(row.paused_at),
    pausedMs: Number(row.paused_ms),
    endedAt: toIsoOrNull(row.ended_at),
    queue: JSON.parse(row.queue) as string[],
    seed: row.seed,
    areas: JSON.parse(row.areas) as string[],
    position: Number(row.position),
    positionEnteredMs: Number(row.position_entered_ms),
    note: row.note,
  };
}

function toSessionRow(session: SessionRecord, now: string) {
  return {
    deck_id: session.deckId,
    state: session.state,
    planned_ms: session.plannedMs,
    added_ms: session.addedMs,
    started_at: session.startedAt,
    paused_at: session.pausedAt,
    paused_ms: session.pausedMs,
    ended_at: session.endedAt,
    queue: JSON.stringify(session.queue),
    seed: session.seed,
    areas: JSON.stringify(session.areas),
    position: session.position,
    position_entered_ms: session.positionEnteredMs,
    note: session.note,
    updated_at: now,
  };
}

/** Per-question figures across a user's sessions. */
export interface QuestionStatRow {
  questionId: string;
  text: string;
  shown: number;
  ideas: number;
  rated: number;
  valueSum: number;
}

/** Sessions and the questions they showed; every method is scoped by `userId`. */
export class SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  withTransaction(trx: Db): SessionRepository {
    return new SessionRepository(trx, this.engine);
  }

  async insert(userId: string, session: SessionRecord, now: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, user_id: userId, ...toSessionRow(session, now) })
      .execute();
  }

  async update(userId: string, session: SessionRecord, now: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set(toSessionRow(session, now))
      .where('user_id', '=', userId)
      .where('id', '=', session.id)
      .execute();
  }

  async findById(userId: string, id: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? mapSessionRow(row) : undefined;
  }

  /** The user's running, paused or unrated session, if any. */
  async findActive(userId: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('state', 'in', ['running', 'paused', 'rating'])
      .executeTakeFirst();
    return row ? mapSessionRow(row) : undefined;
  }

  /** Newest first. */
  async list(userId: string, limit: number): Promise<SessionRecord[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(mapSessionRow);
  }

  async putQuestion(sessionId: string, question: SessionQuestion): Promise<void> {
    const values = {
      question_id: question.questionId,
      text: question.text,
      spent_ms: question.spentMs,
      skipped: toFlag(this.engine, question.skipped),
    };
    await this.db
      .insertInto('session_questions')
      .values({ session_id: sessionId, position: question.position, ...values })
      .onConflict((oc) => oc.columns(['session_id', 'position']).doUpdateSet(values))
      .execute();
  }

  async questions(sessionId: string): Promise<SessionQuestion[]> {
    const rows = await this.db
      .selectFrom('session_questions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      position: Number(row.position),
      questionId: row.question_id,
      text: row.text,
      spentMs: Number(row.spent_ms),
      skipped: Boolean(row.skipped),
    }));
  }

  /** Question ids shown in the user's last `sessions` sessions, most recent first. */
  async recentlyShown(userId: string, sessions: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('session_questions as q')
      .innerJoin('sessions as s', 's.id', 'q.session_id')
      .select(['q.question_id'])
      .where('s.id', 'in', (eb) =>
        eb
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', userId)
          .orderBy('started_at', 'desc')
          .limit(sessions),
      )
      .orderBy('s.started_at', 'desc')
      .orderBy('q.position', 'desc')
      .execute();
    return [...new Set(rows.map((r) => r.question_id))];
  }

  /** How often each question was shown, and how many (and how valuable) ideas it prompted. */
  async questionStats(userId: string): Promise<QuestionStatRow[]> {
    const shown = await this.db
      .selectFrom('session_questions as q')
      .innerJoin('sessions as s', 's.id', 'q.session_id')
      .select((eb) => ['q.question_id', eb.fn.max('q.text').as('text'), eb.fn.countAll<number>().as('shown')])
      .where('s.user_id', '=', userId)
      .groupBy('q.question_id')
      .execute();
    const ideas = await this.db
      .selectFrom('ideas')
      .select((eb) => [
        'question_id',
        eb.fn.countAll<number>().as('ideas'),
        eb.fn.count<number>('value').as('rated'),
        eb.fn.sum<number>('value').as('value_sum'),
      ])
      .where('user_id', '=', userId)
      .where('question_id', 'is not', null)
      .groupBy('question_id')
      .execute();
    const byQuestion = new Map(ideas.map((row) => [row.question_id, row]));
    return shown.map((row) => {
      const produced = byQuestion.get(row.question_id);
      return {
        questionId: row.question_id,
        text: String(row.text),
        shown: Number(row.shown),
        ideas: Number(produced?.ideas ?? 0),
        rated: Number(produced?.rated ?? 0),
        valueSum: Number(produced?.value_sum ?? 0),
      };
    });
  }
}
