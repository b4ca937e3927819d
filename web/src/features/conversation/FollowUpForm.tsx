import { type FormEvent, useId, useState } from 'react';
import type { ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { FOLLOW_UP_STARTS_MAX } from '../../../../src/core/coaching/limits.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { browserTimeZone } from '../../shared/time-zone.js';
import { conversationApi, conversationKeys, followUpApi } from './api.js';
import { startTime } from './when.js';

/** The coach proposes a follow-up: one of their conversation types, and up to five free times. */
export function FollowUpForm({
  room,
  onSaved,
}: {
  room: ConversationRoom;
  onSaved: (room: ConversationRoom) => void;
}) {
  const id = useId();
  const { notify } = useToast();
  const types = useApiQuery(conversationKeys.coachTypes, (signal) => followUpApi.types(signal));
  const profile = useApiQuery(conversationKeys.coachProfile, (signal) => followUpApi.profile(signal));
  const active = (types.data ?? []).filter((type) => type.active);
  const [slug, setSlug] = useState(room.followUp?.typeSlug ?? '');
  const [starts, setStarts] = useState<string[]>(room.followUp?.starts ?? []);
  const [note, setNote] = useState(room.followUp?.note ?? '');
  const chosen = slug || active[0]?.slug || '';
  const save = useApiAction(
    () => conversationApi.proposeFollowUp(room.bookingId, { typeSlug: chosen, starts, note: note.trim() }),
    {
      onSuccess: (updated) => {
        onSaved(updated);
        notify('Follow-up proposed');
      },
    },
  );

  if (types.error) return <ErrorNotice onRetry={() => void types.reload()}>{types.error}</ErrorNotice>;
  if (!types.data) return <LoadingCard />;
  if (active.length === 0)
    return <p className="meta-text">You offer no conversation type to book as a follow-up.</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form className="follow-up-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className="follow-up-offer__title">
        {room.followUp ? 'The follow-up you proposed' : 'Propose a follow-up'}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-type`} className="field__label">
          Conversation
        </label>
        <select
          id={`${id}-type`}
          className="select"
          value={chosen}
          onChange={(event) => {
            setSlug(event.target.value);
            setStarts([]);
          }}
        >
          {active.map((type) => (
            <option key={type.slug} value={type.slug}>
              {type.title}
            </option>
          ))}
        </select>
      </div>
      {profile.data && (
        <OfferedTimes handle={profile.data.handle} slug={chosen} starts={starts} onChange={setStarts} />
      )}
      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          Note <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-note`}
          className="input"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={save.busy}>
        {room.followUp ? 'Update the follow-up' : 'Propose the follow-up'}
      </button>
      {save.error && <ErrorNotice>{save.error}</ErrorNotice>}
    </form>
  );
}

/** Free times of the chosen type, a few days' worth, ticked to offer them (at most five). */
function OfferedTimes({
  handle,
  slug,
  starts,
  onChange,
}: {
  handle: string;
  slug: string;
  starts: string[];
  onChange: (starts: string[]) => void;
}) {
  const id = useId();
  const timeZone = browserTimeZone();
  const slots = useApiQuery(conversationKeys.slots(handle, slug, timeZone), (signal) =>
    followUpApi.slots(handle, slug, timeZone, signal),
  );
  if (slots.error) return <ErrorNotice onRetry={() => void slots.reload()}>{slots.error}</ErrorNotice>;
  if (!slots.data) return <LoadingCard />;
  const offered = slots.data.days.flatMap((day) => day.slots).slice(0, 12);
  const full = starts.length >= FOLLOW_UP_STARTS_MAX;
  return (
    <fieldset className="follow-up-form__times">
      <legend className="field__label">
        Times to offer <span className="field__optional">(optional, up to {FOLLOW_UP_STARTS_MAX})</span>
      </legend>
      {offered.length === 0 ? (
        <p className="meta-text">No free time in this conversation’s booking window.</p>
      ) : (
        <div className="culture__chips">
          {offered.map((slot) => {
            const checked = starts.includes(slot.start);
            return (
              <label key={slot.start} className="culture__chip">
                <input
                  type="checkbox"
                  name={`${id}-start`}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={() =>
                    onChange(checked ? starts.filter((s) => s !== slot.start) : [...starts, slot.start])
                  }
                />
                <span>{startTime(slot.start)}</span>
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
