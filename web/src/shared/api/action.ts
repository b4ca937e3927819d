import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, errorMessage } from './client.js';

export interface ApiAction<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or to undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** Why the last run failed, in words; null after one that worked. */
  error: string | null;
  /** The server's messages by field, when it named fields. */
  fields: Readonly<Record<string, string>>;
  /** Forgets the last failure (e.g. when the person edits again). */
  reset: () => void;
}

/**
 * A button's request (delete, change status, log a block): busy while under way, the failure as
 * words and field messages, and `onSuccess` to update what is on screen.
 */
export function useApiAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: { onSuccess?: (result: R, ...args: A) => void } = {},
): ApiAction<A, R> {
  const { onSuccess } = options;
  const mutation = useMutation<R, unknown, A>({
    mutationFn: (args) => action(...args),
    ...(onSuccess ? { onSuccess: (result: R, args: A) => onSuccess(result, ...args) } : {}),
  });
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (...args: A) => {
      try {
        return await mutateAsync(args);
      } catch {
        return undefined; // the failure is in `error`
      }
    },
    [mutateAsync],
  );
  const failure = mutation.error;
  return {
    run,
    busy: mutation.isPending,
    error: failure ? errorMessage(failure) : null,
    fields: failure instanceof ApiError ? failure.fields : {},
    reset: mutation.reset,
  };
}
