import { useWatch } from 'react-hook-form';
import { Field } from '../../../shared/forms/Field.js';
import type { ApiForm } from '../../../shared/forms/use-api-form.js';
import type { StartFormValues } from './values.js';

/** Bounds of the core's measurement (its schema has them inline, not as constants). */
const NAME_MAX = 120;
const UNIT_MAX = 60;

/** A measurement template's quantity: its name, unit and which way is better. */
export function MeasurementFields({ id, start }: { id: string; start: ApiForm<StartFormValues> }) {
  const { form, errorOf } = start;
  const name = useWatch({ control: form.control, name: 'measurement.name' });
  return (
    <fieldset className="start-card__field start-card__section">
      <legend>What you will measure</legend>
      <div className="form-grid">
        <Field
          id={`${id}-mname`}
          name="measurement.name"
          label="Measurement name"
          className="field field--grow"
          error={errorOf('measurement.name')}
          hint={
            <>
              Log it as you go, e.g. <code>whet measure {name.trim() || 'interruptions'} 4</code>.
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...form.register('measurement.name')}
              className="input"
              placeholder="e.g. interruptions"
              maxLength={NAME_MAX}
            />
          )}
        </Field>
        <Field
          id={`${id}-munit`}
          name="measurement.unit"
          label={
            <>
              Unit <span className="field__optional">optional</span>
            </>
          }
          error={errorOf('measurement.unit')}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('measurement.unit')}
              className="input"
              placeholder="per day"
              maxLength={UNIT_MAX}
            />
          )}
        </Field>
      </div>
      <fieldset className="choice-group">
        <legend className="choice-group__legend">Better when it is</legend>
        <div className="choice-group__options">
          {(['lower', 'higher'] as const).map((b) => (
            <label key={b} className="choice">
              <input type="radio" value={b} {...form.register('measurement.better')} />
              <span>{b === 'lower' ? 'Lower' : 'Higher'}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
