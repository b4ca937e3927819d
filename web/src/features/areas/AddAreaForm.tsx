import { useId } from 'react';
import type { Area } from '../../../../src/core/areas.js';
import { AREA_DESCRIPTION_MAX, AREA_NAME_MAX } from '../../../../src/core/limits.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useAreas, useToast } from '../../shared/state.js';
import { areasApi } from './api.js';
import { AreaFields, type AreaFieldValues, limitHint } from './area-fields.js';

/** "Add an area": a name and an optional description. */
export function AddAreaForm() {
  const { upsert } = useAreas();
  const { notify } = useToast();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<AreaFieldValues, Area>({
    defaultValues: { name: '', description: '' },
    schema: AreaFields,
    submit: ({ name, description }) => areasApi.createArea({ name, ...(description ? { description } : {}) }),
    onSuccess: (area) => {
      upsert(area);
      form.reset();
      notify(`Added “${area.name}”`);
      form.setFocus('name');
    },
  });
  const [name, description] = form.watch(['name', 'description']);
  const errors = { name: errorOf('name'), description: errorOf('description') };

  return (
    <form className="card add-area" aria-label="Add an area" onSubmit={onSubmit} noValidate>
      <div className="add-area__fields">
        <Field
          id={`${id}-name`}
          name="name"
          label="Area name"
          error={errors.name}
          hint={limitHint(name.length, AREA_NAME_MAX, errors.name)}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('name')}
              className="input"
              placeholder="e.g. Grant writing"
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          id={`${id}-description`}
          name="description"
          className="field field--grow"
          label={
            <>
              Description <span className="field__optional">optional</span>
            </>
          }
          error={errors.description}
          hint={limitHint(description?.length ?? 0, AREA_DESCRIPTION_MAX, errors.description)}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('description')}
              className="input"
              placeholder="What counts as this area?"
            />
          )}
        </Field>
        <button type="submit" className="button button--primary add-area__submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add area'}
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
