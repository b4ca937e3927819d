import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { EFFORTS } from '../../../../src/core/idea-vocabulary.js';
import type { Effort, Idea } from '../../../../src/core/ideas.js';
import { plural } from '../../../../src/core/plural.js';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { errorMessage } from '../../shared/api/client.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { EFFORT_LABELS, VALUE_HINTS } from '../../shared/format.js';
import { controlProps } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { sessionsApi } from './api.js';
import { formatDuration, questionTextOf } from './format.js';
import { sessionKeys, useInvalidateSessionHistory, useUpdateActiveSession } from './queries.js';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));

type RatingPatch = { value?: number | null; effort?: Effort | null };

/** After the countdown: rate each idea of the session, add a note, complete. */
export function RatingScreen({
  view,
  onCompleted,
}: {
  view: SessionView;
  onCompleted: (view: SessionView) => void;
}) {
  const { notify } = useToast();
  const client = useQueryClient();
  const updateSession = useUpdateActiveSession();
  const historyChanged = useInvalidateSessionHistory();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const ranOut = view.remainingMs <= 0;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const replaceIdea = (idea: Idea) =>
    updateSession((current) => ({
      ...current,
      ideas: current.ideas.map((i) => (i.id === idea.id ? idea : i)),
    }));

  // The radios are controlled, so a rating must show in the render that follows the click; the
  // cache tells this component of its change a tick later. Every change of the cache wins.
  // Ideas that count to a running experiment are valued in its blind rating, not here.
  const blind = view.blindIdeaIds.length;
  const toRate = (list: readonly Idea[]) => list.filter((i) => !view.blindIdeaIds.includes(i.id));
  const [ideas, setIdeas] = useState(() => toRate(view.ideas));
  const [cachedIdeas, setCachedIdeas] = useState(view.ideas);
  if (view.ideas !== cachedIdeas) {
    setCachedIdeas(view.ideas);
    setIdeas(toRate(view.ideas));
  }

  // A rating goes back to what it was if the server refuses it.
  const rating = useMutation({
    mutationFn: ({ idea, patch }: { idea: Idea; patch: RatingPatch }) =>
      sessionsApi.rateSessionIdea(view.id, idea.id, patch),
    onSuccess: (saved) => replaceIdea(saved),
    onError: (error, { idea }) => {
      replaceIdea(idea);
      notify(errorMessage(error), 'error');
    },
  });
  const rate = (idea: Idea, patch: RatingPatch) => {
    const shown = { ...idea, ...patch };
    setIdeas((list) => list.map((i) => (i.id === idea.id ? shown : i)));
    replaceIdea(shown);
    rating.mutate({ idea, patch });
  };

  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { note: view.note ?? '' },
    submit: ({ note }) => sessionsApi.completeSession(view.id, note.trim() || null),
    onSuccess: (done) => {
      client.setQueryData(sessionKeys.summary(done.id), done);
      historyChanged();
      notify('Session saved');
      onCompleted(done);
    },
  });
  const noteError = errorOf('note');

  const rated = ideas.filter((i) => i.value !== null).length;

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <p className="eyebrow">{ranOut ? "Time's up" : 'Session ended'}</p>
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          {ideas.length === 0 && blind > 0 ? 'Your ideas go to the blind rating' : 'Rate your ideas'}
        </h1>
        <p className="page-lede">
          {ideas.length > 0
            ? `${plural(ideas.length, 'idea')} in ${formatDuration(view.elapsedMs)}. How much would each one help? Effort is optional.`
            : blind > 0
              ? `${plural(blind, 'idea')} in ${formatDuration(view.elapsedMs)}.`
              : `No ideas this time, after ${formatDuration(view.elapsedMs)}. That is fine; add a note if something came up.`}
        </p>
        {blind > 0 && (
          <div className="card rate-blind">
            <p role="note">
              {blind === 1
                ? 'This session’s idea counts to your running experiment, so it is not rated here: you rate it in the experiment’s blind rating, where its phase is hidden.'
                : `${blind} ideas of this session count to your running experiment, so they are not rated here: you rate them in the experiment’s blind rating, where their phase is hidden.`}
            </p>
            <ul className="rate-blind__ideas" aria-label="Ideas for the blind rating">
              {view.ideas
                .filter((i) => view.blindIdeaIds.includes(i.id))
                .map((i) => (
                  <li key={i.id}>{i.text}</li>
                ))}
            </ul>
          </div>
        )}
      </header>

      {ideas.length > 0 && (
        <ol className="rate-list" aria-label="Ideas to rate">
          {ideas.map((idea) => {
            const asked = questionTextOf(view, idea);
            return (
              <li key={idea.id} className="card rate-card">
                <p className="rate-card__text">{idea.text}</p>
                {asked && <p className="rate-card__question">{asked}</p>}
                <div className="rate-card__choices">
                  <ChoiceGroup
                    legend="Value"
                    choices={VALUE_CHOICES}
                    value={idea.value}
                    onChange={(value) => rate(idea, { value })}
                    noneLabel="No value"
                  />
                  <ChoiceGroup
                    legend="Effort"
                    choices={EFFORT_CHOICES}
                    value={idea.effort}
                    onChange={(effort) => rate(idea, { effort })}
                    noneLabel="No effort estimate"
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <form className="card rate-finish" aria-label="Finish the session" onSubmit={onSubmit}>
        <label htmlFor={`${ids}-note`} className="capture__label">
          Session note <span className="field__optional">optional</span>
        </label>
        <textarea
          {...controlProps(`${ids}-note`, noteError)}
          {...form.register('note')}
          className="textarea"
          rows={2}
          placeholder="What stood out? What will you try first?"
        />
        <FieldError id={`${ids}-note-error`} field="note" message={noteError} />
        {problem && <ErrorNotice>{problem}</ErrorNotice>}
        <div className="rate-finish__row">
          <span className="meta-text">{ideas.length > 0 ? `${rated} of ${ideas.length} rated` : ''}</span>
          <button type="submit" className="button button--primary" disabled={busy}>
            Complete session
          </button>
        </div>
      </form>
    </div>
  );
}
