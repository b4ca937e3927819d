import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { PageProps } from '../../app/routes.js';
import { hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { authApi, authKeys } from './api.js';
import { AuthCard, NewPasswordField, newPasswordRules, SubmitArea } from './auth-parts.js';
import { ForgotPasswordForm } from './ForgotPasswordForm.js';
import './auth.css';

type Outcome = 'form' | 'changed' | 'gone';

/**
 * /reset-password/:token, from the mailed link: a new password. A used, expired or altered link
 * says so (asked first, and again when sending) and offers a new one; afterwards every session
 * has ended, so the person signs in again.
 */
export function ResetPasswordPage({ id: token }: PageProps) {
  const [result, setResult] = useState<Outcome>('form');
  const link = useQuery({
    queryKey: authKeys.resetLink(token),
    queryFn: ({ signal }) => authApi.checkResetLink(token, signal).then(() => true),
    retry: false,
  });
  const outcome: Outcome = result === 'form' && hasStatus(link.error, 404) ? 'gone' : result;

  if (link.isPending) return <div className="card auth-card" aria-busy="true" />;
  if (outcome === 'changed')
    return (
      <AuthCard
        title="Your password is changed"
        lede="Every browser that was signed in to your account is signed out. Sign in with the new password."
      >
        <Link to="/sign-in" className="button button--primary auth-card__action">
          Go to sign in
        </Link>
      </AuthCard>
    );
  if (outcome === 'gone')
    return (
      <AuthCard
        title="This reset link is expired or used"
        lede="A reset link works once, for an hour. Ask for a new one and use the newest mail."
      >
        <ForgotPasswordForm submitLabel="Send a new link" />
        <p className="hint auth-card__foot">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </AuthCard>
    );
  if (link.error && !hasStatus(link.error, 404))
    return (
      <AuthCard title="Choose a new password">
        <ErrorNotice onRetry={() => void link.refetch()}>{link.error.message}</ErrorNotice>
      </AuthCard>
    );
  return <NewPasswordForm token={token} onOutcome={setResult} />;
}

function NewPasswordForm({ token, onOutcome }: { token: string; onOutcome: (outcome: Outcome) => void }) {
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { password: '' },
    submit: ({ password }) =>
      authApi.resetPassword({ token, password }).then(
        (): Outcome => 'changed',
        // The server checks the password's rule first, then the link: a 404 is the link.
        (error: unknown) => (hasStatus(error, 404) ? 'gone' : Promise.reject(error)),
      ),
    onSuccess: onOutcome,
  });
  return (
    <AuthCard title="Choose a new password" lede="After this, you sign in with the new password everywhere.">
      <form className="auth-form" aria-label="Choose a new password" noValidate onSubmit={onSubmit}>
        <NewPasswordField
          id={`${id}-password`}
          label="New password"
          error={errorOf('password')}
          registration={form.register('password', newPasswordRules)}
        />
        <SubmitArea problem={problem} busy={busy} label="Save new password" busyLabel="Saving…" />
      </form>
    </AuthCard>
  );
}
