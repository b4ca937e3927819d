import { useState } from 'react';
import type { ConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { coachApi } from './api.js';
import { CopyButton } from './CopyButton.js';
import { publicAddress } from './public-address.js';
import { TypeForm } from './TypeForm.js';
import { durationText, typeInput } from './type-values.js';

/** One type: title, length, its switch, its public link; Edit opens the form in its place. */
export function TypeRow({
  type,
  handle,
  onSaved,
  onDeleted,
}: {
  type: ConversationType;
  handle: string;
  onSaved: (saved: ConversationType) => void;
  onDeleted: () => void;
}) {
  const { notify } = useToast();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The switch moves at once; it settles on the server's answer (back, if the save failed).
  const [pending, setPending] = useState<boolean | null>(null);
  const link = publicAddress(handle, type.slug);
  const toggle = useApiAction(
    (active: boolean) => coachApi.updateType(type.id, { ...typeInput(type), active }),
    {
      onSuccess: (saved) => {
        onSaved(saved);
        notify(saved.active ? `${saved.title} is open for booking` : `${saved.title} is switched off`);
      },
    },
  );
  const remove = useApiAction(() => coachApi.deleteType(type.id), {
    onSuccess: () => {
      notify(`${type.title} deleted`);
      onDeleted();
    },
  });

  if (editing)
    return (
      <li className="row-list__row type-row--editing">
        <TypeForm
          type={type}
          onSaved={(saved) => {
            onSaved(saved);
            setEditing(false);
            notify(`${saved.title} saved`);
          }}
          onClose={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="row-list__row type-row">
      <div className="type-row__text">
        <span className="type-row__title">
          {type.title}
          <span className={type.active ? 'tag tag--accent' : 'tag'}>{type.active ? 'On' : 'Off'}</span>
        </span>
        <span className="meta-text">
          {durationText(type.durationMinutes)} · {type.locationKind === 'video' ? 'video call' : 'in person'}
          {type.questions.length > 0 &&
            ` · ${type.questions.length} question${type.questions.length === 1 ? '' : 's'}`}
        </span>
        <span className="type-row__link">
          <a href={link} className="coach-address" target="_blank" rel="noreferrer">
            {link}
          </a>
          <CopyButton text={link} label={`Copy the link of ${type.title}`} />
        </span>
        {(toggle.error || remove.error) && <ErrorNotice>{toggle.error ?? remove.error}</ErrorNotice>}
      </div>
      <div className="type-row__actions">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={pending ?? type.active}
            aria-checked={pending ?? type.active}
            disabled={toggle.busy}
            onChange={(event) => {
              setPending(event.target.checked);
              void toggle.run(event.target.checked).finally(() => setPending(null));
            }}
          />
          <span className="switch__label">
            <span className="visually-hidden">{type.title}: </span>Open for booking
          </span>
        </label>
        {confirming ? (
          <span className="type-row__confirm">
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={remove.busy}
              aria-label={`Confirm delete ${type.title}`}
              onClick={() => void remove.run()}
            >
              Confirm delete
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${type.title}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-quiet"
              aria-label={`Delete ${type.title}`}
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}
