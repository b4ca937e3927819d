import { useState } from 'react';
import { Link } from 'react-router';
import type { Area } from '../../../../src/core/areas.js';
import { plural } from '../../../../src/core/plural.js';
import { useApiAction } from '../../shared/api/action.js';
import { fieldMessage } from '../../shared/format.js';
import { useAreas, useToast } from '../../shared/state.js';
import { AreaEditForm } from './AreaEditForm.js';
import { areasApi } from './api.js';

type RowChange = 'archive' | 'restore' | 'delete';

const DONE: Record<RowChange, string> = { archive: 'Archived', restore: 'Restored', delete: 'Deleted' };

/** One area: its name and idea count, and the buttons to rename, archive, restore or delete it. */
export function AreaRow({ area }: { area: Area }) {
  const { upsert, remove } = useAreas();
  const { notify } = useToast();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deletable = !area.isDefault && area.ideaCount === 0;

  const change = useApiAction(
    (kind: RowChange) =>
      kind === 'delete'
        ? areasApi.deleteArea(area.id).then(() => null)
        : areasApi.updateArea(area.id, { archived: kind === 'archive' }),
    {
      onSuccess: (updated, kind) => {
        if (updated) upsert(updated);
        else remove(area.id);
        notify(`${DONE[kind]} “${area.name}”`);
      },
    },
  );
  // A refusal about archiving reads as a sentence about it; any other as the server put it.
  const refusal = change.fields.archived ? fieldMessage('archived', change.fields.archived) : change.error;

  if (editing) {
    return (
      <li className="area-row area-row--editing">
        <AreaEditForm area={area} onDone={() => setEditing(false)} />
      </li>
    );
  }

  return (
    <li className="area-row">
      <div className="area-row__main">
        <div className="area-row__title">
          <span className="area-row__name">{area.name}</span>
          {!area.isDefault && <span className="tag">Custom</span>}
        </div>
        {area.description && <p className="area-row__description">{area.description}</p>}
      </div>
      <Link
        to={`/?area=${encodeURIComponent(area.id)}`}
        className={area.ideaCount > 0 ? 'area-row__count' : 'area-row__count area-row__count--zero'}
        aria-label={`${plural(area.ideaCount, 'idea')} in ${area.name}`}
      >
        {plural(area.ideaCount, 'idea')}
      </Link>
      <div className="area-row__actions">
        {confirmDelete ? (
          <>
            <span className="meta-text">Delete for good?</span>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => change.run('delete')}
              disabled={change.busy}
              aria-label={`Confirm delete ${area.name}`}
            >
              Delete
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            {!area.archivedAt && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setEditing(true)}
                aria-label={`Rename ${area.name}`}
              >
                Rename
              </button>
            )}
            {area.archivedAt ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => change.run('restore')}
                disabled={change.busy}
                aria-label={`Restore ${area.name}`}
              >
                Restore
              </button>
            ) : (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => change.run('archive')}
                disabled={change.busy}
                aria-label={`Archive ${area.name}`}
              >
                Archive
              </button>
            )}
            {deletable && (
              <button
                type="button"
                className="button button--quiet button--small button--danger-quiet"
                onClick={() => setConfirmDelete(true)}
                aria-label={`Delete ${area.name}`}
              >
                Delete
              </button>
            )}
          </>
        )}
      </div>
      {refusal && (
        <p className="form-error area-row__error" role="alert">
          {refusal}
        </p>
      )}
    </li>
  );
}
