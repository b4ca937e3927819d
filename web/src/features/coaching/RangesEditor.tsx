import type { LocalRange } from '../../../../src/core/coaching/availability.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { nextRange, rangeText, sentEnd, shownEnd } from './ranges.js';

/**
 * A day's ranges as pairs of time inputs, each removable, and "Add hours". `name` names the day in
 * the buttons ("Monday"); `errorOf` gives the server's message for `<index>.start|end`.
 */
export function RangesEditor({
  idPrefix,
  name,
  ranges,
  onChange,
  errorOf,
}: {
  idPrefix: string;
  name: string;
  ranges: readonly LocalRange[];
  onChange: (ranges: LocalRange[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const set = (index: number, change: Partial<LocalRange>) =>
    onChange(ranges.map((range, i) => (i === index ? { ...range, ...change } : range)));
  return (
    <div className="ranges">
      {ranges.map((range, index) => {
        const id = `${idPrefix}-${index}`;
        const error = errorOf(`${index}.start`) ?? errorOf(`${index}.end`) ?? errorOf(String(index));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no id; their place is their identity
          <div key={index} className="ranges__row">
            <label htmlFor={`${id}-start`} className="visually-hidden">
              {name}, range {index + 1}, from
            </label>
            <input
              id={`${id}-start`}
              type="time"
              className="input input--compact ranges__time"
              value={range.start}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => set(index, { start: event.target.value })}
            />
            <span aria-hidden="true">–</span>
            <label htmlFor={`${id}-end`} className="visually-hidden">
              {name}, range {index + 1}, until
            </label>
            <input
              id={`${id}-end`}
              type="time"
              className="input input--compact ranges__time"
              value={shownEnd(range.end)}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => set(index, { end: sentEnd(event.target.value) })}
            />
            <button
              type="button"
              className="button button--small button--ghost ranges__remove"
              aria-label={`Remove ${name} ${rangeText(range)}`}
              onClick={() => onChange(ranges.filter((_, i) => i !== index))}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </button>
            <FieldError id={`${id}-error`} field="range" message={error} />
          </div>
        );
      })}
      <button
        type="button"
        className="link-button ranges__add"
        aria-label={`Add hours to ${name}`}
        onClick={() => onChange([...ranges, nextRange(ranges)])}
      >
        + Add hours
      </button>
    </div>
  );
}
