import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { Area } from '../../../../src/core/areas.js';
import { AREA_DESCRIPTION_MAX, AREA_NAME_MAX } from '../../../../src/core/limits.js';
import { ApiError, api, errorMessage } from '../../api.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { fieldMessage, plural } from '../../shared/format.js';
import { useAreas, useToast } from '../../shared/state.js';
import './areas.css';

export function AreasPage() {
  const { areas, error, reload } = useAreas();
  const active = (areas ?? []).filter((a) => !a.archivedAt);
  const archived = (areas ?? []).filter((a) => a.archivedAt);
  const total = active.reduce((sum, a) => sum + a.ideaCount, 0);

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Areas</h1>
        <p className="page-lede">
          The parts of your research capacity you are sharpening. Start with the defaults, add your own,
          archive what no longer fits.
        </p>
      </header>

      <AddAreaForm />

      {error && (
        <div className="notice notice--error" role="alert">
          <p>Could not load areas: {error}</p>
          <button type="button" className="button button--small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}

      <section aria-labelledby="active-areas">
        <div className="ideas__header">
          <h2 id="active-areas" className="section-title">
            In use
          </h2>
          {areas && <span className="meta-text">{plural(total, 'idea')} filed</span>}
        </div>
        {areas === null && !error ? (
          <div className="card area-list" aria-busy="true">
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line" />
          </div>
        ) : active.length === 0 ? (
          <div className="empty">
            <p className="empty__title">No areas in use.</p>
            <p className="empty__text">Add one above, or restore an archived one below.</p>
          </div>
        ) : (
          <ul className="card area-list" aria-label="Active areas">
            {active.map((area) => (
              <AreaRow key={area.id} area={area} />
            ))}
          </ul>
        )}
      </section>

      {archived.length > 0 && (
        <section aria-labelledby="archived-areas" className="archived">
          <div className="ideas__header">
            <h2 id="archived-areas" className="section-title">
              Archived
            </h2>
            <span className="meta-text">Hidden from capture; their ideas stay.</span>
          </div>
          <ul className="card area-list area-list--archived" aria-label="Archived areas">
            {archived.map((area) => (
              <AreaRow key={area.id} area={area} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function AddAreaForm() {
  const { upsert } = useAreas();
  const { notify } = useToast();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'must not be empty' });
      return;
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const area = await api.createArea({
        name,
        ...(description.trim() ? { description } : {}),
      });
      upsert(area);
      setName('');
      setDescription('');
      notify(`Added “${area.name}”`);
      document.getElementById(`${id}-name`)?.focus();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors({ ...error.fields });
      else setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card add-area" aria-label="Add an area" onSubmit={submit} noValidate>
      <div className="add-area__fields">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">
            Area name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            placeholder="e.g. Grant writing"
            onChange={(e) => {
              setName(e.target.value);
              if (errors.name) setErrors(({ name: _n, ...rest }) => rest);
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            autoComplete="off"
          />
          <FieldError id={`${id}-name-error`} field="name" message={errors.name} />
          {name.length > AREA_NAME_MAX && !errors.name && (
            <p className="hint hint--warn">At most {AREA_NAME_MAX} characters.</p>
          )}
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-description`} className="field__label">
            Description <span className="field__optional">optional</span>
          </label>
          <input
            id={`${id}-description`}
            className="input"
            value={description}
            placeholder="What counts as this area?"
            onChange={(e) => {
              setDescription(e.target.value);
              if (errors.description) setErrors(({ description: _d, ...rest }) => rest);
            }}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? `${id}-description-error` : undefined}
          />
          <FieldError id={`${id}-description-error`} field="description" message={errors.description} />
          {description.length > AREA_DESCRIPTION_MAX && !errors.description && (
            <p className="hint hint--warn">At most {AREA_DESCRIPTION_MAX} characters.</p>
          )}
        </div>
        <button type="submit" className="button button--primary add-area__submit" disabled={saving}>
          {saving ? 'Adding…' : 'Add area'}
        </button>
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
    </form>
  );
}

function AreaRow({ area }: { area: Area }) {
  const { upsert, remove } = useAreas();
  const { notify } = useToast();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(area.name);
  const [description, setDescription] = useState(area.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowError, setRowError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = useId();
  const deletable = !area.isDefault && area.ideaCount === 0;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setRowError(null);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.fields.id) {
        setRowError(error.message);
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors({ ...error.fields });
      } else {
        setRowError(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    void run(async () => {
      const patch: { name?: string; description?: string | null } = {};
      if (name !== area.name) patch.name = name;
      if (description !== (area.description ?? ''))
        patch.description = description.trim() ? description : null;
      if (Object.keys(patch).length > 0) {
        const updated = await api.updateArea(area.id, patch);
        upsert(updated);
        notify(`Saved “${updated.name}”`);
      }
      setEditing(false);
    });
  };

  const setArchived = (archived: boolean) =>
    run(async () => {
      const updated = await api.updateArea(area.id, { archived });
      upsert(updated);
      notify(archived ? `Archived “${area.name}”` : `Restored “${area.name}”`);
    });

  const deleteArea = () =>
    run(async () => {
      await api.deleteArea(area.id);
      remove(area.id);
      notify(`Deleted “${area.name}”`);
    });

  if (editing) {
    return (
      <li className="area-row area-row--editing">
        <form onSubmit={saveEdit} className="area-edit" aria-label={`Edit ${area.name}`} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`} className="field__label">
              Name
            </label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? `${id}-name-error` : undefined}
              // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this area
              autoFocus
            />
            <FieldError id={`${id}-name-error`} field="name" message={errors.name} />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-description`} className="field__label">
              Description
            </label>
            <input
              id={`${id}-description`}
              className="input"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? `${id}-description-error` : undefined}
            />
            <FieldError id={`${id}-description-error`} field="description" message={errors.description} />
          </div>
          <div className="area-edit__actions">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              Save
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
        {rowError && (
          <p className="form-error" role="alert">
            {rowError}
          </p>
        )}
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
              onClick={deleteArea}
              disabled={busy}
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
                onClick={() => {
                  setName(area.name);
                  setDescription(area.description ?? '');
                  setErrors({});
                  setEditing(true);
                }}
                aria-label={`Rename ${area.name}`}
              >
                Rename
              </button>
            )}
            {area.archivedAt ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setArchived(false)}
                disabled={busy}
                aria-label={`Restore ${area.name}`}
              >
                Restore
              </button>
            ) : (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setArchived(true)}
                disabled={busy}
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
      {(rowError || errors.archived) && (
        <p className="form-error area-row__error" role="alert">
          {rowError ?? fieldMessage('archived', errors.archived ?? '')}
        </p>
      )}
    </li>
  );
}
