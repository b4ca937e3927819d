import { DEFAULT_DECK_ID } from '../core/decks/builtin.js';
import type { Deck } from '../core/decks/deck.js';
import { drawQuestionQueue, seededRandom } from '../core/decks/draw.js';
import { notFound, WhetstoneError } from '../core/errors.js';
import { type Idea, IdeaCreateInput, newIdea } from '../core/ideas.js';
import {
  AddTimeInput,
  CompleteInput,
  RateInput,
  SESSION_MINUTES_DEFAULT,
  type SessionQuestion,
  type SessionRecord,
  SessionStartInput,
} from '../core/sessions/session.js';
import * as transitions from '../core/sessions/transitions.js';
import { type QuestionStat, type SessionView, sessionView } from '../core/sessions/view.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { SessionRepository } from '../store/session.repository.js';
import { inTransaction } from '../store/transaction.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { AreaService } from './area.service.js';
import type { Blinding } from './blinding.js';
import type { Actor, Clock } from './context.js';
import type { DeckService } from './deck.service.js';
import type { ExperimentSessions } from './experiment-sessions.js';
import type { IdeaService } from './idea.service.js';

/** Questions asked in the last few sessions go to the back of the next queue. */
const RECENT_SESSIONS = 3;

export type { QuestionStat };

/** Use cases of the focused improvement session: start, steer, capture, end, rate, review. */
export class SessionService {
  private readonly sessions: SessionRepository;
  private readonly ideaRows: IdeaRepository;

  constructor(
    private readonly store: Store,
    private readonly areas: AreaService,
    private readonly decks: DeckService,
    private readonly ideas: IdeaService,
    private readonly blinding: Blinding,
    private readonly experimentSessions: ExperimentSessions,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.sessions = new SessionRepository(store.db, store.engine);
    this.ideaRows = new IdeaRepository(store.db, store.engine);
  }

  /** Starts a session; refused while another one is running, paused or waiting for ratings. */
  async start(actor: Actor, input: unknown): Promise<SessionView> {
    const parsed = parseInput(SessionStartInput, input ?? {});
    const deck = await this.decks.get(actor, parsed.deckId ?? DEFAULT_DECK_ID);
    const areas: string[] = [];
    for (const area of parsed.areas ?? [])
      areas.push(await this.areas.resolve(actor, area, 'filter', 'areas'));
    const now = this.clock();
    const recent = await this.sessions.recentlyShown(actor.userId, RECENT_SESSIONS);
    const session = await inTransaction(this.store, async (trx) => {
      const sessions = this.sessions.withTransaction(trx);
      const active = await sessions.findActive(actor.userId);
      if (active) throw alreadyActive(active);
      const plan = await this.experimentSessions.planStart(
        trx,
        actor,
        now,
        parsed.outsideExperiment ?? false,
      );
      const minutes = parsed.minutes ?? plan.minutes ?? SESSION_MINUTES_DEFAULT;
      const seed = this.newId();
      const queue = drawQuestionQueue({
        questions: deck.questions,
        areas,
        recentlyShown: recent,
        random: seededRandom(seed),
        // Enough questions for the time (about one every 90 seconds), still ending on planning.
        limit: Math.max(6, Math.ceil(minutes / 1.5)),
      });
      const session: SessionRecord = {
        id: this.newId(),
        deckId: deck.id,
        state: 'running',
        plannedMs: minutes * 60_000,
        addedMs: 0,
        startedAt: now.toISOString(),
        pausedAt: null,
        pausedMs: 0,
        endedAt: null,
        queue,
        seed,
        areas,
        position: 0,
        positionEnteredMs: 0,
        note: null,
      };
      await sessions.insert(actor.userId, session, now.toISOString());
      await sessions.putQuestion(session.id, shownQuestion(deck, queue, 0));
      if (plan.focusedPhaseOf)
        await this.experimentSessions.link(trx, actor, plan.focusedPhaseOf, session.id, now);
      return session;
    }).catch(async (error: unknown) => {
      // A concurrent start won the race (PostgreSQL's unique index caught it): say who won.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.sessions.findActive(actor.userId);
      throw winner ? alreadyActive(winner) : error;
    });
    return this.view(actor, session, deck);
  }

  /** The running, paused or unrated session, if there is one. */
  async active(actor: Actor): Promise<SessionView | undefined> {
    const session = await this.sessions.findActive(actor.userId);
    return session && this.view(actor, session);
  }

  async get(actor: Actor, id: string): Promise<SessionView> {
    return this.view(actor, await this.load(actor, id));
  }

  /** Session history, newest first. */
  async list(actor: Actor, limit = 100): Promise<SessionView[]> {
    const sessions = await this.sessions.list(
      actor.userId,
      Math.max(1, Math.min(Math.trunc(limit) || 100, 1000)),
    );
    return Promise.all(sessions.map((s) => this.view(actor, s)));
  }

  pause(actor: Actor, id: string): Promise<SessionView> {
    return this.change(actor, id, (s, now) => ({ session: transitions.pause(s, now) }));
  }

  resume(actor: Actor, id: string): Promise<SessionView> {
    return this.change(actor, id, (s, now) => ({ session: transitions.resume(s, now) }));
  }

  /** Next question; `skip` also marks the one on screen as skipped. */
  next(actor: Actor, id: string, action: 'next' | 'skip' = 'next'): Promise<SessionView> {
    return this.change(actor, id, (s, now) => {
      const moved = transitions.move(s, now, 1, action);
      return { ...moved, skipped: action === 'skip' };
    });
  }

  back(actor: Actor, id: string): Promise<SessionView> {
    return this.change(actor, id, (s, now) => transitions.move(s, now, -1, 'back'));
  }

  async addTime(actor: Actor, id: string, input: unknown): Promise<SessionView> {
    const { minutes } = parseInput(AddTimeInput, input);
    return this.change(actor, id, (s, now) => ({ session: transitions.addTime(s, now, minutes) }));
  }

  /** Ends the countdown (early or on time) and opens the rating step; an experiment's focused phase run as this session ends with it. */
  end(actor: Actor, id: string): Promise<SessionView> {
    return this.change(actor, id, (s, now) => transitions.end(s, now), {
      afterwards: (trx, session, now) => this.experimentSessions.sessionEnded(trx, actor, session.id, now),
    });
  }

  /** Closes the session after rating, with an optional note. */
  async complete(actor: Actor, id: string, input: unknown): Promise<SessionView> {
    const { note } = parseInput(CompleteInput, input ?? {});
    return this.change(actor, id, (s) => ({ session: transitions.complete(s, note) }));
  }

  /** Captures an idea under the question on screen; it is stored at once, like any capture. */
  async capture(actor: Actor, id: string, input: unknown): Promise<Idea> {
    const parsed = parseInput(IdeaCreateInput, input);
    if (parsed.areaId) await this.areas.assertUsable(actor, parsed.areaId);
    const session = await this.load(actor, id);
    transitions.assertAllowed(session.state, 'capture');
    const now = this.clock().toISOString();
    if (parsed.value != null)
      await this.blinding.assertMayValue(actor, { createdAt: now, sessionId: session.id });
    const idea: Idea = {
      ...newIdea({ ...parsed, source: 'session' }, this.newId(), now),
      sessionId: session.id,
      questionId: session.queue[session.position] ?? null,
    };
    await this.ideaRows.insert(actor.userId, idea);
    // A question skipped earlier and then answered after all is no longer "skipped".
    const shown = (await this.sessions.questions(session.id)).find((q) => q.position === session.position);
    if (shown?.skipped) await this.sessions.putQuestion(session.id, { ...shown, skipped: false });
    return idea;
  }

  /** Rates (value, effort) an idea of this session; ideas of other sessions are refused. */
  async rate(actor: Actor, id: string, ideaId: string, input: unknown): Promise<Idea> {
    const patch = parseInput(RateInput, input);
    const session = await this.load(actor, id);
    transitions.assertAllowed(session.state, 'rate');
    const idea = await this.ideas.get(actor, ideaId);
    if (idea.sessionId !== session.id) {
      throw new WhetstoneError('validation', `idea: ${ideaId} was not captured in this session`, [
        { field: 'ideaId', message: 'not captured in this session' },
      ]);
    }
    return this.ideas.update(actor, ideaId, { value: patch.value, effort: patch.effort });
  }

  /** For each question: how often it was shown, the ideas it prompted and their mean value. */
  async questionStats(actor: Actor): Promise<QuestionStat[]> {
    const rows = await this.sessions.questionStats(actor.userId);
    return rows
      .map((row) => ({
        questionId: row.questionId,
        text: row.text,
        shown: row.shown,
        ideas: row.ideas,
        ratedIdeas: row.rated,
        meanValue: row.rated > 0 ? Math.round((row.valueSum / row.rated) * 100) / 100 : null,
      }))
      .sort((a, b) => (b.meanValue ?? -1) - (a.meanValue ?? -1) || b.ideas - a.ideas);
  }

  private async load(actor: Actor, id: string): Promise<SessionRecord> {
    const session = await this.sessions.findById(actor.userId, id);
    if (!session) throw notFound('session', id);
    return session;
  }

  /** Applies one transition in a transaction and keeps the per-question time accounts. */
  private async change(
    actor: Actor,
    id: string,
    step: (
      session: SessionRecord,
      now: Date,
    ) => { session: SessionRecord; left?: transitions.LeftQuestion; skipped?: boolean },
    options: {
      /** More to change in the same transaction, once the session is saved. */
      afterwards?: (trx: Store['db'], session: SessionRecord, now: Date) => Promise<void>;
    } = {},
  ): Promise<SessionView> {
    // Looked up before the transaction: on SQLite a query outside it would wait for its connection.
    const before = await this.load(actor, id);
    const deck = await this.decks.get(actor, before.deckId).catch(() => undefined);
    const updated = await inTransaction(this.store, async (trx) => {
      const sessions = this.sessions.withTransaction(trx);
      const current = await sessions.findById(actor.userId, id);
      if (!current) throw notFound('session', id);
      const now = this.clock();
      const { session, left, skipped } = step(current, now);
      await sessions.update(actor.userId, session, now.toISOString());
      await options.afterwards?.(trx, session, now);
      if (left) {
        const shown = await sessions.questions(session.id);
        const was = shown.find((q) => q.position === left.position);
        if (was) {
          await sessions.putQuestion(session.id, {
            ...was,
            spentMs: was.spentMs + left.spentMs,
            skipped: was.skipped || Boolean(skipped),
          });
        }
        if (session.position !== left.position && !shown.some((q) => q.position === session.position)) {
          await sessions.putQuestion(session.id, shownQuestion(deck, session.queue, session.position));
        }
      }
      return session;
    });
    return this.view(actor, updated, deck);
  }

  private async view(actor: Actor, session: SessionRecord, deck?: Deck): Promise<SessionView> {
    const theDeck = deck ?? (await this.decks.get(actor, session.deckId).catch(() => undefined));
    const [shown, ideas] = await Promise.all([
      this.sessions.questions(session.id),
      this.ideaRows.listBySession(actor.userId, session.id),
    ]);
    const blind = await this.blinding.blindIds(actor, ideas);
    return sessionView(session, theDeck, shown, ideas, this.clock(), blind);
  }
}

function shownQuestion(deck: Deck | undefined, queue: readonly string[], position: number): SessionQuestion {
  const questionId = queue[position] ?? '';
  const text =
    deck?.questions.find((q) => q.id === questionId)?.text ?? 'This question was removed from its deck.';
  return { position, questionId, text, spentMs: 0, skipped: false };
}

function alreadyActive(active: SessionRecord): WhetstoneError {
  const what = active.state === 'rating' ? 'is waiting for your ratings' : `is ${active.state}`;
  return new WhetstoneError(
    'conflict',
    `session: another session (${active.id}, started ${active.startedAt}) ${what}; resume it or end it first`,
    [{ field: 'activeSessionId', message: active.id }],
  );
}
