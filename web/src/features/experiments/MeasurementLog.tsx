import { useId } from 'react';
import * as z from 'zod/mini';
import type { ExperimentView } from '../../../../src/core/experiments/view.js';
import { plural } from '../../../../src/core/plural.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { controlProps } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { experimentsApi } from './api.js';
import { useRefreshExperiment } from './queries.js';

/** A typed value as a number; a decimal comma is fine ("2,5"). */
const toNumber = (text: string) => Number(text.replace(',', '.'));

const MeasurementFields = z.object({
  value: z
    .string()
    .check(z.refine((text) => text.trim() !== '' && Number.isFinite(toNumber(text)), 'Enter a number.')),
});

/** Logs one value of the experiment's measurement; it counts to the phase that is running. */
export function MeasurementLog({ view }: { view: ExperimentView }) {
  const { notify } = useToast();
  const refresh = useRefreshExperiment(view.id);
  const id = useId();
  const measurement = view.measurement;
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { value: '' },
    schema: MeasurementFields,
    submit: ({ value }) =>
      experimentsApi.logMeasurement({ name: measurement?.name ?? '', value: toNumber(value) }),
    onSuccess: (_logged, { value }) => {
      form.reset();
      notify(`Logged ${measurement?.name}: ${toNumber(value)}`);
      refresh();
    },
  });
  if (!measurement) return null;
  const name = measurement.name.charAt(0).toUpperCase() + measurement.name.slice(1);
  const label = measurement.unit ? `${name} (${measurement.unit})` : name;
  const [first, second] = view.phases;
  // The message shows under the whole row (field and button), whatever its cause.
  const message = errorOf('value') ?? problem ?? undefined;

  return (
    <div className="experiment-now__hints">
      <form className="measure-form" aria-label="Log a measurement" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-value`} className="field__label">
            {label}
          </label>
          <input
            {...controlProps(`${id}-value`, message)}
            {...form.register('value')}
            className="input input--number"
            inputMode="decimal"
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Log measurement
        </button>
      </form>
      <FieldError id={`${id}-value-error`} field="value" message={message} />
      <p className="meta-text">
        Logged so far: {plural(view.recorded[first.key] ?? 0, 'value')} in phase 1
        {second.startedAt ? `, ${plural(view.recorded[second.key] ?? 0, 'value')} in phase 2` : ''}. From the
        terminal:{' '}
        <code>
          whet measure {measurement.name.includes(' ') ? `"${measurement.name}"` : measurement.name} 4
        </code>
      </p>
    </div>
  );
}
