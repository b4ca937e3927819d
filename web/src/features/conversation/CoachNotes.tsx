import { useEffect, useId, useState } from 'react';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { conversationApi } from './api.js';

const SAVE_AFTER_MS = 1_200;

/** The coach's private notes: saved a moment after typing stops, and on leaving the field. */
export function CoachNotes({ roomId, initial }: { roomId: string; initial: string }) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const save = useApiAction((value: string) => conversationApi.saveCoachNotes(roomId, value), {
    onSuccess: (result) => setSaved(result.text),
  });
  const { run } = save;
  // The server trims what it keeps, so trailing blanks are not an unsaved change.
  const dirty = text.trim() !== saved.trim();

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void run(text), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, run]);

  return (
    <section className="coach-notes room-panel" aria-labelledby={`${id}-label`}>
      <div className="room-section__head">
        <label id={`${id}-label`} htmlFor={`${id}-text`} className="section-title">
          Your private notes
        </label>
        <span className="room-status">{save.busy || dirty ? 'Saving…' : 'Saved'}</span>
      </div>
      <p id={`${id}-hint`} className="coach-notes__private">
        Only you see these.
      </p>
      <textarea
        id={`${id}-text`}
        className="textarea"
        rows={5}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (dirty) void run(text);
        }}
      />
      {save.error && <ErrorNotice>{save.error}</ErrorNotice>}
    </section>
  );
}
