import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useId } from 'react';
import { useNavigate } from 'react-router';
import type { Idea } from '../../../../src/core/ideas.js';
import { useApiAction } from '../../shared/api/action.js';
import { useAreas, useToast } from '../../shared/state.js';
import { ideasApi } from './api.js';
import { forgetIdea } from './queries.js';

/**
 * "Delete this idea?": gone for good, back to the inbox; Drop is the gentler way out. The page
 * opens it through `dialog` (showModal); closing it forgets a failed attempt.
 */
export function DeleteIdeaDialog({
  idea,
  dialog,
}: {
  idea: Idea;
  dialog: RefObject<HTMLDialogElement | null>;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useToast();
  const { reload: reloadAreas } = useAreas();
  const id = useId();
  const remove = useApiAction(() => ideasApi.deleteIdea(idea.id), {
    onSuccess: () => {
      dialog.current?.close();
      notify('Idea deleted');
      void reloadAreas();
      navigate('/');
      forgetIdea(client, idea.id);
    },
  });
  return (
    <dialog
      ref={dialog}
      onClose={remove.reset}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        Delete this idea?
      </h2>
      <p id={`${id}-text`} className="dialog__text">
        “{idea.text.length > 140 ? `${idea.text.slice(0, 140)}…` : idea.text}” will be gone for good. If it
        just did not work out, <strong>Drop</strong> keeps it in your history instead.
      </p>
      {remove.error && (
        <p className="form-error" role="alert">
          {remove.error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => remove.run()}
          disabled={remove.busy}
        >
          {remove.busy ? 'Deleting…' : 'Delete for good'}
        </button>
      </div>
    </dialog>
  );
}
