import { useId, useState } from 'react';
import type { Availability } from '../../../../src/core/coaching/availability.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { RangesEditor } from './RangesEditor.js';

type Override = Availability['overrides'][number];

const heading = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/** `Wed 10 Mar 2027` for a plain date (read at UTC noon, so no zone moves it). */
export const dateText = (date: string) => heading.format(new Date(`${date}T12:00:00Z`));

/** Days whose hours differ from the week's: other ranges, or unavailable all day (no ranges). */
export function DateOverrides({
  overrides,
  onChange,
  errorOf,
}: {
  overrides: readonly Override[];
  onChange: (overrides: Override[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const id = useId();
  const [date, setDate] = useState('');
  const taken = overrides.some((o) => o.date === date);
  const set = (index: number, change: Partial<Override>) =>
    onChange(overrides.map((o, i) => (i === index ? { ...o, ...change } : o)));

  const add = () => {
    if (!date || taken) return;
    const next = [...overrides, { date, ranges: [] }].sort((a, b) => a.date.localeCompare(b.date));
    onChange(next);
    setDate('');
  };

  return (
    <div className="overrides">
      {overrides.length === 0 && <p className="meta-text">No date overrides: every day follows the week.</p>}
      {overrides.map((override, index) => {
        const name = dateText(override.date);
        const blocked = override.ranges.length === 0;
        return (
          <fieldset key={override.date} className="weekday">
            <legend className="weekday__name">{name}</legend>
            <div className="weekday__ranges">
              <label className="checkbox-field">
                <input
                  type="checkbox"
                  checked={blocked}
                  onChange={(event) =>
                    set(index, { ranges: event.target.checked ? [] : [{ start: '09:00', end: '17:00' }] })
                  }
                />
                Unavailable all day
              </label>
              {!blocked && (
                <RangesEditor
                  idPrefix={`${id}-${override.date}`}
                  name={name}
                  ranges={override.ranges}
                  onChange={(ranges) => set(index, { ranges })}
                  errorOf={(path) => errorOf(`overrides.${index}.ranges.${path}`)}
                />
              )}
              <FieldError
                id={`${id}-${index}-error`}
                field="date"
                message={errorOf(`overrides.${index}.date`)}
              />
            </div>
            <button
              type="button"
              className="button button--small button--danger-quiet weekday__copy"
              aria-label={`Remove the override of ${name}`}
              onClick={() => onChange(overrides.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </fieldset>
        );
      })}
      <div className="overrides__add">
        <div className="field">
          <label htmlFor={`${id}-date`} className="field__label">
            Date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            className="input"
            value={date}
            aria-describedby={taken ? `${id}-taken` : undefined}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <button type="button" className="button" disabled={!date || taken} onClick={add}>
          Add date override
        </button>
        {taken && (
          <p id={`${id}-taken`} className="hint">
            This date has an override already.
          </p>
        )}
      </div>
    </div>
  );
}
