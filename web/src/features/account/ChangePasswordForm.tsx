import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { newPasswordRules, PASSWORD_RULE, TextField } from '../auth/auth-parts.js';
import { accountApi, accountKeys } from './api.js';

/** The current password and a new one; every other session ends, this one stays signed in. */
export function ChangePasswordForm() {
  const id = useId();
  const client = useQueryClient();
  const { notify } = useToast();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { currentPassword: '', password: '' },
    submit: (values) => accountApi.changePassword(values),
    onSuccess: () => {
      form.reset();
      notify('Password changed; signed out everywhere else');
      void client.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
  return (
    <form className="card account-form" aria-label="Change password" noValidate onSubmit={onSubmit}>
      <TextField
        id={`${id}-current`}
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errorOf('currentPassword')}
        registration={form.register('currentPassword', { required: 'Enter your current password' })}
      />
      <TextField
        id={`${id}-new`}
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULE}
        error={errorOf('password')}
        registration={form.register('password', newPasswordRules)}
      />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="hint">Other browsers signed in to your account are signed out; this one stays.</p>
      <button type="submit" className="button button--primary account-form__submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
