import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Idea } from '../../../../src/core/ideas.js';
import { ApiError, api, errorMessage, type SessionStep, type SessionView } from '../../api.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { registerCaptureFocus, useAreas, useToast } from '../../shared/state.js';
import { formatClock, type Synced, useCountdown } from './session.js';

const RESYNC_MS = 30_000;
const STAGE_LABELS: Record<string, string> = {
  opening: 'Warming up',
  exploring: 'Exploring',
  narrowing: 'Narrowing',
  planning: 'Planning',
};

const FIVE_MINUTES = 5 * 60_000;

/** Milestones worth a screen-reader announcement: every 5 minutes, and one minute left. */
function crossedMilestone(before: number, after: number): number | null {
  if (after >= before) return null;
  if (before > 60_000 && after <= 60_000) return 60_000;
  const mark = Math.ceil(after / FIVE_MINUTES) * FIVE_MINUTES;
  if (mark > 0 && before > mark && after <= mark) return mark;
  return null;
}

/** The session under way: one question, a quiet countdown, capture under the question. */
export function LiveSession({
  state,
  apply,
  refresh,
}: {
  state: Synced;
  apply: (view: SessionView) => void;
  refresh: () => Promise<void>;
}) {
  const { view } = state;
  const remaining = useCountdown(state);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ending = useRef(false);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const running = view.state === 'running';
  const allowed = new Set(view.allowedActions);
  const total = view.plannedMs + view.addedMs;

  // The calm view: no sidebar while a session is live.
  useEffect(() => {
    document.documentElement.classList.add('focus-mode');
    return () => document.documentElement.classList.remove('focus-mode');
  }, []);

  // Re-sync with the server regularly: another tab, the CLI or a sleeping laptop may differ.
  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), RESYNC_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  // Announce the countdown at milestones only, never every second.
  const lastRemaining = useRef(remaining);
  useEffect(() => {
    const mark = crossedMilestone(lastRemaining.current, remaining);
    lastRemaining.current = remaining;
    if (mark !== null) setAnnouncement(mark === 60_000 ? '1 minute left.' : `${mark / 60_000} minutes left.`);
  }, [remaining]);

  const act = useCallback(
    async (name: string, run: () => Promise<SessionView>, said?: (v: SessionView) => string) => {
      setBusy(name);
      setProblem(null);
      try {
        const next = await run();
        apply(next);
        if (said) setAnnouncement(said(next));
        return next;
      } catch (error) {
        setProblem(errorMessage(error));
        if (error instanceof ApiError && error.status === 409) void refresh();
        return null;
      } finally {
        setBusy(null);
      }
    },
    [apply, refresh],
  );

  const step = useCallback(
    (name: SessionStep) => {
      const said = (v: SessionView) => {
        if (name === 'pause') return 'Session paused.';
        if (name === 'resume') return 'Session resumed.';
        if (name === 'end') return 'Session ended. Rate your ideas.';
        return v.current ? `Question ${v.position + 1} of ${v.queueLength}: ${v.current.text}` : '';
      };
      return act(name, () => api.sessionStep(view.id, name), said);
    },
    [act, view.id],
  );

  // Time is up (locally or according to the server): end the countdown and go to the ratings.
  const timeUp = view.timeUp || (running && remaining <= 0);
  useEffect(() => {
    if (!timeUp || ending.current) return;
    ending.current = true;
    void act(
      'end',
      () => api.sessionStep(view.id, 'end'),
      () => "Time's up. Rate your ideas.",
    ).then((result) => {
      if (!result) ending.current = false;
    });
  }, [timeUp, act, view.id]);

  const canBack = allowed.has('back') && view.position > 0;
  const canForward = view.position < view.queueLength - 1;
  const canNext = allowed.has('next') && canForward;
  const canSkip = allowed.has('skip') && canForward;

  // Keyboard: Alt+→ / Alt+N next, Alt+S skip, Alt+← / Alt+B back, Alt+P pause or resume.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      let action: SessionStep | null = null;
      if (event.key === 'ArrowRight' || event.code === 'KeyN') action = canNext ? 'next' : null;
      else if (event.code === 'KeyS') action = canSkip ? 'skip' : null;
      else if (event.key === 'ArrowLeft' || event.code === 'KeyB') action = canBack ? 'back' : null;
      else if (event.code === 'KeyP') action = running ? 'pause' : 'resume';
      else return;
      event.preventDefault();
      if (action && !busy) void step(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canNext, canSkip, canBack, running, busy, step]);

  const question = view.current;
  const usedShare = total > 0 ? Math.min(1, Math.max(0, 1 - remaining / total)) : 0;
  const ideasNewestFirst = [...view.ideas].reverse();

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
              onClick={() => void step('pause')}
              disabled={!allowed.has('pause') || busy !== null}
              aria-keyshortcuts="Alt+P"
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => void step('resume')}
              disabled={!allowed.has('resume') || busy !== null}
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
                'add',
                () => api.addTime(view.id, 5),
                () => '5 minutes added.',
              )
            }
            disabled={!allowed.has('addTime') || busy !== null}
          >
            +5 min
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void step('end')}
            disabled={!allowed.has('end') || busy !== null}
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
            <h1 className="focus__question" ref={questionRef} tabIndex={-1}>
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
            onClick={() => void step('back')}
            disabled={!canBack || busy !== null}
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
            onClick={() => void step('skip')}
            disabled={!canSkip || busy !== null}
            aria-keyshortcuts="Alt+S"
          >
            Skip
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void step('next')}
            disabled={!canNext || busy !== null}
            aria-keyshortcuts="Alt+ArrowRight Alt+N"
          >
            Next question
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d="M6 3.5 10.5 8 6 12.5" />
            </svg>
          </button>
        </fieldset>

        {problem && (
          <div className="notice notice--error" role="alert">
            {problem}
          </div>
        )}

        <SessionCapture
          view={view}
          onCaptured={(idea) => {
            apply({ ...view, ideas: [...view.ideas, idea] });
            void refresh();
          }}
        />

        <section className="focus__ideas" aria-labelledby={`${ids}-ideas`}>
          <h2 id={`${ids}-ideas`} className="section-title">
            Ideas this session{view.ideas.length > 0 ? ` · ${view.ideas.length}` : ''}
          </h2>
          {view.ideas.length === 0 ? (
            <p className="focus__none">Nothing yet. Small and specific is fine.</p>
          ) : (
            <ul className="session-ideas" aria-label="Ideas this session">
              {ideasNewestFirst.map((idea) => (
                <SessionIdea key={idea.id} idea={idea} view={view} />
              ))}
            </ul>
          )}
        </section>

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

function SessionIdea({ idea, view }: { idea: Idea; view: SessionView }) {
  const { nameOf } = useAreas();
  const area = nameOf(idea.areaId);
  const asked = view.questions.find((q) => q.questionId === idea.questionId);
  return (
    <li className="session-idea">
      <span className="session-idea__text">{idea.text}</span>
      <span className="session-idea__meta">
        <span className={area ? 'chip' : 'chip chip--empty'}>{area ?? 'No area'}</span>
        {asked && (
          <span className="meta-text" title={asked.text}>
            Question {asked.position + 1}
          </span>
        )}
      </span>
    </li>
  );
}

/** The capture box under the question: Enter saves, Shift+Enter breaks the line. */
function SessionCapture({ view, onCaptured }: { view: SessionView; onCaptured: (idea: Idea) => void }) {
  const { notify } = useToast();
  const question = view.current;
  const suggested =
    question?.areas.find((a) => view.areas.includes(a)) ?? question?.areas[0] ?? view.areas[0] ?? null;
  const [text, setText] = useState('');
  const [areaId, setAreaId] = useState<string | null>(suggested);
  const [areaTouched, setAreaTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  // "/" and "n" (outside fields) focus this box while the session is on screen.
  useEffect(() => registerCaptureFocus(() => textRef.current?.focus()), []);

  // Follow the question's area until the person picks one themselves.
  useEffect(() => {
    if (!areaTouched) setAreaId(suggested);
  }, [suggested, areaTouched]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    if (!text.trim()) {
      setErrors({ text: 'Write the idea first.' });
      textRef.current?.focus();
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const idea = await api.captureInSession(view.id, { text: text.trim(), areaId });
      setText('');
      onCaptured(idea);
      notify('Idea saved');
      textRef.current?.focus();
    } catch (error) {
      setErrors(
        error instanceof ApiError && Object.keys(error.fields).length
          ? { ...error.fields }
          : { text: errorMessage(error) },
      );
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="focus__capture" aria-label="Capture an idea" onSubmit={submit} noValidate>
      <label htmlFor={`${ids}-text`} className="visually-hidden">
        New idea
      </label>
      <textarea
        id={`${ids}-text`}
        ref={textRef}
        className="textarea focus__textarea"
        rows={2}
        placeholder="An idea worth keeping…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={[errors.text ? `${ids}-text-error` : null, `${ids}-hint`].filter(Boolean).join(' ')}
        enterKeyHint="send"
        // biome-ignore lint/a11y/noAutofocus: the capture box is the point of the focused view
        autoFocus
      />
      <FieldError id={`${ids}-text-error`} field="text" message={errors.text} />
      <div className="focus__capture-row">
        <label htmlFor={`${ids}-area`} className="visually-hidden">
          Area
        </label>
        <AreaSelect
          id={`${ids}-area`}
          className="select select--compact focus__area"
          value={areaId}
          onChange={(value) => {
            setAreaId(value);
            setAreaTouched(true);
          }}
          aria-invalid={errors.areaId ? true : undefined}
        />
        <p id={`${ids}-hint`} className="hint focus__hint">
          <kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </p>
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          Save idea
        </button>
      </div>
      <FieldError id={`${ids}-area-error`} field="areaId" message={errors.areaId} />
    </form>
  );
}

/* ---------------------------------------------------------------------------------------------- */
/* Rating                                                                                         */
/* ---------------------------------------------------------------------------------------------- */
