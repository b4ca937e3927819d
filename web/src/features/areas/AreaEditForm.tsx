import { useId } from 'react';
import type { Area } from '../../../../src/core/areas.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useAreas, useToast } from '../../shared/state.js';
import { type AreaPatch, areasApi } from './api.js';
import { AreaFields, type AreaFieldValues } from './area-fields.js';

/** "Edit <name>": rename an area or change its description; Escape or Cancel leaves it as it was. */
export function AreaEditForm({ area, onDone }: { area: Area; onDone: () => void }) {
  const { upsert } = useAreas();
  const { notify } = useToast();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<AreaFieldValues, Area | null>({
    defaultValues: { name: area.name, description: area.description ?? '' },
    schema: AreaFields,
    submit: ({ name, description }) => {
      const patch: AreaPatch = {};
      if (name !== area.name) patch.name = name;
      if ((description ?? '') !== (area.description ?? '')) patch.description = description || null;
      // Nothing changed: nothing to send.
      return Object.keys(patch).length > 0 ? areasApi.updateArea(area.id, patch) : Promise.resolve(null);
    },
    onSuccess: (updated) => {
      if (updated) {
        upsert(updated);
        notify(`Saved “${updated.name}”`);
      }
      onDone();
    },
  });
  const leaveOnEscape = (event: { key: string }) => event.key === 'Escape' && onDone();

  return (
    <>
      <form onSubmit={onSubmit} className="area-edit" aria-label={`Edit ${area.name}`} noValidate>
        <Field id={`${id}-name`} name="name" label="Name" error={errorOf('name')}>
          {(control) => (
            <input
              {...control}
              {...form.register('name')}
              className="input"
              onKeyDown={leaveOnEscape}
              // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this area
              autoFocus
            />
          )}
        </Field>
        <Field
          id={`${id}-description`}
          name="description"
          label="Description"
          className="field field--grow"
          error={errorOf('description')}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('description')}
              className="input"
              onKeyDown={leaveOnEscape}
            />
          )}
        </Field>
        <div className="area-edit__actions">
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            Save
          </button>
          <button type="button" className="button button--small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
