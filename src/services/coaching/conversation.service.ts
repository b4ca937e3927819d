import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { outcomesByBooking } from '../../core/coaching/clients.js';
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
import {
  type ConversationRecord,
  conversationMarkdown,
  conversationSummaryMail,
} from '../../core/coaching/conversation-record.js';
import { EndConversationInput, type FollowUp, FollowUpInput } from '../../core/coaching/follow-up.js';
import { CONVERSATION_GUIDE } from '../../core/decks/builtin.js';
import { forbidden, notFound, validationError, WhetstoneError } from '../../core/errors.js';
import { newIdea } from '../../core/ideas.js';
import { parseInput } from '../../core/validation.js';
import { type BookingRecord, BookingRepository } from '../../store/coaching/booking.repository.js';
import { CoachRepository } from '../../store/coaching/coach.repository.js';
import { CoachInsightsRepository } from '../../store/coaching/coach-insights.repository.js';
import {
  ConversationRepository,
  type ConversationRow,
  type ConversationRepository as Conversations,
  cultureAnswerOf,
  guideShownOf,
} from '../../store/coaching/conversation.repository.js';
import type { Store } from '../../store/connect.js';
import { IdeaRepository } from '../../store/idea.repository.js';
import { toIso, toIsoOrNull } from '../../store/rows.js';
import type { Database } from '../../store/schema.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import { hashSecretToken } from '../secret-token.js';
import { memberOf } from '../team/policy.js';
import type { BookingMailer } from './booking-mails.js';
import { BOOK_PATH } from './manage-link.js';

/** Who is in the room: the booking, and whether the caller is its coach or its researcher. */
interface Seat {
  role: RoomRole;
  booking: BookingRecord;
  room: ConversationRow;
  /** Came through the booking's private link, not signed in: may not write into any account. */
  byLink: boolean;
}

/**
 * Who asks: a signed-in member, or the holder of a booking's private link (the researcher before
 * they have an account), who has the researcher's seat in that booking's room only.
 */
export type RoomCaller = Actor | { bookingLink: string };

const byLink = (caller: RoomCaller): caller is { bookingLink: string } => 'bookingLink' in caller;

/**
 * The conversation room of a booking, for its two people only: the coach who was booked and the
 * researcher whose account made (or was matched to) the booking. To anyone else a room does not
 * exist (404). The coach moves the guide, keeps private notes and codes the culture answer; both
 * write the shared notes and propose ideas; only the researcher decides which ideas enter their
 * own log — so a coach can never write into it.
 */
export interface ConversationServiceOptions {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The address people open; links in the summary mail start with it. */
  publicUrl: string;
  /** Null without a mail server: then no summary is mailed. */
  mailer: BookingMailer | null;
}

export const CONVERSATION_PATH = '/conversations';

export class ConversationService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly newId: () => string;

  constructor(private readonly options: ConversationServiceOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.newId = options.newId;
  }

  /** The conversations the actor takes part in, as coach or researcher, earliest first. */
  async list(actor: Actor): Promise<ConversationSummary[]> {
    const { userId, roles } = memberOf(actor);
    const rows = await new BookingRepository(this.store.db).conversationsOf(userId);
    const coaches = new CoachRepository(this.store.db, this.store.engine);
    const names = new Map<string, string>();
    const outcomes = outcomesByBooking(
      await new CoachInsightsRepository(this.store.db).ideaOutcomes({
        bookingIds: rows.map((row) => row.id),
      }),
    );
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
        ideasAccepted: outcomes.get(row.id)?.accepted ?? 0,
        ideasPlanned: outcomes.get(row.id)?.planned ?? 0,
        ideasAdopted: outcomes.get(row.id)?.adopted ?? 0,
      });
    }
    return summaries;
  }

  async room(caller: RoomCaller, bookingId: string): Promise<ConversationRoom> {
    const seat = await this.seat(caller, bookingId);
    return this.view(seat);
  }

  async moveGuide(actor: Actor, bookingId: string, input: unknown): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId, 'coach');
    const { questionId } = parseInput(GuideMoveInput, input);
    if (questionId !== null && !CONVERSATION_GUIDE.questions.some((q) => q.id === questionId))
      throw validationError('questionId', 'is not a question of the guide');
    const shown = guideShownOf(seat.room);
    if (questionId !== null && !shown.includes(questionId)) shown.push(questionId);
    await this.rooms().update(
      bookingId,
      { guide_question_id: questionId, guide_shown: JSON.stringify(shown) },
      this.now(),
    );
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

  /** The follow-up the coach proposes; once the conversation has ended the researcher is mailed. */
  async setFollowUp(actor: Actor, bookingId: string, input: unknown): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId, 'coach');
    const followUp = await this.checkedFollowUp(seat, parseInput(FollowUpInput, input));
    await inTransaction(this.store, async (trx) => {
      const rooms = new ConversationRepository(trx);
      await rooms.update(bookingId, { follow_up: JSON.stringify(followUp) }, this.now());
      const updated = await rooms.get(bookingId);
      if (seat.room.ended_at && updated)
        await this.mailSummary(trx, { ...seat, room: updated }, ['researcher']);
    });
    this.options.mailer?.wake();
    return this.view(await this.seat(actor, bookingId));
  }

  /** Ends the conversation (once): both get the summary, with the follow-up if one is given. */
  async end(actor: Actor, bookingId: string, input: unknown = {}): Promise<ConversationRoom> {
    const seat = await this.seat(actor, bookingId, 'coach');
    const { followUp } = parseInput(EndConversationInput, input ?? {});
    const checked = followUp && (await this.checkedFollowUp(seat, followUp));
    if (!seat.room.ended_at) {
      await inTransaction(this.store, async (trx) => {
        const rooms = new ConversationRepository(trx);
        await rooms.update(
          bookingId,
          { ended_at: this.now(), ...(checked ? { follow_up: JSON.stringify(checked) } : {}) },
          this.now(),
        );
        const ended = await rooms.get(bookingId);
        if (ended) await this.mailSummary(trx, { ...seat, room: ended }, ['coach', 'researcher']);
      });
      this.options.mailer?.wake();
    }
    return this.view(await this.seat(actor, bookingId));
  }

  /** The conversation as Markdown for the caller: the coach's copy has their notes and the code. */
  async exportMarkdown(actor: Actor, bookingId: string): Promise<{ filename: string; markdown: string }> {
    const seat = await this.seat(actor, bookingId);
    const record = await this.record(seat, seat.role === 'coach');
    const coach = await new CoachRepository(this.store.db, this.store.engine).byCoach(seat.booking.coach_id);
    const timeZone =
      seat.role === 'coach' ? (coach?.profile.timeZone ?? 'UTC') : seat.booking.booker_time_zone;
    const day = toIso(seat.booking.start_at).slice(0, 10);
    const other = seat.role === 'coach' ? record.researcherName : record.coachName;
    return {
      filename: `${day} ${record.typeTitle} with ${other}.md`.replace(/[\\/:*?"<>|]/g, '-'),
      markdown: conversationMarkdown(record, timeZone),
    };
  }

  /**
   * Adds one Yjs update of the shared notes. Updates are kept in arrival order; applied in any
   * order they give the same document (that is the CRDT's promise), so two people typing at once
   * lose nothing. The plain text is kept up to date for mail and export.
   */
  async appendNoteUpdate(caller: RoomCaller, id: string, input: unknown): Promise<{ seq: number }> {
    const seat = await this.seat(caller, id);
    const bookingId = seat.booking.id;
    const author = byLink(caller) ? null : caller.userId;
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
      const seq = await rooms.appendNoteUpdate(bookingId, update, author, this.now());
      await rooms.update(
        bookingId,
        { shared_notes_text: doc.getText(SHARED_NOTES_FIELD).toString() },
        this.now(),
      );
      return { seq };
    });
  }

  async noteUpdates(caller: RoomCaller, id: string, after: unknown): Promise<NoteUpdates> {
    const bookingId = (await this.seat(caller, id)).booking.id;
    const from = after === undefined || after === '' ? 0 : Number(after);
    if (!Number.isInteger(from) || from < 0) throw validationError('after', 'must be a whole number ≥ 0');
    const updates = await this.rooms().noteUpdates(bookingId, from);
    return { updates, latestSeq: updates.at(-1)?.seq ?? from };
  }

  async proposeIdea(caller: RoomCaller, id: string, input: unknown): Promise<ConversationIdea> {
    const seat = await this.seat(caller, id);
    const bookingId = seat.booking.id;
    const { text } = parseInput(IdeaProposalInput, input);
    const ideaId = this.newId();
    await this.rooms().insertIdea({
      id: ideaId,
      bookingId,
      text,
      proposedBy: seat.role,
      guideQuestionId: seat.room.guide_question_id,
      at: this.now(),
    });
    return this.requireIdea(bookingId, ideaId);
  }

  /** The researcher accepts an idea: it enters their log (source "conversation") in the same step. */
  async acceptIdea(caller: RoomCaller, id: string, ideaId: string): Promise<ConversationIdea> {
    const seat = await this.seat(caller, id);
    const bookingId = seat.booking.id;
    if (seat.role !== 'researcher')
      throw forbidden('only the researcher decides which ideas go into their log');
    // A link holder is not known to own an account of the booking's address: sign in for that.
    if (seat.byLink && seat.booking.researcher_id !== null)
      throw forbidden('sign in to accept ideas into your inbox');
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
    // Without an account yet the idea is kept as accepted; it enters the log the account starts with.
    const owner = seat.byLink ? null : seat.booking.researcher_id;
    const decided = await inTransaction(this.store, async (trx) => {
      if (
        !(await new ConversationRepository(trx).decideIdea(bookingId, ideaId, {
          status: 'accepted',
          ideaId: owner ? idea.id : null,
          at: now,
        }))
      )
        return false;
      if (owner) await new IdeaRepository(trx, this.store.engine).insert(owner, idea);
      return true;
    });
    if (!decided) throw decidedAlready(await this.requireIdea(bookingId, ideaId));
    return this.requireIdea(bookingId, ideaId);
  }

  async rejectIdea(caller: RoomCaller, id: string, ideaId: string): Promise<ConversationIdea> {
    const seat = await this.seat(caller, id);
    const bookingId = seat.booking.id;
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
      followUp: await this.followUpOf(room, coach?.profile.handle),
    };
  }

  private async followUpOf(
    room: ConversationRow,
    handle: string | undefined,
    db: Kysely<Database> = this.store.db,
  ): Promise<FollowUp | null> {
    if (!room.follow_up || !handle) return null;
    const stored = JSON.parse(room.follow_up) as FollowUpInput;
    const type = await new CoachRepository(db, this.store.engine).typeBySlug(room.coach_id, stored.typeSlug);
    return {
      typeSlug: stored.typeSlug,
      typeTitle: type?.title ?? stored.typeSlug,
      bookUrl: new URL(`${BOOK_PATH}/${handle}/${stored.typeSlug}`, this.options.publicUrl).toString(),
      starts: stored.starts,
      note: stored.note ?? '',
    };
  }

  /** A follow-up of one of the coach's own active types, at times still ahead. */
  private async checkedFollowUp(seat: Seat, followUp: FollowUpInput): Promise<FollowUpInput> {
    const type = await new CoachRepository(this.store.db, this.store.engine).typeBySlug(
      seat.booking.coach_id,
      followUp.typeSlug,
    );
    if (!type?.active) throw validationError('typeSlug', 'is not one of your active conversation types');
    const starts = followUp.starts.map(toIso);
    starts.forEach((start, i) => {
      if (start <= this.now()) throw validationError(`starts.${i}`, 'has passed');
    });
    return { ...followUp, starts };
  }

  /**
   * What the conversation leaves behind: notes, ideas, plans made from them, the follow-up. Reads
   * through `db`: inside a transaction pass it (SQLite has one connection; others would wait).
   */
  private async record(
    seat: Seat,
    forCoach: boolean,
    db: Kysely<Database> = this.store.db,
  ): Promise<ConversationRecord> {
    const { booking, room } = seat;
    const rooms = new ConversationRepository(db);
    const coach = await new CoachRepository(db, this.store.engine).byCoach(booking.coach_id);
    const ideas = await rooms.ideas(booking.id);
    const acceptedIds = ideas.flatMap((idea) => (idea.ideaId ? [idea.ideaId] : []));
    return {
      typeTitle: booking.type_title,
      coachName: coach?.profile.displayName ?? '',
      researcherName: booking.booker_name,
      start: toIso(booking.start_at),
      end: toIso(booking.end_at),
      sharedNotes: room.shared_notes_text,
      ideas,
      plans: booking.researcher_id ? await rooms.plansFrom(booking.researcher_id, acceptedIds) : [],
      followUp: await this.followUpOf(room, coach?.profile.handle, db),
      ...(forCoach
        ? {
            coachNotes: room.coach_notes,
            culture: { answer: cultureAnswerOf(room), note: room.culture_note ?? '' },
          }
        : {}),
    };
  }

  private async mailSummary(trx: Kysely<Database>, seat: Seat, to: readonly RoomRole[]): Promise<void> {
    const mailer = this.options.mailer;
    if (!mailer) return;
    const record = await this.record(seat, false, trx);
    const link = new URL(`${CONVERSATION_PATH}/${seat.booking.id}`, this.options.publicUrl).toString();
    const coach = await new CoachRepository(trx, this.store.engine).byCoach(seat.booking.coach_id);
    const account = await new AccountRepository(trx, this.store.engine).byId(seat.booking.coach_id);
    if (to.includes('researcher'))
      await mailer.enqueue(
        conversationSummaryMail(
          record,
          {
            email: seat.booking.booker_email,
            name: seat.booking.booker_name,
            timeZone: seat.booking.booker_time_zone,
            role: 'researcher',
          },
          link,
        ),
        trx,
      );
    if (to.includes('coach') && account)
      await mailer.enqueue(
        conversationSummaryMail(
          record,
          {
            email: account.email,
            name: record.coachName,
            timeZone: coach?.profile.timeZone ?? 'UTC',
            role: 'coach',
          },
          link,
        ),
        trx,
      );
  }

  /** The caller's seat in the room; 404 for anyone but its two people, 403 for the wrong one. */
  private async seat(caller: RoomCaller, bookingId: string, needs?: RoomRole): Promise<Seat> {
    const { booking, role } = await this.whoIs(caller, bookingId);
    if (!booking || !role || booking.status !== 'confirmed') throw notFound('conversation', bookingId);
    if (needs && role !== needs) throw forbidden(`only the ${needs} of this conversation may do this`);
    const rooms = this.rooms();
    // The room's row is made the first time either of them opens it.
    if (!(await rooms.get(booking.id)))
      await rooms.ensure({
        bookingId: booking.id,
        coachId: booking.coach_id,
        researcherId: booking.researcher_id,
        at: this.now(),
      });
    const room = await rooms.get(booking.id);
    if (!room) throw notFound('conversation', bookingId);
    return { role, booking, room, byLink: byLink(caller) };
  }

  /** The booking the caller means and their seat in it, if any. */
  private async whoIs(
    caller: RoomCaller,
    bookingId: string,
  ): Promise<{ booking: BookingRecord | undefined; role: RoomRole | undefined }> {
    const bookings = new BookingRepository(this.store.db);
    if (byLink(caller)) {
      const valid = /^[A-Za-z0-9_-]{20,100}$/.test(caller.bookingLink);
      const booking = valid
        ? await bookings.byManageTokenHash(hashSecretToken(caller.bookingLink))
        : undefined;
      return { booking, role: booking ? 'researcher' : undefined };
    }
    const member = memberOf(caller);
    const booking = await bookings.find(bookingId);
    const role: RoomRole | undefined =
      booking === undefined
        ? undefined
        : booking.coach_id === member.userId && member.roles.includes('coach')
          ? 'coach'
          : booking.researcher_id === member.userId
            ? 'researcher'
            : undefined;
    return { booking, role };
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
