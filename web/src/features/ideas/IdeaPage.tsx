import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import { allowedTransitions, EFFORTS, SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Effort, Idea } from '../../../../src/core/ideas.js';
import { ApiError, api, errorMessage, type IdeaPatch, isAbort } from '../../api.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { StatusBadge } from '../../shared/components/Badges.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { EFFORT_LABELS, fullTime, relativeTime, STATUS_LABELS, VALUE_HINTS } from '../../shared/format.js';
import { INBOX_SEARCH_KEY, useAreas, useToast } from '../../shared/state.js';
import { IdeaPlans } from '../plans/IdeaPlans.js';
import './ideas.css';
import '../plans/plans-list.css';
import '../plans/plans-form.css';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));

/** Button text for a status change: the lifecycle read as verbs. */
function transitionLabel(from: IdeaStatus, to: IdeaStatus): string {
  switch (to) {
    case 'planned':
      return from === 'new' ? 'Mark planned' : 'Back to planned';
    case 'trying':
      return from === 'adopted' ? 'Back to trying' : 'Start trying';
    case 'adopted':
      return 'Mark adopted';
    case 'dropped':
      return 'Drop';
    case 'new':
      return from === 'dropped' ? 'Reopen' : 'Back to new';
  }
}

const ORDER: readonly IdeaStatus[] = ['new', 'planned', 'trying', 'adopted'];

/** Forward along the lifecycle, back a step, or out of it. */
function transitionKind(from: IdeaStatus, to: IdeaStatus): 'forward' | 'back' | 'drop' {
  if (to === 'dropped') return 'drop';
  if (from === 'dropped') return 'back';
  return ORDER.indexOf(to) > ORDER.indexOf(from) ? 'forward' : 'back';
}

const TRANSITION_STYLE = { forward: 'button--primary', back: '', drop: 'button--quiet' } as const;

const STATUS_HELP: Record<IdeaStatus, string> = {
  new: 'Captured, not decided yet.',
  planned: 'You mean to try this; decide when.',
  trying: 'You are trying this now. Did it help?',
  adopted: 'Part of how you work now.',
  dropped: 'Set aside. Reopen it if it becomes relevant.',
};

type Field = 'text' | 'context' | 'areaId' | 'value' | 'effort' | 'status';

export function IdeaPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const { reload: reloadAreas } = useAreas();
  const [idea, setIdea] = useState<Idea | null>(null);
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null);
  const [text, setText] = useState('');
  const [context, setContext] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState<Field | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const uid = useId();
  const fid = (name: string) => `${uid}-${name}`;

  useEffect(() => {
    const controller = new AbortController();
    setIdea(null);
    setLoadError(null);
    api
      .getIdea(id, controller.signal)
      .then((loaded) => {
        setIdea(loaded);
        setText(loaded.text);
        setContext(loaded.context ?? '');
      })
      .catch((error) => {
        if (isAbort(error)) return;
        setLoadError({ status: error instanceof ApiError ? error.status : 0, message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [id]);

  /** The status follows the idea's plans: fetch it again after a plan changed it. */
  const reloadStatus = () => {
    api
      .getIdea(id)
      .then((loaded) =>
        setIdea((current) =>
          current
            ? {
                ...current,
                status: loaded.status,
                statusChangedAt: loaded.statusChangedAt,
                updatedAt: loaded.updatedAt,
              }
            : loaded,
        ),
      )
      .catch(() => {});
  };

  const save = async (field: Field, patch: IdeaPatch, confirmation = 'Saved') => {
    if (!idea) return false;
    setBusy(field);
    // Pickers show the choice at once; a refused change puts the old value back.
    const optimistic = field !== 'status';
    if (optimistic) setIdea((current) => (current ? { ...current, ...patch } : current));
    try {
      const updated = await api.updateIdea(idea.id, patch);
      setIdea(updated);
      setErrors(({ [field]: _cleared, ...rest }) => rest);
      notify(confirmation);
      if (field === 'areaId') void reloadAreas();
      return true;
    } catch (error) {
      const message =
        error instanceof ApiError
          ? (error.field(field) ?? Object.values(error.fields)[0] ?? error.message)
          : null;
      setErrors((e) => ({ ...e, [field]: message ?? errorMessage(error) }));
      if (optimistic) setIdea((current) => (current ? { ...current, [field]: idea[field] } : current));
      // A conflict means the idea changed elsewhere (another tab, the CLI): show it as it is now.
      if (error instanceof ApiError && error.status === 409) {
        api
          .getIdea(idea.id)
          .then(setIdea)
          .catch(() => {});
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  // Escape reverts and leaves the field; the blur that follows must not save the dropped edit,
  // which the blur handler would still see in this render's state.
  const discardingEdit = useRef(false);
  const skipDiscardedBlur = (): boolean => {
    const skip = discardingEdit.current;
    discardingEdit.current = false;
    return skip;
  };

  const saveText = async () => {
    if (skipDiscardedBlur() || !idea || text === idea.text) return;
    if (!text.trim()) {
      setErrors((e) => ({ ...e, text: 'must not be empty' }));
      return;
    }
    const ok = await save('text', { text });
    if (ok) setText((t) => t.trim());
  };

  const saveContext = async () => {
    if (skipDiscardedBlur() || !idea || context === (idea.context ?? '')) return;
    await save('context', { context: context.trim() ? context : null });
  };

  const editKeys = (event: KeyboardEvent<HTMLTextAreaElement>, revert: () => void) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      discardingEdit.current = true;
      revert();
      event.currentTarget.blur();
    }
  };

  const confirmDelete = async () => {
    if (!idea) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.deleteIdea(idea.id);
      dialogRef.current?.close();
      notify('Idea deleted');
      void reloadAreas();
      navigate('/');
    } catch (error) {
      setDeleteError(errorMessage(error));
      setDeleting(false);
    }
  };

  if (loadError) {
    return (
      <div className="page page--narrow">
        <BackLink />
        <div className="empty">
          <p className="empty__title">
            {loadError.status === 404 ? 'This idea does not exist (any more).' : 'Could not load this idea.'}
          </p>
          <p className="empty__text">
            {loadError.status === 404 ? 'It may have been deleted.' : loadError.message}
          </p>
          <Link to="/" className="button button--small">
            Back to inbox
          </Link>
        </div>
      </div>
    );
  }

  if (!idea) {
    return (
      <div className="page page--narrow" aria-busy="true">
        <BackLink />
        <div className="card idea-card">
          <span className="skeleton skeleton--title" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--short" />
        </div>
      </div>
    );
  }

  const transitions = allowedTransitions(idea.status);

  return (
    <div className="page page--narrow">
      <BackLink />
      <h1 className="visually-hidden">Idea</h1>

      <article className="card idea-card" aria-label="Idea">
        <div className="idea-card__top">
          <StatusBadge status={idea.status} />
          <span className="meta-text">
            {SOURCE_LABELS[idea.source]} ·{' '}
            <time dateTime={idea.createdAt} title={fullTime(idea.createdAt)}>
              captured {relativeTime(idea.createdAt)}
            </time>
          </span>
        </div>

        <label htmlFor={fid('text')} className="visually-hidden">
          Idea text
        </label>
        <textarea
          id={fid('text')}
          className="idea-card__text"
          value={text}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          onBlur={saveText}
          onKeyDown={(e) => editKeys(e, () => setText(idea.text))}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? fid('text-error') : fid('text-hint')}
        />
        <FieldError id={fid('text-error')} field="text" message={errors.text} />
        <p id={fid('text-hint')} className="hint">
          Click to edit. <kbd>Enter</kbd> saves, <kbd>Esc</kbd> undoes.
        </p>

        <section className="status-panel" aria-labelledby={fid('status-heading')}>
          <div>
            <h2 id={fid('status-heading')} className="field__label">
              Status: {STATUS_LABELS[idea.status]}
            </h2>
            <p className="hint">{STATUS_HELP[idea.status]}</p>
          </div>
          <fieldset
            className="status-panel__actions"
            aria-describedby={errors.status ? fid('status-error') : undefined}
          >
            <legend className="visually-hidden">Change status</legend>
            {transitions.map((to) => (
              <button
                key={to}
                type="button"
                className={`button button--small ${TRANSITION_STYLE[transitionKind(idea.status, to)]}`}
                disabled={busy === 'status'}
                onClick={() => save('status', { status: to }, `Moved to ${STATUS_LABELS[to].toLowerCase()}`)}
              >
                {transitionLabel(idea.status, to)}
              </button>
            ))}
          </fieldset>
          <FieldError id={fid('status-error')} field="status" message={errors.status} />
        </section>

        <div className="details">
          <div className="field">
            <label htmlFor={fid('area')} className="field__label">
              Area
            </label>
            <AreaSelect
              id={fid('area')}
              className="select"
              value={idea.areaId}
              disabled={busy === 'areaId'}
              onChange={(areaId) => save('areaId', { areaId })}
              aria-invalid={errors.areaId ? true : undefined}
              aria-describedby={errors.areaId ? fid('area-error') : undefined}
            />
            <FieldError id={fid('area-error')} field="areaId" message={errors.areaId} />
          </div>

          <div className="field">
            <ChoiceGroup
              legend="Value"
              choices={VALUE_CHOICES}
              value={idea.value}
              onChange={(value) => save('value', { value })}
              noneLabel="No value"
              errorId={errors.value ? fid('value-error') : undefined}
            />
            <FieldError id={fid('value-error')} field="value" message={errors.value} />
          </div>

          <div className="field">
            <ChoiceGroup<Effort>
              legend="Effort"
              choices={EFFORT_CHOICES}
              value={idea.effort}
              onChange={(effort) => save('effort', { effort })}
              noneLabel="No effort estimate"
              errorId={errors.effort ? fid('effort-error') : undefined}
            />
            <FieldError id={fid('effort-error')} field="effort" message={errors.effort} />
          </div>
        </div>

        <div className="field">
          <label htmlFor={fid('context')} className="field__label">
            Context <span className="field__optional">what you were working on</span>
          </label>
          <textarea
            id={fid('context')}
            className="textarea"
            value={context}
            rows={2}
            placeholder="e.g. reviewing a draft with my advisor"
            onChange={(e) => setContext(e.target.value)}
            onBlur={saveContext}
            onKeyDown={(e) => editKeys(e, () => setContext(idea.context ?? ''))}
            aria-invalid={errors.context ? true : undefined}
            aria-describedby={errors.context ? fid('context-error') : undefined}
          />
          <FieldError id={fid('context-error')} field="context" message={errors.context} />
        </div>

        <footer className="idea-card__footer">
          <dl className="timestamps">
            <div>
              <dt>Captured</dt>
              <dd>{fullTime(idea.createdAt)}</dd>
            </div>
            <div>
              <dt>Status since</dt>
              <dd>{fullTime(idea.statusChangedAt)}</dd>
            </div>
            <div>
              <dt>Last edited</dt>
              <dd>{fullTime(idea.updatedAt)}</dd>
            </div>
          </dl>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => {
              setDeleteError(null);
              dialogRef.current?.showModal();
            }}
          >
            Delete idea
          </button>
        </footer>
      </article>

      <IdeaPlans idea={idea} onChanged={reloadStatus} />

      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={fid('delete-title')}
        aria-describedby={fid('delete-text')}
      >
        <h2 id={fid('delete-title')} className="dialog__title">
          Delete this idea?
        </h2>
        <p id={fid('delete-text')} className="dialog__text">
          “{idea.text.length > 140 ? `${idea.text.slice(0, 140)}…` : idea.text}” will be gone for good. If it
          just did not work out, <strong>Drop</strong> keeps it in your history instead.
        </p>
        {deleteError && (
          <p className="form-error" role="alert">
            {deleteError}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={confirmDelete} disabled={deleting}>
            {deleting ? 'Deleting…' : 'Delete for good'}
          </button>
        </div>
      </dialog>
    </div>
  );
}

function BackLink() {
  return (
    <Link to={`/${sessionStorage.getItem(INBOX_SEARCH_KEY) ?? ''}`} className="back-link">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M10 3 5 8l5 5" />
      </svg>
      Inbox
    </Link>
  );
}
