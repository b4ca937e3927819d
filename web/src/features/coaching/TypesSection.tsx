import { useState } from 'react';
import type { ConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { coachApi, coachKeys } from './api.js';
import { TypeForm } from './TypeForm.js';
import { TypeRow } from './TypeRow.js';

/** The conversations a coach offers: a row each, edited in place; "New conversation type" adds one. */
export function TypesSection({ handle }: { handle: string }) {
  const { notify } = useToast();
  const types = useApiQuery(coachKeys.types, (signal) => coachApi.types(signal));
  const [adding, setAdding] = useState(false);
  const replace = (saved: ConversationType) =>
    types.setData((list) => {
      const items = list ?? [];
      return items.some((t) => t.id === saved.id)
        ? items.map((t) => (t.id === saved.id ? saved : t))
        : [...items, saved];
    });

  if (types.error) return <ErrorNotice onRetry={() => void types.reload()}>{types.error}</ErrorNotice>;
  if (!types.data) return <LoadingCard lines={2} />;
  return (
    <>
      {types.data.length === 0 && !adding && (
        <div className="card empty-card">
          <p className="empty-card__title">You offer no conversations yet.</p>
          <p className="meta-text">
            Add one — its length, where it happens and what you ask — then switch it on.
          </p>
        </div>
      )}
      {types.data.length > 0 && (
        <ul className="card row-list" aria-label="Conversation types">
          {types.data.map((type) => (
            <TypeRow
              key={type.id}
              type={type}
              handle={handle}
              onSaved={replace}
              onDeleted={() => types.setData((list) => list?.filter((t) => t.id !== type.id) ?? null)}
            />
          ))}
        </ul>
      )}
      {adding ? (
        <TypeForm
          onSaved={(saved) => {
            replace(saved);
            setAdding(false);
            notify(
              saved.active
                ? `${saved.title} is open for booking`
                : `${saved.title} added; switch it on when ready`,
            );
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button coach-section__add" onClick={() => setAdding(true)}>
          New conversation type
        </button>
      )}
    </>
  );
}
