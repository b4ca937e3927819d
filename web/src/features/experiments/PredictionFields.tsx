import type { Favoured } from '../../../../src/core/experiments/experiment.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { favouredLabel } from './experiment.js';

export interface PredictionValue {
  text: string;
  favoured: Favoured | null;
  byHowMuch: string;
}

type PredictionField = keyof PredictionValue;

const FAVOURED: readonly { value: Favoured; hint: string }[] = [
  { value: 'passive', hint: 'phase 1' },
  { value: 'focused', hint: 'phase 2' },
  { value: 'no-difference', hint: 'about the same' },
];

/**
 * The prediction's fields — what you expect, which phase wins, by how much — for the start form
 * and for a draft's edit form. Each field's error shows under it and is described by it.
 */
export function PredictionFields({
  id,
  phases,
  value,
  onChange,
  errors,
  legend,
  placeholders,
  textDescribedBy,
}: {
  /** Prefix for the fields' ids (from useId). */
  id: string;
  phases: readonly [{ label: string }, { label: string }];
  value: PredictionValue;
  onChange: (patch: Partial<PredictionValue>) => void;
  errors: Partial<Record<PredictionField, string>>;
  /** The question above the choice of phase. */
  legend: string;
  placeholders?: { text: string; byHowMuch: string };
  /** An element that explains the text field further (the lock note). */
  textDescribedBy?: string;
}) {
  const errorId = (field: PredictionField) => `${id}-${field}-error`;
  const describe = (field: PredictionField, extra?: string) =>
    [errors[field] ? errorId(field) : null, extra ?? null].filter(Boolean).join(' ') || undefined;
  const error = (field: PredictionField) => (
    <FieldError id={errorId(field)} field={`prediction.${field}`} message={errors[field]} />
  );
  const invalid = (field: PredictionField) => (errors[field] ? true : undefined);

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label">
          What do you expect?
        </label>
        <textarea
          id={`${id}-text`}
          className="textarea"
          rows={3}
          value={value.text}
          onChange={(e) => onChange({ text: e.target.value })}
          maxLength={1000}
          placeholder={placeholders?.text}
          aria-invalid={invalid('text')}
          aria-describedby={describe('text', textDescribedBy)}
        />
        {error('text')}
      </div>
      <fieldset className="choice-group" aria-describedby={describe('favoured')}>
        <legend className="choice-group__legend">{legend}</legend>
        <div className="choice-group__options choice-group__options--wrap">
          {FAVOURED.map((c) => (
            <label key={c.value} className="choice choice--wide" title={c.hint}>
              <input
                type="radio"
                name={`${id}-favoured`}
                value={c.value}
                checked={value.favoured === c.value}
                onChange={() => onChange({ favoured: c.value })}
              />
              <span>{favouredLabel(phases, c.value)}</span>
            </label>
          ))}
        </div>
        {error('favoured')}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-by`} className="field__label">
          By how much? <span className="field__optional">optional</span>
        </label>
        <input
          id={`${id}-by`}
          className="input"
          value={value.byHowMuch}
          onChange={(e) => onChange({ byHowMuch: e.target.value })}
          maxLength={200}
          placeholder={placeholders?.byHowMuch}
          aria-invalid={invalid('byHowMuch')}
          aria-describedby={describe('byHowMuch')}
        />
        {error('byHowMuch')}
      </div>
    </>
  );
}
