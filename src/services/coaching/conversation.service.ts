import * as Y from 'yjs';
import {
  CoachNotesInput,
  type ConversationIdea,
  type ConversationRoom,
  type ConversationSummary,
  CultureAnswerInput,
  GuideMoveInput,
  IdeaProposalInput,
  NoteUpdateInput,
  type NoteUpdates,
  type RoomRole,
  SHARED_NOTES_FIELD,
} from '../../core/coaching/conversation.js';
import { CONVERSATION_GUIDE } from '../../core/decks/builtin.js';
import { forbidden, notFound, validationError, WhetstoneError } from '../../core/errors.js';
import { newIdea } from '../../core/ideas.js';
import { parseInput } from '../../core/validation.js';
import { type BookingRecord, BookingRepository } from '../../store/coaching/booking.repository.js';
import { CoachRepository } from '../../store/coaching/coach.repository.js';
import {
  ConversationRepository,
  type ConversationRow,
  type ConversationRepository as Conversations,
  cultureAnswerOf,
} from '../../store/coaching/conversation.repository.js';
import type { Store } from '../../store/connect.js';
import { IdeaRepository } from '../../store/idea.repository.js';
import { toIso, toIsoOrNull } from '../../store/rows.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import { memberOf } from '../team/policy.js';

/** Who is in the room: the booking, and whether the caller is its coach or its researcher. */
interface Seat {
  role: RoomRole;
  booking: BookingRecord;
  room: ConversationRow;
}

/**
 * The conversation room of a booking, for its two people only: the coach who was booked and the
 * researcher whose account made (or was matched to) the booking. To anyone else a room does not
 * exist (404). The coach moves the guide, keeps private notes and codes the culture answer; both
 * write the shared notes and propose ideas; only the researcher decides which ideas enter their
 * own log — so a coach can never write into it.
 */
export class ConversationService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** The conversations the actor takes part in, as coach or researcher, earliest first. */
  async list(actor: Actor): Promise<ConversationSummary[]> {
    const { userId, roles } = memberOf(actor);
    const rows = await new BookingRepository(this.store.db).conversationsOf(userId);
    const coaches = new CoachRepository(this.store.db, this.store.engine);
    const names = new Map<string, string>();
    const summaries: ConversationSummary[] = [];
    for (const row of rows) {
      const asCoach = row.coach_id === userId && roles.includes('coach');
      if (!asCoach && row.researcher_id !== userId) continue;
      if (!asCoach && !names.has(row.coach_id))
        names.set(row.coach_id, (await coaches.byCoach(row.coach_id))?.profile.displayName ?? '');
      summaries.push({
        bookingId: row.id,
        role: asCoach ? 'coach' : 'researcher',
        with: asCoach ? row.booker_name : (names.get(row.coach_id) ?? ''),
        type: { title: row.type_title, durationMinutes: Number(row.type_duration_minutes) },
        start: toIso(row.start_at),
        end: toIso(row.end_at),
        endedAt: toIsoOrNull(row.ended_at),
        ideasAccepted: row.accepted,
      });
    }
    return summaries;
  }

  async room(actor: Actor, bookingId: string): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId);
    return this.view(seat);
  }

  async moveGuide(actor: Actor, bookingId: string, input: unknown): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId, 'coach');
    const { questionId } = parseInput(GuideMoveInput, input);
    if (questionId !== null && !CONVERSATION_GUIDE.questions.some((q) => q.id === questionId))
      throw validationError('questionId', 'is not a question of the guide');
    await this.rooms().update(bookingId, { guide_question_id: questionId }, this.now());
    return this.view(await this.seat(actor, bookingId, 'coach'), seat.role);
  }

  async setCoachNotes(actor: Actor, bookingId: string, input: unknown): Promise<{ text: string }> {
    await this.seat(actor, bookingId, 'coach');
    const { text } = parseInput(CoachNotesInput, input);
    await this.rooms().update(bookingId, { coach_notes: text }, this.now());
    return { text };
  }

  async setCulture(actor: Actor, bookingId: string, input: unknown): Promise<ConversationRoom['culture']> {
    await this.seat(actor, bookingId, 'coach');
    const { answer, note = '' } = parseInput(CultureAnswerInput, input);
    await this.rooms().update(bookingId, { culture_answer: answer, culture_note: note }, this.now());
    return { answer, note };
  }

  async end(actor: Actor, bookingId: string): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId, 'coach');
    if (!seat.room.ended_at) await this.rooms().update(bookingId, { ended_at: this.now() }, this.now());
    return this.view(await this.seat(actor, bookingId));
  }

  /**
   * Adds one Yjs update of the shared notes. Updates are kept in arrival order; applied in any
   * order they give the same document (that is the CRDT's promise), so two people typing at once
   * lose nothing. The plain text is kept up to date for mail and export.
   */
  async appendNoteUpdate(actor: Actor, bookingId: string, input: unknown): Promise<{ seq: number }> {
    await this.seat(actor, bookingId);
    const { update } = parseInput(NoteUpdateInput, input);
    return inTransaction(this.store, async (trx) => {
      const rooms = new ConversationRepository(trx);
      await rooms.lockRoom(bookingId, this.store.engine);
      const doc = documentOf(await rooms.noteUpdates(bookingId));
      try {
        Y.applyUpdate(doc, Buffer.from(update, 'base64'));
      } catch {
        throw validationError('update', 'is not a Yjs update');
      }
      const seq = await rooms.appendNoteUpdate(bookingId, update, actor.userId, this.now());
      await rooms.update(
        bookingId,
        { shared_notes_text: doc.getText(SHARED_NOTES_FIELD).toString() },
        this.now(),
      );
      return { seq };
    });
  }

  async noteUpdates(actor: Actor, bookingId: string, after: unknown): Promise<NoteUpdates> {
    await this.seat(actor, bookingId);
    const from = after === undefined || after === '' ? 0 : Number(after);
    if (!Number.isInteger(from) || from < 0) throw validationError('after', 'must be a whole number ≥ 0');
    const updates = await this.rooms().noteUpdates(bookingId, from);
    return { updates, latestSeq: updates.at(-1)?.seq ?? from };
  }

  async proposeIdea(actor: Actor, bookingId: string, input: unknown): Promise<ConversationIdea> {
    const seat = await this.seat(actor, bookingId);
    const { text } = parseInput(IdeaProposalInput, input);
    const id = this.newId();
    await this.rooms().insertIdea({
      id,
      bookingId,
      text,
      proposedBy: seat.role,
      guideQuestionId: seat.room.guide_question_id,
      at: this.now(),
    });
    return this.requireIdea(bookingId, id);
  }

  /** The researcher accepts an idea: it enters their log (source "conversation") in the same step. */
  async acceptIdea(actor: Actor, bookingId: string, ideaId: string): Promise<ConversationIdea> {
    const seat = await this.seat(actor, bookingId);
    if (seat.role !== 'researcher')
      throw forbidden('only the researcher decides which ideas go into their log');
    const proposal = await this.requireIdea(bookingId, ideaId);
    const now = this.now();
    const coach = await new CoachRepository(this.store.db, this.store.engine).byCoach(seat.booking.coach_id);
    const idea = newIdea(
      {
        text: proposal.text,
        source: 'conversation',
        context: `From a ${seat.booking.type_title} with ${coach?.profile.displayName ?? 'your coach'}`,
      },
      this.newId(),
      now,
    );
    const decided = await inTransaction(this.store, async (trx) => {
      if (
        !(await new ConversationRepository(trx).decideIdea(bookingId, ideaId, {
          status: 'accepted',
          ideaId: idea.id,
          at: now,
        }))
      )
        return false;
      await new IdeaRepository(trx, this.store.engine).insert(actor.userId, idea);
      return true;
    });
    if (!decided) throw decidedAlready(await this.requireIdea(bookingId, ideaId));
    return this.requireIdea(bookingId, ideaId);
  }

  async rejectIdea(actor: Actor, bookingId: string, ideaId: string): Promise<ConversationIdea> {
    const seat = await this.seat(actor, bookingId);
    if (seat.role !== 'researcher') throw forbidden('only the researcher decides about proposed ideas');
    await this.requireIdea(bookingId, ideaId);
    const done = await this.rooms().decideIdea(bookingId, ideaId, {
      status: 'rejected',
      ideaId: null,
      at: this.now(),
    });
    if (!done) throw decidedAlready(await this.requireIdea(bookingId, ideaId));
    return this.requireIdea(bookingId, ideaId);
  }

  private async view(seat: Seat, role: RoomRole = seat.role): Promise<ConversationRoom> {
    const { booking, room } = seat;
    const coach = await new CoachRepository(this.store.db, this.store.engine).byCoach(booking.coach_id);
    const rooms = this.rooms();
    const isCoach = role === 'coach';
    return {
      bookingId: booking.id,
      role,
      coach: { name: coach?.profile.displayName ?? '' },
      researcher: { name: booking.booker_name },
      type: { title: booking.type_title, durationMinutes: Number(booking.type_duration_minutes) },
      start: toIso(booking.start_at),
      end: toIso(booking.end_at),
      location: booking.location,
      endedAt: toIsoOrNull(room.ended_at),
      guide: {
        deckId: CONVERSATION_GUIDE.id,
        questions: CONVERSATION_GUIDE.questions.map(({ id, text }) => ({ id, text })),
        currentQuestionId: room.guide_question_id,
      },
      coachNotes: isCoach ? room.coach_notes : null,
      sharedNotes: { text: room.shared_notes_text, seq: await rooms.latestSeq(booking.id) },
      ideas: await rooms.ideas(booking.id),
      culture: isCoach ? { answer: cultureAnswerOf(room), note: room.culture_note ?? '' } : null,
    };
  }

  /** The caller's seat in the room; 404 for anyone but its two people, 403 for the wrong one. */
  private async seat(actor: Actor, bookingId: string, needs?: RoomRole): Promise<Seat> {
    const member = memberOf(actor);
    const booking = await new BookingRepository(this.store.db).find(bookingId);
    const role: RoomRole | undefined =
      booking === undefined
        ? undefined
        : booking.coach_id === member.userId && member.roles.includes('coach')
          ? 'coach'
          : booking.researcher_id === member.userId
            ? 'researcher'
            : undefined;
    if (!booking || !role || booking.status !== 'confirmed') throw notFound('conversation', bookingId);
    if (needs && role !== needs) throw forbidden(`only the ${needs} of this conversation may do this`);
    const rooms = this.rooms();
    // The room's row is made the first time either of them opens it.
    if (!(await rooms.get(bookingId)))
      await rooms.ensure({
        bookingId,
        coachId: booking.coach_id,
        researcherId: booking.researcher_id,
        at: this.now(),
      });
    const room = await rooms.get(bookingId);
    if (!room) throw notFound('conversation', bookingId);
    return { role, booking, room };
  }

  private async requireIdea(bookingId: string, id: string): Promise<ConversationIdea> {
    const idea = await this.rooms().idea(bookingId, id);
    if (!idea) throw notFound('proposed idea', id);
    return idea;
  }

  private rooms(): Conversations {
    return new ConversationRepository(this.store.db);
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

/** The shared notes as a Yjs document, from its updates. */
function documentOf(updates: readonly { update: string }[]): Y.Doc {
  const doc = new Y.Doc();
  for (const { update } of updates) Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  return doc;
}

const decidedAlready = (idea: ConversationIdea) =>
  new WhetstoneError('conflict', `this idea was ${idea.status} already`);
