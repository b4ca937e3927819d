import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { type BaseSyntheticEvent, useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { ApiError, errorMessage } from '../api/client.js';

/** A Standard Schema (the core's zod/mini schemas are), as the resolver takes it. */
type FormSchema<V extends FieldValues> = Parameters<typeof standardSchemaResolver<V, unknown, V>>[0];

export interface ApiFormOptions<V extends FieldValues, R> {
  defaultValues: DefaultValues<V>;
  /** The core's schema of what the form sends, checked before anything is sent. */
  schema?: FormSchema<V> | undefined;
  /** Sends the values; a refusal with field details marks those fields. */
  submit: (values: V) => Promise<R>;
  onSuccess?: ((result: R, values: V) => void) | undefined;
}

export interface ApiForm<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** For `<form onSubmit>`: validates, sends, and maps a refusal onto the fields. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The message of a refusal that no field of this form explains (or of a network failure). */
  problem: string | null;
  /** True while the request is under way. */
  busy: boolean;
  /** The message to show under `name`, from the schema or from the server. */
  errorOf: (name: Path<V>) => string | undefined;
}

/**
 * A form that sends its values to the API: react-hook-form for state, the core's schema for
 * instant checks, and the server's problem details mapped onto the same fields, so every form
 * shows errors and busy state the same way.
 */
export function useApiForm<V extends FieldValues, R>(options: ApiFormOptions<V, R>): ApiForm<V> {
  const { schema, submit, onSuccess, defaultValues } = options;
  const form = useForm<V>({
    defaultValues,
    ...(schema ? { resolver: standardSchemaResolver(schema) } : {}),
  });
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await submit(values);
      onSuccess?.(result, values);
    } catch (error) {
      const known = error instanceof ApiError ? ownFields(error, defaultValues) : [];
      for (const [field, message] of known) form.setError(field as Path<V>, { type: 'server', message });
      if (known.length === 0) setProblem(errorMessage(error));
    }
  });

  const errorOf = (name: Path<V>) => {
    const message = form.getFieldState(name, form.formState).error?.message;
    return typeof message === 'string' && message ? message : undefined;
  };

  return { form, onSubmit, problem, busy: form.formState.isSubmitting, errorOf };
}

/** The server's field messages that belong to fields of this form (by their top-level name). */
function ownFields(error: ApiError, defaultValues: object): [string, string][] {
  return Object.entries(error.fields).filter(([field]) => (field.split('.')[0] ?? '') in defaultValues);
}
