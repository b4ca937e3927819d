import { type FormEvent, useId, useState } from 'react';
import { ApiError, api, type ExperimentView, errorMessage } from '../../api.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { plural } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';

/** Logs one value of the experiment's measurement; it counts to the phase that is running. */
export function MeasurementLog({ view, onLogged }: { view: ExperimentView; onLogged: () => void }) {
  const { notify } = useToast();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const measurement = view.measurement;
  if (!measurement) return null;
  const name = measurement.name.charAt(0).toUpperCase() + measurement.name.slice(1);
  const label = measurement.unit ? `${name} (${measurement.unit})` : name;
  const [first, second] = view.phases;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(number)) {
      setProblem('Enter a number.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api.logMeasurement({ name: measurement.name, value: number });
      setValue('');
      notify(`Logged ${measurement.name}: ${number}`);
      onLogged();
    } catch (error) {
      setProblem(
        error instanceof ApiError ? (error.field('value') ?? errorMessage(error)) : errorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="experiment-now__hints">
      <form className="measure-form" aria-label="Log a measurement" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-value`} className="field__label">
            {label}
          </label>
          <input
            id={`${id}-value`}
            className="input input--number"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Log measurement
        </button>
      </form>
      <FieldError id={`${id}-error`} field="value" message={problem ?? undefined} />
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
