import { fieldMessage } from '../format.js';

/** A message under its field; the field points at it with aria-describedby. */
export function FieldError({
  id,
  field,
  message,
}: {
  id: string;
  field: string;
  message?: string | undefined;
}) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="field-error__icon">
        <path d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm0 3a.9.9 0 0 0-.9.9v3.2a.9.9 0 0 0 1.8 0V5.4a.9.9 0 0 0-.9-.9Zm0 6.1a.95.95 0 1 0 0 1.9.95.95 0 0 0 0-1.9Z" />
      </svg>
      {fieldMessage(field, message)}
    </p>
  );
}
