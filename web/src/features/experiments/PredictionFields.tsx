import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  type Favoured,
  PREDICTION_BY_HOW_MUCH_MAX,
  PREDICTION_TEXT_MAX,
} from '../../../../src/core/experiments/experiment.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { controlProps, Field } from '../../shared/forms/Field.js';
import { favouredLabel } from './labels.js';

/** The prediction's fields as the forms hold them (what the person typed and chose). */
export interface PredictionValues {
  text: string;
  favoured: Favoured | null;
  byHowMuch: string;
}

type PredictionField = keyof PredictionValues;

const FAVOURED: readonly { value: Favoured; hint: string }[] = [
  { value: 'passive', hint: 'phase 1' },
  { value: 'focused', hint: 'phase 2' },
  { value: 'no-difference', hint: 'about the same' },
];

/**
 * The prediction's fields — what you expect, which phase wins, by how much — for the start form
 * and for a draft's edit form, each registered by the form that holds it. Each field's error
 * shows under it and is described by it.
 */
export function PredictionFields({
  id,
  phases,
  register,
  errors,
  legend,
  placeholders,
  textDescribedBy,
}: {
  /** Prefix for the fields' ids (from useId). */
  id: string;
  phases: readonly [{ label: string }, { label: string }];
  register: Record<PredictionField, UseFormRegisterReturn>;
  errors: Partial<Record<PredictionField, string | undefined>>;
  /** The question above the choice of phase. */
  legend: string;
  placeholders?: { text: string; byHowMuch: string };
  /** An element that explains the text field further (the lock note). */
  textDescribedBy?: string;
}) {
  const text = controlProps(`${id}-text`, errors.text);
  const textDescription = [text['aria-describedby'], textDescribedBy].filter(Boolean).join(' ');
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label">
          What do you expect?
        </label>
        <textarea
          {...text}
          aria-describedby={textDescription || undefined}
          {...register.text}
          className="textarea"
          rows={3}
          maxLength={PREDICTION_TEXT_MAX}
          placeholder={placeholders?.text}
        />
        <FieldError id={`${id}-text-error`} field="prediction.text" message={errors.text} />
      </div>
      <fieldset
        className="choice-group"
        aria-describedby={errors.favoured ? `${id}-favoured-error` : undefined}
      >
        <legend className="choice-group__legend">{legend}</legend>
        <div className="choice-group__options choice-group__options--wrap">
          {FAVOURED.map((c) => (
            <label key={c.value} className="choice choice--wide" title={c.hint}>
              <input type="radio" value={c.value} {...register.favoured} />
              <span>{favouredLabel(phases, c.value)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-favoured-error`} field="prediction.favoured" message={errors.favoured} />
      </fieldset>
      <Field
        id={`${id}-by`}
        name="prediction.byHowMuch"
        label={
          <>
            By how much? <span className="field__optional">optional</span>
          </>
        }
        error={errors.byHowMuch}
      >
        {(control) => (
          <input
            {...control}
            {...register.byHowMuch}
            className="input"
            maxLength={PREDICTION_BY_HOW_MUCH_MAX}
            placeholder={placeholders?.byHowMuch}
          />
        )}
      </Field>
    </>
  );
}
