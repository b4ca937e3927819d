import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { STAGE_LABELS } from '../decks/labels.js';
import { type SessionStep, sessionsApi } from './api.js';
import { crossedMilestone, milestoneText, stepAnnouncement } from './live-session/milestones.js';
import { SessionCapture } from './live-session/SessionCapture.js';
import { SessionIdeas } from './live-session/SessionIdeas.js';
import { useStepKeys } from './live-session/use-step-keys.js';
import { useUpdateActiveSession } from './queries.js';
import { formatClock, type Synced, useCountdown } from './session.js';

/** The session under way: one question, a quiet countdown, capture under the question. */
export function LiveSession({
  state,
  apply,
  refresh,
}: {
  state: Synced;
  /** Shows the server's answer to a step: the session view each step returns is the truth. */
  apply: (view: SessionView) => void;
  /** Asks the server again. */
  refresh: () => Promise<void>;
}) {
  const { view } = state;
  const remaining = useCountdown(state);
  const updateSession = useUpdateActiveSession();
  const [announcement, setAnnouncement] = useState('');
  const ending = useRef(false);
  const ids = useId();
  const running = view.state === 'running';
  const allowed = new Set(view.allowedActions);
  const total = view.plannedMs + view.addedMs;

  // The calm view: no sidebar while a session is live.
  useEffect(() => {
    document.documentElement.classList.add('focus-mode');
    return () => document.documentElement.classList.remove('focus-mode');
  }, []);

  // Announce the countdown at milestones only, never every second.
  const lastRemaining = useRef(remaining);
  useEffect(() => {
    const mark = crossedMilestone(lastRemaining.current, remaining);
    lastRemaining.current = remaining;
    if (mark !== null) setAnnouncement(milestoneText(mark));
  }, [remaining]);

  const action = useApiAction((request: () => Promise<SessionView>) => request(), { onSuccess: apply });
  const { run, busy } = action;
  const act = useCallback(
    async (request: () => Promise<SessionView>, said: (next: SessionView) => string) => {
      const next = await run(request);
      if (next) setAnnouncement(said(next));
      // A refused step usually means the session changed elsewhere: show how it is now.
      else void refresh();
      return next;
    },
    [run, refresh],
  );

  const step = useCallback(
    (name: SessionStep) =>
      void act(
        () => sessionsApi.sessionStep(view.id, name),
        (next) => stepAnnouncement(name, next),
      ),
    [act, view.id],
  );

  // Time is up (locally or according to the server): end the countdown and go to the ratings.
  const timeUp = view.timeUp || (running && remaining <= 0);
  useEffect(() => {
    if (!timeUp || ending.current) return;
    ending.current = true;
    void act(
      () => sessionsApi.sessionStep(view.id, 'end'),
      () => "Time's up. Rate your ideas.",
    ).then((result) => {
      if (!result) ending.current = false;
    });
  }, [timeUp, act, view.id]);

  const canBack = allowed.has('back') && view.position > 0;
  const canForward = view.position < view.queueLength - 1;
  const canNext = allowed.has('next') && canForward;
  const canSkip = allowed.has('skip') && canForward;
  useStepKeys({ canNext, canSkip, canBack, running, busy }, step);

  const question = view.current;
  const usedShare = total > 0 ? Math.min(1, Math.max(0, 1 - remaining / total)) : 0;

  return (
    <div className={running ? 'focus' : 'focus focus--paused'}>
      <div className="focus__bar">
        <div className="focus__where">
          <span className="focus__deck">{view.deckName}</span>
          <span className="focus__progress-text">
            Question {view.position + 1} of {view.queueLength}
          </span>
        </div>
        <div className="focus__clock">
          {!running && <span className="tag focus__paused-tag">Paused</span>}
          <span role="timer" aria-label="Time left" className="focus__timer">
            {formatClock(remaining)}
          </span>
        </div>
        <div className="focus__controls">
          {running ? (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => step('pause')}
              disabled={!allowed.has('pause') || busy}
              aria-keyshortcuts="Alt+P"
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => step('resume')}
              disabled={!allowed.has('resume') || busy}
              aria-keyshortcuts="Alt+P"
            >
              Resume
            </button>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label="Add 5 minutes"
            onClick={() =>
              void act(
                () => sessionsApi.addTime(view.id, 5),
                () => '5 minutes added.',
              )
            }
            disabled={!allowed.has('addTime') || busy}
          >
            +5 min
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => step('end')}
            disabled={!allowed.has('end') || busy}
          >
            End session
          </button>
          <Link
            to="/"
            className="button button--small button--ghost focus__leave"
            title="The session keeps its place"
          >
            Leave
          </Link>
        </div>
      </div>
      <div className="focus__meter" aria-hidden="true">
        <span style={{ transform: `scaleX(${usedShare})` }} />
      </div>

      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      <div className="focus__body">
        {question ? (
          <>
            <p className="focus__eyebrow">{STAGE_LABELS[question.stage] ?? question.stage}</p>
            <h1 className="focus__question" tabIndex={-1}>
              {question.text}
            </h1>
          </>
        ) : (
          <h1 className="focus__question">No question on screen.</h1>
        )}

        <fieldset className="focus__steps">
          <legend className="visually-hidden">Questions</legend>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => step('back')}
            disabled={!canBack || busy}
            aria-keyshortcuts="Alt+ArrowLeft Alt+B"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d="M10 3.5 5.5 8l4.5 4.5" />
            </svg>
            Back
          </button>
          <span className="focus__steps-spacer" />
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => step('skip')}
            disabled={!canSkip || busy}
            aria-keyshortcuts="Alt+S"
          >
            Skip
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => step('next')}
            disabled={!canNext || busy}
            aria-keyshortcuts="Alt+ArrowRight Alt+N"
          >
            Next question
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d="M6 3.5 10.5 8 6 12.5" />
            </svg>
          </button>
        </fieldset>

        {action.error && <ErrorNotice>{action.error}</ErrorNotice>}

        <SessionCapture
          view={view}
          onCaptured={(idea) => {
            updateSession((current) => ({ ...current, ideas: [...current.ideas, idea] }));
            void refresh();
          }}
        />

        <SessionIdeas view={view} />

        <p className="focus__keys" id={`${ids}-keys`}>
          <span>
            <kbd>Enter</kbd> save idea
          </span>
          <span>
            <kbd>Alt</kbd>+<kbd>→</kbd> next
          </span>
          <span>
            <kbd>Alt</kbd>+<kbd>S</kbd> skip
          </span>
          <span>
            <kbd>Alt</kbd>+<kbd>←</kbd> back
          </span>
          <span>
            <kbd>Alt</kbd>+<kbd>P</kbd> pause
          </span>
        </p>
      </div>
    </div>
  );
}
