import type { DeckQuestion } from '../decks/deck.js';
import type { Idea } from '../ideas.js';
import { elapsedMs, isTimeUp, remainingMs } from './clock.js';
import type { SessionQuestion, SessionRecord, SessionState } from './session.js';
import { allowedActions, type SessionAction } from './transitions.js';

/** A session as the web app and the CLI see it, with every time figure computed for `now`. */
export interface SessionView {
  id: string;
  deckId: string;
  deckName: string;
  state: SessionState;
  startedAt: string;
  endedAt: string | null;
  note: string | null;
  areas: string[];
  plannedMs: number;
  addedMs: number;
  elapsedMs: number;
  remainingMs: number;
  timeUp: boolean;
  position: number;
  queueLength: number;
  current: (DeckQuestion & { position: number }) | null;
  /** Questions shown so far, in order, with the time spent on each (the current one live). */
  questions: SessionQuestion[];
  ideas: Idea[];
  summary: SessionSummary;
  allowedActions: readonly SessionAction[];
}

export interface SessionSummary {
  ideaCount: number;
  ratedCount: number;
  byArea: { areaId: string | null; count: number }[];
  /** Up to three ideas with the highest value. */
  best: Idea[];
}

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
    elapsedMs: elapsed,
    remainingMs: remainingMs(session, now),
    timeUp: active && isTimeUp(session, now),
    position: session.position,
    queueLength: session.queue.length,
    current,
    questions,
    ideas: [...ideas],
    summary: summarise(ideas),
    allowedActions: allowedActions(session.state),
  };
}
