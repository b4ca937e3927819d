import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { BOOKING_QUESTIONS_MAX } from '../../../../src/core/coaching/limits.js';
import { FieldError } from '../../shared/components/FieldError.js';
import type { TypeValues } from './type-values.js';

/** Booking questions, up to five; a new one gets the first free id (`q1`…), which answers are keyed by. */
export function QuestionsEditor({
  form,
  idPrefix,
  errorOf,
}: {
  form: UseFormReturn<TypeValues>;
  idPrefix: string;
  errorOf: (name: `questions.${number}.prompt`) => string | undefined;
}) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'questions',
    keyName: 'key',
  });
  const freeId = () => {
    const used = new Set(form.getValues('questions').map((q) => q.id));
    for (let n = 1; ; n += 1) if (!used.has(`q${n}`)) return `q${n}`;
  };

  return (
    <fieldset className="questions">
      <legend className="field__label">Booking questions</legend>
      <p className="hint">Asked when someone books, e.g. “What would you most like to get better at?”</p>
      {fields.map((field, index) => {
        const id = `${idPrefix}-q${index}`;
        const error = errorOf(`questions.${index}.prompt`);
        return (
          <div key={field.key} className="questions__row">
            <label htmlFor={id} className="visually-hidden">
              Question {index + 1}
            </label>
            <input
              id={id}
              className="input questions__prompt"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              {...form.register(`questions.${index}.prompt`, { required: 'is required' })}
            />
            <label className="checkbox-field questions__required">
              <input type="checkbox" {...form.register(`questions.${index}.required`)} />
              Required
            </label>
            <button
              type="button"
              className="button button--small button--danger-quiet"
              aria-label={`Remove question ${index + 1}`}
              onClick={() => remove(index)}
            >
              Remove
            </button>
            <FieldError id={`${id}-error`} field="prompt" message={error} />
          </div>
        );
      })}
      {fields.length < BOOKING_QUESTIONS_MAX ? (
        <button
          type="button"
          className="link-button"
          onClick={() => append({ id: freeId(), prompt: '', required: true })}
        >
          + Add a question
        </button>
      ) : (
        <p className="hint">That is the most: {BOOKING_QUESTIONS_MAX} questions.</p>
      )}
    </fieldset>
  );
}
