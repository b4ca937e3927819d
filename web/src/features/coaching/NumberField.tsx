import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../../shared/forms/Field.js';

/** A short whole-number field of the type form. */
export function NumberField({
  id,
  name,
  label,
  error,
  register,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  register: UseFormRegisterReturn;
  placeholder?: string;
}) {
  return (
    <Field id={id} name={name} label={label} error={error}>
      {(control) => (
        <input
          {...control}
          {...register}
          className="input"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}
