import { useId } from 'react';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import type { NotesStatus } from './notes/notes-sync.js';
import { useSharedNotes } from './notes/use-shared-notes.js';

const STATUS_TEXT: Record<NotesStatus, string> = {
  loading: 'Loading…',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Not saved yet, trying again…',
};

/** The notes both people write in at once; each sees the other's words as they come. */
export function SharedNotes() {
  const id = useId();
  const notes = useSharedNotes();
  return (
    <section className="shared-notes" aria-labelledby={`${id}-label`}>
      <div className="room-section__head">
        <label id={`${id}-label`} htmlFor={`${id}-text`} className="section-title">
          Shared notes
        </label>
        <span className="room-status" id={`${id}-status`}>
          {STATUS_TEXT[notes.status]}
        </span>
      </div>
      <textarea
        id={`${id}-text`}
        ref={notes.ref}
        className="textarea shared-notes__text"
        onInput={notes.onInput}
        readOnly={notes.status === 'loading'}
        aria-describedby={`${id}-hint`}
        rows={10}
        spellCheck
      />
      <p id={`${id}-hint`} className="hint">
        You both see and write these; they are in the summary you both get.
      </p>
      {notes.error && <ErrorNotice onRetry={notes.retry}>{notes.error}</ErrorNotice>}
    </section>
  );
}
