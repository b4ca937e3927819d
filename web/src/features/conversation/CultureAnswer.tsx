import { useId, useState } from 'react';
import type { CultureRecord } from '../../../../src/core/coaching/conversation.js';
import {
  type CultureAnswer as Answer,
  CULTURE_ANSWER_LABELS,
  CULTURE_ANSWERS,
} from '../../../../src/core/culture/answers.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { conversationApi } from './api.js';

export const CULTURE_QUESTION = 'How do you get better at research at the moment?';

/** The coach codes the researcher's answer to the culture question with one click, plus a note. */
export function CultureAnswer({ roomId, initial }: { roomId: string; initial: CultureRecord }) {
  const id = useId();
  const [answer, setAnswer] = useState<Answer | null>(initial.answer);
  const [note, setNote] = useState(initial.note);
  const [saved, setSaved] = useState(initial);
  const save = useApiAction(
    (next: CultureRecord) => conversationApi.saveCulture(roomId, next.answer, next.note),
    {
      onSuccess: (record) => {
        setSaved(record);
        setTouched(true);
      },
    },
  );
  const [touched, setTouched] = useState(false);
  const unsaved = saved.answer !== answer || saved.note !== note.trim();
  // Quiet until the coach changes something: "Saved" then confirms it.
  const status = save.busy ? 'Saving…' : !touched ? '' : unsaved ? 'Not saved' : 'Saved';

  return (
    <section className="culture room-panel" aria-labelledby={`${id}-legend`}>
      <fieldset className="culture__choices">
        <legend id={`${id}-legend`} className="section-title">
          {CULTURE_QUESTION}
        </legend>
        <p className="coach-notes__private">Only you see this. Code what they said.</p>
        <div className="culture__chips">
          {CULTURE_ANSWERS.map((value) => (
            <label key={value} className="culture__chip">
              <input
                type="radio"
                name={`${id}-answer`}
                value={value}
                checked={answer === value}
                onChange={() => {
                  setAnswer(value);
                  void save.run({ answer: value, note: note.trim() });
                }}
              />
              <span>{CULTURE_ANSWER_LABELS[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          Note <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-note`}
          className="input"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (note.trim() !== saved.note) void save.run({ answer, note: note.trim() });
          }}
        />
      </div>
      <p className="room-status" aria-live="polite">
        {status}
      </p>
      {save.error && <ErrorNotice>{save.error}</ErrorNotice>}
    </section>
  );
}
