import type { Kysely, Selectable } from 'kysely';
import type { ConversationIdea, ConversationIdeaStatus, RoomRole } from '../../core/coaching/conversation.js';
import type { CultureAnswer } from '../../core/culture/answers.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { ConversationIdeasTable, ConversationsTable, Database, Engine } from '../schema.js';

type Db = Kysely<Database>;

export type ConversationRow = Selectable<ConversationsTable>;

/**
 * The room of a booked conversation, keyed by its booking: guide position, notes, the shared
 * notes' Yjs updates in order, and the ideas tray. Who may touch which is the service's to decide.
 */
export class ConversationRepository {
  constructor(private readonly db: Db) {}

  /** The room's row, made on first opening. */
  async ensure(room: { bookingId: string; coachId: string; researcherId: string | null; at: string }) {
    await this.db
      .insertInto('conversations')
      .values({
        booking_id: room.bookingId,
        coach_id: room.coachId,
        researcher_id: room.researcherId,
        started_at: null,
        ended_at: null,
        guide_question_id: null,
        coach_notes: '',
        shared_notes_text: '',
        culture_answer: null,
        culture_note: null,
        follow_up: null,
        updated_at: room.at,
      })
      .onConflict((oc) => oc.column('booking_id').doNothing())
      .execute();
  }

  async get(bookingId: string): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
  }

  async update(
    bookingId: string,
    changes: {
      guide_question_id?: string | null;
      coach_notes?: string;
      shared_notes_text?: string;
      culture_answer?: CultureAnswer | null;
      culture_note?: string | null;
      ended_at?: string;
      follow_up?: string | null;
      guide_shown?: string;
    },
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set({ ...changes, updated_at: at })
      .where('booking_id', '=', bookingId)
      .execute();
  }

  /**
   * Inside a transaction: makes other writers of this room's shared notes wait until it ends, so
   * each one's plain text includes every earlier update. (SQLite's BEGIN IMMEDIATE already has
   * one writer at a time; PostgreSQL needs the row lock.)
   */
  async lockRoom(bookingId: string, engine: Engine): Promise<void> {
    if (engine !== 'postgres') return;
    await this.db
      .selectFrom('conversations')
      .select('booking_id')
      .where('booking_id', '=', bookingId)
      .forUpdate()
      .execute();
  }

  /** Appends one shared-notes update; returns its place in the order. */
  async appendNoteUpdate(
    bookingId: string,
    update: string,
    authorId: string | null,
    at: string,
  ): Promise<number> {
    const row = await this.db
      .insertInto('conversation_note_updates')
      .values({ booking_id: bookingId, update, author_id: authorId, created_at: at })
      .returning('seq')
      .executeTakeFirstOrThrow();
    return Number(row.seq);
  }

  /** The updates after `after`, in order. */
  async noteUpdates(bookingId: string, after = 0): Promise<{ seq: number; update: string }[]> {
    const rows = await this.db
      .selectFrom('conversation_note_updates')
      .select(['seq', 'update'])
      .where('booking_id', '=', bookingId)
      .where('seq', '>', after)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), update: row.update }));
  }

  async latestSeq(bookingId: string): Promise<number> {
    const row = await this.db
      .selectFrom('conversation_note_updates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** Titles of the plans `userId` made from any of `ideaIds`, oldest first. */
  async plansFrom(userId: string, ideaIds: readonly string[]): Promise<{ title: string }[]> {
    if (ideaIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('plan_ideas')
      .innerJoin('plans', 'plans.id', 'plan_ideas.plan_id')
      .select(['plans.id', 'plans.record'])
      .where('plan_ideas.user_id', '=', userId)
      .where('plans.user_id', '=', userId)
      .where('plan_ideas.idea_id', 'in', [...ideaIds])
      .orderBy('plans.created_at')
      .execute();
    const seen = new Set<string>();
    return rows.flatMap((row) => {
      if (seen.has(row.id)) return [];
      seen.add(row.id);
      return [{ title: String((JSON.parse(row.record) as { title?: unknown }).title ?? '') }];
    });
  }

  async insertIdea(idea: {
    id: string;
    bookingId: string;
    text: string;
    proposedBy: RoomRole;
    guideQuestionId: string | null;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('conversation_ideas')
      .values({
        id: idea.id,
        booking_id: idea.bookingId,
        text: idea.text,
        proposed_by: idea.proposedBy,
        guide_question_id: idea.guideQuestionId,
        status: 'proposed',
        idea_id: null,
        created_at: idea.at,
        decided_at: null,
      })
      .execute();
  }

  async ideas(bookingId: string): Promise<ConversationIdea[]> {
    const rows = await this.db
      .selectFrom('conversation_ideas')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(mapIdea);
  }

  async idea(bookingId: string, id: string): Promise<ConversationIdea | undefined> {
    const row = await this.db
      .selectFrom('conversation_ideas')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && mapIdea(row);
  }

  /** Ideas accepted in `researcherId`'s rooms before they had an account (none in a log yet). */
  async acceptedWithoutIdea(
    researcherId: string,
  ): Promise<{ id: string; text: string; typeTitle: string }[]> {
    return this.db
      .selectFrom('conversation_ideas as ci')
      .innerJoin('bookings as b', 'b.id', 'ci.booking_id')
      .innerJoin('conversation_types as t', 't.id', 'b.type_id')
      .select(['ci.id', 'ci.text', 't.title as typeTitle'])
      .where('b.researcher_id', '=', researcherId)
      .where('ci.status', '=', 'accepted')
      .where('ci.idea_id', 'is', null)
      .orderBy('ci.created_at')
      .execute();
  }

  async setIdeaId(id: string, ideaId: string): Promise<void> {
    await this.db.updateTable('conversation_ideas').set({ idea_id: ideaId }).where('id', '=', id).execute();
  }

  /** Decides a proposed idea; false when it was decided already (by a racing request). */
  async decideIdea(
    bookingId: string,
    id: string,
    decision: { status: Exclude<ConversationIdeaStatus, 'proposed'>; ideaId: string | null; at: string },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('conversation_ideas')
      .set({ status: decision.status, idea_id: decision.ideaId, decided_at: decision.at })
      .where('booking_id', '=', bookingId)
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function mapIdea(row: Selectable<ConversationIdeasTable>): ConversationIdea {
  return {
    id: row.id,
    text: row.text,
    proposedBy: row.proposed_by as RoomRole,
    guideQuestionId: row.guide_question_id,
    status: row.status as ConversationIdeaStatus,
    ideaId: row.idea_id,
    createdAt: toIso(row.created_at),
    decidedAt: toIsoOrNull(row.decided_at),
  };
}

/** The guide questions a room has been to. */
export const guideShownOf = (row: ConversationRow): string[] => JSON.parse(row.guide_shown) as string[];

export const cultureAnswerOf = (row: ConversationRow): CultureAnswer | null =>
  row.culture_answer as CultureAnswer | null;
