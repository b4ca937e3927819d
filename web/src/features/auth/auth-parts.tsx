import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../../shared/forms/Field.js';

/** What the server checks a new password against, said before anyone types one. */
export const PASSWORD_RULE = 'At least 12 characters, and not one of the common passwords.';

/** "in 15 minutes", "in 40 seconds": a throttle's Retry-After in words. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}

/** A message from the server as a sentence: capitalised, with a full stop. */
export function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The card a public page (sign in, set up, join) puts its heading and form in. */
export function AuthCard({
  title,
  lede,
  children,
}: {
  title: string;
  lede?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="card auth-card">
      <header className="auth-card__header">
        <h1 className="page-title">{title}</h1>
        {lede && <p className="page-lede">{lede}</p>}
      </header>
      {children}
    </div>
  );
}

/** A labelled text input tied to its form field, hint and error. */
export function TextField({
  id,
  name,
  label,
  error,
  hint,
  type = 'text',
  autoComplete,
  registration,
}: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} name={name} label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          {...registration}
          className="input"
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
        />
      )}
    </Field>
  );
}

/**
 * The field a new password is chosen in (joining, setting up, resetting): a password input the
 * browser may fill with a generated one, with the server's rule said under it. `registration`
 * is `form.register('password', newPasswordRules)`.
 */
export function NewPasswordField({
  id,
  label = 'Password',
  error,
  registration,
}: {
  id: string;
  label?: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <TextField
      id={id}
      name="password"
      label={label}
      type="password"
      autoComplete="new-password"
      hint={PASSWORD_RULE}
      error={error}
      registration={registration}
    />
  );
}

/** "must be at least 12 characters" before sending, so the obvious case needs no round trip. */
export const newPasswordRules = {
  required: 'is required',
  minLength: { value: 12, message: 'must be at least 12 characters' },
} as const;

export const required = { required: 'is required' } as const;

/** The end of a public page's form: the problem no field explains, then the submit button. */
export function SubmitArea({
  problem,
  busy,
  label,
  busyLabel,
}: {
  problem: string | null;
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      <FormProblem>{problem}</FormProblem>
      <button type="submit" className="button button--primary auth-form__submit" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}

/** The problem of a form no field explains, announced. */
function FormProblem({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <p className="form-error" role="alert">
      {children}
    </p>
  );
}
