import { FieldError } from '../../shared/components/FieldError.js';

/** A review question with a two-line answer box and, when the save failed on it, its error. */
export function PromptAnswer({
  id,
  text,
  value,
  onChange,
  error,
}: {
  id: string;
  text: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label review-prompt">
        {text}
      </label>
      <textarea
        id={id}
        className="textarea"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} field="text" message={error} />
    </div>
  );
}
