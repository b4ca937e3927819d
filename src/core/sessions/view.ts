import * as z from 'zod/mini';
import { DeckQuestion } from '../decks/deck.js';
import { Idea } from '../ideas.js';
import { listOf } from '../list.js';
import { elapsedMs, isTimeUp, remainingMs, totalMs } from './clock.js';
import { SessionQuestion, type SessionRecord, SessionState } from './session.js';
import { allowedActions, SESSION_ACTIONS } from './transitions.js';

const SessionSummarySchema = z.object({
  ideaCount: z.number(),
  ratedCount: z.number(),
  byArea: z.array(z.object({ areaId: z.nullable(z.string()), count: z.number() })),
  /** Up to three ideas with the highest value. */
  best: z.array(Idea),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/** A session as the web app and the CLI see it, with every time figure computed for `now`. */
export const SessionViewSchema = z.object({
  id: z.string(),
  deckId: z.string(),
  deckName: z.string(),
  state: SessionState,
  startedAt: z.iso.datetime(),
  endedAt: z.nullable(z.iso.datetime()),
  note: z.nullable(z.string()),
  areas: z.array(z.string()),
  plannedMs: z.number(),
  addedMs: z.number(),
  elapsedMs: z.number(),
  remainingMs: z.number(),
  timeUp: z.boolean(),
  position: z.number(),
  queueLength: z.number(),
  current: z.nullable(z.extend(DeckQuestion, { position: z.number() })),
  /** Questions shown so far, in order, with the time spent on each (the current one live). */
  questions: z.array(SessionQuestion),
  ideas: z.array(Idea),
  /**
   * Ideas of this session that count to the running experiment: their value is given in its blind
   * rating, so the end screen does not ask for it.
   */
  blindIdeaIds: z.array(z.string()),
  summary: SessionSummarySchema,
  allowedActions: z.array(z.enum(SESSION_ACTIONS)),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export function summarise(ideas: readonly Idea[]): SessionSummary {
  const counts = new Map<string | null, number>();
  for (const idea of ideas) counts.set(idea.areaId, (counts.get(idea.areaId) ?? 0) + 1);
  const rated = ideas.filter((i) => i.value !== null);
  return {
    ideaCount: ideas.length,
    ratedCount: rated.length,
    byArea: [...counts].map(([areaId, count]) => ({ areaId, count })).sort((a, b) => b.count - a.count),
    best: [...rated].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).slice(0, 3),
  };
}

export function sessionView(
  session: SessionRecord,
  deck: { name: string; questions: readonly DeckQuestion[] } | undefined,
  shown: readonly SessionQuestion[],
  ideas: readonly Idea[],
  now: Date,
  blind: ReadonlySet<string> = new Set(),
): SessionView {
  const elapsed = elapsedMs(session, now);
  const active = session.state === 'running' || session.state === 'paused';
  const questions = shown.map((q) =>
    active && q.position === session.position
      ? { ...q, spentMs: q.spentMs + Math.max(0, elapsed - session.positionEnteredMs) }
      : q,
  );
  const currentId = session.queue[session.position];
  const fromDeck = deck?.questions.find((q) => q.id === currentId);
  const current =
    active && currentId
      ? {
          ...(fromDeck ?? {
            id: currentId,
            text:
              shown.find((q) => q.position === session.position)?.text ??
              'This question was removed from its deck.',
            areas: [],
            stage: 'exploring' as const,
          }),
          position: session.position,
        }
      : null;
  return {
    id: session.id,
    deckId: session.deckId,
    deckName: deck?.name ?? session.deckId,
    state: session.state,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    note: session.note,
    areas: session.areas,
    plannedMs: session.plannedMs,
    addedMs: session.addedMs,
    // Past zero the countdown waits for the person; elapsed time stops at the session's length.
    elapsedMs: Math.min(elapsed, totalMs(session)),
    remainingMs: remainingMs(session, now),
    timeUp: active && isTimeUp(session, now),
    position: session.position,
    queueLength: session.queue.length,
    current,
    questions,
    ideas: [...ideas],
    blindIdeaIds: ideas.filter((idea) => blind.has(idea.id)).map((idea) => idea.id),
    summary: summarise(ideas),
    allowedActions: [...allowedActions(session.state)],
  };
}

/** One question's record across a user's sessions (GET /questions/stats). */
export const QuestionStat = z.object({
  questionId: z.string(),
  text: z.string(),
  shown: z.number(),
  ideas: z.number(),
  ratedIdeas: z.number(),
  meanValue: z.nullable(z.number()),
});
export type QuestionStat = z.infer<typeof QuestionStat>;

/** GET /sessions: the history, newest first. */
export const SessionList = listOf(SessionViewSchema);
export type SessionList = z.infer<typeof SessionList>;

/** GET /sessions/active: the running, paused or unrated session, or null. */
export const ActiveSession = z.object({ session: z.nullable(SessionViewSchema) });
export type ActiveSession = z.infer<typeof ActiveSession>;

/** GET /questions/stats. */
export const QuestionStatList = listOf(QuestionStat);
export type QuestionStatList = z.infer<typeof QuestionStatList>;
