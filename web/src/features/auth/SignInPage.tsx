import { useId } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/client.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useSession } from '../../shared/session.js';
import { authApi } from './api.js';
import { AuthCard, required, SubmitArea, TextField, waitText } from './auth-parts.js';
import './auth.css';

/** Where to go after signing in: a path of this app (never another site), else the inbox. */
function nextPath(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/sign-in') ? raw : '/';
}

/** The refusal as the page says it: one message for a wrong address or password, the wait when throttled. */
function signInRefusal(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 401) return new ApiError(401, 'The email or password is not right.');
  if (error.status === 429)
    return new ApiError(
      429,
      `Too many sign-in attempts. Try again ${error.retryAfter ? waitText(error.retryAfter) : 'later'}.`,
    );
  return error;
}

/** /sign-in: email and password; afterwards back to the page the person wanted (`?next=`). */
export function SignInPage() {
  const { me, note, setupRequired, signedIn } = useSession();
  const [params] = useSearchParams();
  const next = nextPath(params.get('next'));
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { email: '', password: '' },
    submit: (values) =>
      authApi.signIn(values).catch((error: unknown) => Promise.reject(signInRefusal(error))),
    onSuccess: signedIn,
  });

  if (me) return <Navigate to={next} replace />;

  return (
    <AuthCard title="Sign in" lede="Sign in to your organisation’s Whetstone.">
      {note && (
        <p className="notice auth-note" role="status">
          {note}
        </p>
      )}
      {setupRequired && (
        <p className="notice auth-note">
          This server is not set up yet. Open the one-time setup link that <code>whet serve --team</code>{' '}
          printed when it started.
        </p>
      )}
      <form className="auth-form" aria-label="Sign in" noValidate onSubmit={onSubmit}>
        <TextField
          id={`${id}-email`}
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          error={errorOf('email')}
          registration={form.register('email', required)}
        />
        <TextField
          id={`${id}-password`}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errorOf('password')}
          registration={form.register('password', required)}
        />
        <SubmitArea problem={problem} busy={busy} label="Sign in" busyLabel="Signing in…" />
        <Link to="/forgot-password" className="auth-form__aside">
          Forgot your password?
        </Link>
      </form>
      <p className="hint auth-card__foot">
        No account yet? Ask your organisation’s admin for an invitation link.
      </p>
    </AuthCard>
  );
}
