import { type FormEvent, useId, useState } from 'react';
import type { Availability } from '../../../../src/core/coaching/availability.js';
import { useApiAction } from '../../shared/api/action.js';
import { useToast } from '../../shared/state.js';
import { coachApi } from './api.js';
import { DateOverrides } from './DateOverrides.js';
import { SaveButton } from './SaveButton.js';
import { TimeOff } from './TimeOff.js';
import { WeeklyHours } from './WeeklyHours.js';

/** What is sent: notes only when written (the API has no empty note). */
function cleaned(availability: Availability): Availability {
  return {
    ...availability,
    timeOff: availability.timeOff.map(({ note, ...stretch }) =>
      note?.trim() ? { ...stretch, note: note.trim() } : stretch,
    ),
  };
}

/**
 * Weekly hours, date overrides and time off: one document on the server, so one form and one
 * save. The server's messages arrive by path (`weekly.mon.0.end`) and are shown at that range.
 */
export function AvailabilitySection({
  availability,
  zone,
  onSaved,
}: {
  availability: Availability;
  zone: string;
  onSaved: (saved: Availability) => void;
}) {
  const id = useId();
  const { notify } = useToast();
  const [draft, setDraft] = useState(availability);
  const [dirty, setDirty] = useState(false);
  const save = useApiAction((input: Availability) => coachApi.saveAvailability(input), {
    onSuccess: (saved) => {
      setDraft(saved);
      setDirty(false);
      notify('Hours saved');
      onSaved(saved);
    },
  });
  const edit = (change: Partial<Availability>) => {
    setDraft((current) => ({ ...current, ...change }));
    setDirty(true);
  };
  const errorOf = (path: string) => save.fields[path];
  const named = Object.keys(save.fields).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(cleaned(draft));
  };

  return (
    <form className="card coach-form" aria-label="Availability" noValidate onSubmit={submit}>
      <div className="coach-form__part">
        <h3 id={`${id}-weekly`} className="coach-form__title">
          Weekly hours
        </h3>
        <p className="hint">When you can be booked each week, in {zone}.</p>
        <WeeklyHours weekly={draft.weekly} onChange={(weekly) => edit({ weekly })} errorOf={errorOf} />
      </div>
      <div className="coach-form__part">
        <h3 className="coach-form__title">Date overrides</h3>
        <p className="hint">Other hours on one date, or the whole day unavailable.</p>
        <DateOverrides
          overrides={draft.overrides}
          onChange={(overrides) => edit({ overrides })}
          errorOf={errorOf}
        />
      </div>
      <div className="coach-form__part">
        <h3 className="coach-form__title">Time off</h3>
        <p className="hint">Whole days nobody can book, first to last day.</p>
        <TimeOff
          timeOff={draft.timeOff}
          zone={zone}
          onChange={(timeOff) => edit({ timeOff })}
          errorOf={errorOf}
        />
      </div>
      {save.error && (
        <p className="form-error" role="alert">
          {named ? 'Some hours need a fix; see the marked ranges.' : save.error}
        </p>
      )}
      <SaveButton busy={save.busy} dirty={dirty} label="Save hours" />
    </form>
  );
}
