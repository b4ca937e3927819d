import type { ReactNode } from 'react';
import { FieldError } from '../components/FieldError.js';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The ids and ARIA attributes of a control with an optional hint and error under it. */
export function controlProps(id: string, error: string | undefined, hint?: boolean): ControlProps {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * A labelled field: the label, the control (rendered with the props that tie it to the rest),
 * a hint and the error announced under it. `name` words the error ("Name is required.").
 */
export function Field({
  id,
  name,
  label,
  hint,
  error,
  className = 'field',
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(controlProps(id, error, hint !== undefined))}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} field={name} message={error} />
    </div>
  );
}
