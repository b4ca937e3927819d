import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { PageProps } from '../../app/routes.js';
import { hasStatus } from '../../shared/api/client.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { authApi } from './api.js';
import { AuthCard, FormProblem, newPasswordRules, PASSWORD_RULE, TextField } from './auth-parts.js';
import { ForgotPasswordForm } from './ForgotPasswordForm.js';
import './auth.css';

type Outcome = 'form' | 'changed' | 'gone';

/**
 * /reset-password/:token, from the mailed link: a new password. A used, expired or altered link
 * says so and offers a new one; afterwards every session has ended, so the person signs in again.
 */
export function ResetPasswordPage({ id: token }: PageProps) {
  const [outcome, setOutcome] = useState<Outcome>('form');
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
  return <NewPasswordForm token={token} onOutcome={setOutcome} />;
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
        <TextField
          id={`${id}-password`}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_RULE}
          error={errorOf('password')}
          registration={form.register('password', newPasswordRules)}
        />
        <FormProblem>{problem}</FormProblem>
        <button type="submit" className="button button--primary auth-form__submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save new password'}
        </button>
      </form>
    </AuthCard>
  );
}
