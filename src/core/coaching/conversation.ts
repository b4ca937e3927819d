import * as z from 'zod/mini';
import { CULTURE_ANSWERS } from '../culture/answers.js';
import { IdeaText } from '../ideas.js';
import { listOf } from '../list.js';
import { trimmedText } from '../text.js';
import { FollowUp } from './follow-up.js';
import '../schema-messages.js';

/**
 * The conversation room of a booking: the guide's current question, the coach's private notes,
 * the shared notes (a Yjs document kept as its updates), the ideas tray and the coded answer to
 * "How do you get better at research at the moment?".
 */

export const ROOM_ROLES = ['coach', 'researcher'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export const CONVERSATION_IDEA_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type ConversationIdeaStatus = (typeof CONVERSATION_IDEA_STATUSES)[number];

export { SHARED_NOTES_FIELD } from './limits.js';
/** One update's base64 text; a keystroke is a few dozen bytes, a paste a few kilobytes. */
export const NOTE_UPDATE_MAX = 200_000;
export const COACH_NOTES_MAX = 20_000;

export const ConversationIdea = z.object({
  id: z.string(),
  text: z.string(),
  proposedBy: z.enum(ROOM_ROLES),
  /** The guide question on screen when it was proposed. */
  guideQuestionId: z.nullable(z.string()),
  status: z.enum(CONVERSATION_IDEA_STATUSES),
  /** The idea in the researcher's log, once accepted. */
  ideaId: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  decidedAt: z.nullable(z.iso.datetime()),
});
export type ConversationIdea = z.infer<typeof ConversationIdea>;

/** The coded answer to "How do you get better at research at the moment?", with the coach's note. */
export const CultureRecord = z.object({ answer: z.nullable(z.enum(CULTURE_ANSWERS)), note: z.string() });
export type CultureRecord = z.infer<typeof CultureRecord>;

export const CoachNotes = z.object({ text: z.string() });
export const NoteAppended = z.object({ seq: z.number() });

export const ConversationRoom = z.object({
  bookingId: z.string(),
  /** Who is looking: the coach or the researcher. */
  role: z.enum(ROOM_ROLES),
  coach: z.object({ name: z.string() }),
  researcher: z.object({ name: z.string() }),
  type: z.object({ title: z.string(), durationMinutes: z.number() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  location: z.string(),
  endedAt: z.nullable(z.iso.datetime()),
  guide: z.object({
    deckId: z.string(),
    questions: z.array(z.object({ id: z.string(), text: z.string() })),
    currentQuestionId: z.nullable(z.string()),
  }),
  /** The coach's private notes; null for the researcher, who never sees them. */
  coachNotes: z.nullable(z.string()),
  /** The shared notes as plain text, and the last update in them (fetch later ones with `after`). */
  sharedNotes: z.object({ text: z.string(), seq: z.number() }),
  ideas: z.array(ConversationIdea),
  /** The coded answer; for the coach only (null for the researcher). */
  culture: z.nullable(CultureRecord),
  /** The follow-up the coach proposed, or null. */
  followUp: z.nullable(FollowUp),
});
export type ConversationRoom = z.infer<typeof ConversationRoom>;

/** One conversation in a person's list: as the coach or as the researcher. */
export const ConversationSummary = z.object({
  bookingId: z.string(),
  role: z.enum(ROOM_ROLES),
  /** The other person's name. */
  with: z.string(),
  type: z.object({ title: z.string(), durationMinutes: z.number() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  endedAt: z.nullable(z.iso.datetime()),
  ideasAccepted: z.number(),
  /** Of the accepted ideas: how many the researcher made a plan of, and how many they adopted. */
  ideasPlanned: z.number(),
  ideasAdopted: z.number(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;
export const ConversationList = listOf(ConversationSummary);
export type ConversationList = z.infer<typeof ConversationList>;

export const NoteUpdates = z.object({
  updates: z.array(z.object({ seq: z.number(), update: z.string() })),
  latestSeq: z.number(),
});
export type NoteUpdates = z.infer<typeof NoteUpdates>;

export const GuideMoveInput = z.strictObject({ questionId: z.nullable(z.string().check(z.maxLength(100))) });
export const CoachNotesInput = z.strictObject({ text: trimmedText(COACH_NOTES_MAX) });
export const NoteUpdateInput = z.strictObject({
  update: z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(NOTE_UPDATE_MAX, `must be at most ${NOTE_UPDATE_MAX} characters`),
      z.regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'),
    ),
});
export const IdeaProposalInput = z.strictObject({ text: IdeaText });
export const CultureAnswerInput = z.strictObject({
  answer: z.nullable(z.enum(CULTURE_ANSWERS)),
  note: z.optional(trimmedText(1000)),
});
