import { useId, useState } from 'react';
import { ApiError } from '../../shared/api/client.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { authApi } from './api.js';
import { required, SubmitArea, TextField, waitText } from './auth-parts.js';

/** The answer for any address, so the page tells nobody who has an account. */
export const LINK_SENT =
  'If an account exists for that address, we’ve sent it a link to choose a new password. The link works for an hour.';

/** A throttled request says how long to wait; anything else as the server put it. */
function refusal(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 429)
    return new ApiError(
      429,
      `Too many requests for a link. Try again ${error.retryAfter ? waitText(error.retryAfter) : 'later'}.`,
    );
  return error;
}

/** An address to mail a reset link to; afterwards the same message whatever the address. */
export function ForgotPasswordForm({ submitLabel }: { submitLabel: string }) {
  const id = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { email: '' },
    submit: (values) =>
      authApi.forgotPassword(values).catch((error: unknown) => Promise.reject(refusal(error))),
    onSuccess: (_answer, values) => setSentTo(values.email),
  });

  if (sentTo !== null)
    return (
      <div className="notice auth-note" role="status">
        <p>
          <strong>Check your inbox.</strong> {LINK_SENT}
        </p>
      </div>
    );
  return (
    <form className="auth-form" aria-label="Send a reset link" noValidate onSubmit={onSubmit}>
      <TextField
        id={`${id}-email`}
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={errorOf('email')}
        registration={form.register('email', required)}
      />
      <SubmitArea problem={problem} busy={busy} label={submitLabel} busyLabel="Sending…" />
    </form>
  );
}
