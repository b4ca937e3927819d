import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { NewInvitation } from '../../../../src/core/team/account.js';
import type { Role } from '../../../../src/core/team/roles.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { membersApi, membersKeys } from './api.js';
import { ROLE_HINTS, ROLE_LABELS, ROLES } from './roles.js';

interface InviteValues {
  email: string;
  roles: Role[];
}

/** "Invite someone": an address and roles; the new link is shown once, with Copy. */
export function InviteForm() {
  const client = useQueryClient();
  const id = useId();
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<InviteValues, NewInvitation>({
    defaultValues: { email: '', roles: ['researcher'] },
    submit: (values) => membersApi.invite(values),
    onSuccess: (result) => {
      setCreated(result);
      form.reset();
      void client.invalidateQueries({ queryKey: membersKeys.invitations });
    },
  });
  const rolesError = errorOf('roles');

  return (
    <div className="card members-card">
      <form className="invite-form" aria-label="Invite someone" noValidate onSubmit={onSubmit}>
        <Field id={`${id}-email`} name="email" label="Email address" error={errorOf('email')}>
          {(control) => (
            <input
              {...control}
              {...form.register('email', { required: 'is required' })}
              className="input"
              type="email"
              autoComplete="off"
              spellCheck={false}
              placeholder="name@example.org"
            />
          )}
        </Field>
        <fieldset
          className="role-picker"
          aria-describedby={rolesError ? `${id}-roles-error` : undefined}
          aria-invalid={rolesError ? true : undefined}
        >
          <legend className="field__label">Roles</legend>
          {ROLES.map((role) => (
            <label key={role} className="role-option">
              <input
                type="checkbox"
                value={role}
                {...form.register('roles', {
                  validate: (roles) => roles.length > 0 || 'must name at least one role',
                })}
              />
              <span>
                <span className="role-option__name">{ROLE_LABELS[role]}</span>
                <span className="hint role-option__hint">{ROLE_HINTS[role]}</span>
              </span>
            </label>
          ))}
          <FieldError id={`${id}-roles-error`} field="roles" message={rolesError} />
        </fieldset>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary invite-form__submit" disabled={busy}>
          {busy ? 'Inviting…' : 'Create invitation'}
        </button>
      </form>
      {created && <NewLink invitation={created} />}
    </div>
  );
}

/** The link of the invitation just made: only its fingerprint is kept, so this is its one showing. */
function NewLink({ invitation }: { invitation: NewInvitation }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied(true);
    } catch {
      // No clipboard here (plain http on another host): select it for Ctrl+C instead.
      input.current?.select();
    }
  };
  const { email } = invitation.invitation;
  return (
    <section className="link-once" aria-label="New invitation link">
      <label htmlFor={`${id}-link`} className="field__label">
        Invitation link for {email}
      </label>
      <div className="link-once__row">
        <input
          ref={input}
          id={`${id}-link`}
          className="input link-once__url"
          readOnly
          value={invitation.link}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-note`}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p id={`${id}-note`} className="hint link-once__note" role="status">
        {invitation.mailed ? (
          <>
            <strong>Mailed to {email}.</strong>{' '}
          </>
        ) : (
          <>
            <strong>Not mailed</strong> (this server sends no mail): send the link to {email} yourself.{' '}
          </>
        )}
        Shown only now; it works once, for 7 days.
      </p>
    </section>
  );
}
