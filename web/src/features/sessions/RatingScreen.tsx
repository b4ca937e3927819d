import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { EFFORTS } from '../../../../src/core/idea-vocabulary.js';
import type { Effort, Idea } from '../../../../src/core/ideas.js';
import { api, errorMessage, type SessionView } from '../../api.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { EFFORT_LABELS, plural, VALUE_HINTS } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { formatDuration, questionTextOf } from './session.js';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));

/** After the countdown: rate each idea of the session, add a note, complete. */
export function RatingScreen({
  view,
  onChange,
  onCompleted,
}: {
  view: SessionView;
  onChange: (view: SessionView) => void;
  onCompleted: (view: SessionView) => void;
}) {
  const { notify } = useToast();
  const [note, setNote] = useState(view.note ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const ranOut = view.remainingMs <= 0;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const rate = async (idea: Idea, patch: { value?: number | null; effort?: Effort | null }) => {
    const optimistic = { ...idea, ...patch };
    onChange({ ...view, ideas: view.ideas.map((i) => (i.id === idea.id ? optimistic : i)) });
    try {
      const saved = await api.rateSessionIdea(view.id, idea.id, patch);
      onChange({ ...view, ideas: view.ideas.map((i) => (i.id === idea.id ? saved : i)) });
    } catch (error) {
      onChange(view);
      notify(errorMessage(error), 'error');
    }
  };

  const complete = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const done = await api.completeSession(view.id, note.trim() || null);
      notify('Session saved');
      onCompleted(done);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  const rated = view.ideas.filter((i) => i.value !== null).length;

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <p className="eyebrow">{ranOut ? "Time's up" : 'Session ended'}</p>
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Rate your ideas
        </h1>
        <p className="page-lede">
          {view.ideas.length === 0
            ? `No ideas this time, after ${formatDuration(view.elapsedMs)}. That is fine; add a note if something came up.`
            : `${plural(view.ideas.length, 'idea')} in ${formatDuration(view.elapsedMs)}. How much would each one help? Effort is optional.`}
        </p>
      </header>

      {view.ideas.length > 0 && (
        <ol className="rate-list" aria-label="Ideas to rate">
          {view.ideas.map((idea) => (
            <li key={idea.id} className="card rate-card">
              <p className="rate-card__text">{idea.text}</p>
              {questionTextOf(view, idea) && (
                <p className="rate-card__question">{questionTextOf(view, idea)}</p>
              )}
              <div className="rate-card__choices">
                <ChoiceGroup
                  legend="Value"
                  choices={VALUE_CHOICES}
                  value={idea.value}
                  onChange={(value) => void rate(idea, { value })}
                  noneLabel="No value"
                />
                <ChoiceGroup
                  legend="Effort"
                  choices={EFFORT_CHOICES}
                  value={idea.effort}
                  onChange={(effort) => void rate(idea, { effort })}
                  noneLabel="No effort estimate"
                />
              </div>
            </li>
          ))}
        </ol>
      )}

      <form className="card rate-finish" aria-label="Finish the session" onSubmit={complete}>
        <label htmlFor={`${ids}-note`} className="capture__label">
          Session note <span className="field__optional">optional</span>
        </label>
        <textarea
          id={`${ids}-note`}
          className="textarea"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="What stood out? What will you try first?"
        />
        {problem && (
          <div className="notice notice--error" role="alert">
            {problem}
          </div>
        )}
        <div className="rate-finish__row">
          <span className="meta-text">
            {view.ideas.length > 0 ? `${rated} of ${view.ideas.length} rated` : ''}
          </span>
          <button type="submit" className="button button--primary" disabled={busy}>
            Complete session
          </button>
        </div>
      </form>
    </div>
  );
}
