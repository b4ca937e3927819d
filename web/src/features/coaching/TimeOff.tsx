import { useId } from 'react';
import type { Availability } from '../../../../src/core/coaching/availability.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { todayIn } from '../../shared/time-zone.js';

type Stretch = Availability['timeOff'][number];

/** Whole days off, first to last day inclusive, each with an optional note for oneself. */
export function TimeOff({
  timeOff,
  zone,
  onChange,
  errorOf,
}: {
  timeOff: readonly Stretch[];
  zone: string;
  onChange: (timeOff: Stretch[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const id = useId();
  const set = (index: number, change: Partial<Stretch>) =>
    onChange(timeOff.map((t, i) => (i === index ? { ...t, ...change } : t)));
  const today = todayIn(zone);

  return (
    <div className="time-off">
      {timeOff.length === 0 && <p className="meta-text">No time off planned.</p>}
      {timeOff.map((stretch, index) => {
        const rowId = `${id}-${index}`;
        const error = errorOf(`timeOff.${index}.to`) ?? errorOf(`timeOff.${index}.from`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: stretches have no id; their place is their identity
          <fieldset key={index} className="time-off__row">
            <legend className="visually-hidden">Time off {index + 1}</legend>
            <div className="field">
              <label htmlFor={`${rowId}-from`} className="field__label">
                From
              </label>
              <input
                id={`${rowId}-from`}
                type="date"
                className="input"
                value={stretch.from}
                onChange={(event) => set(index, { from: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-to`} className="field__label">
                To
              </label>
              <input
                id={`${rowId}-to`}
                type="date"
                className="input"
                value={stretch.to}
                min={stretch.from}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${rowId}-error` : undefined}
                onChange={(event) => set(index, { to: event.target.value })}
              />
            </div>
            <div className="field field--grow">
              <label htmlFor={`${rowId}-note`} className="field__label">
                Note (optional)
              </label>
              <input
                id={`${rowId}-note`}
                className="input"
                maxLength={200}
                value={stretch.note ?? ''}
                onChange={(event) => set(index, { note: event.target.value })}
              />
            </div>
            <button
              type="button"
              className="button button--small button--danger-quiet time-off__remove"
              aria-label={`Remove time off ${index + 1}`}
              onClick={() => onChange(timeOff.filter((_, i) => i !== index))}
            >
              Remove
            </button>
            <FieldError id={`${rowId}-error`} field="timeOff" message={error} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button time-off__add"
        onClick={() => onChange([...timeOff, { from: today, to: today }])}
      >
        Add time off
      </button>
    </div>
  );
}
