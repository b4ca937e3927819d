import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { NewInvitation } from '../../../../src/core/team/account.js';
import type { Role } from '../../../../src/core/team/roles.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ShownOnce } from '../../shared/components/ShownOnce.js';
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
          className="choice-list"
          aria-describedby={rolesError ? `${id}-roles-error` : undefined}
          aria-invalid={rolesError ? true : undefined}
        >
          <legend className="field__label">Roles</legend>
          {ROLES.map((role) => (
            <label key={role} className="choice-option">
              <input
                type="checkbox"
                value={role}
                {...form.register('roles', {
                  validate: (roles) => roles.length > 0 || 'must name at least one role',
                })}
              />
              <span>
                <span className="choice-option__name">{ROLE_LABELS[role]}</span>
                <span className="hint choice-option__hint">{ROLE_HINTS[role]}</span>
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
  const { email } = invitation.invitation;
  return (
    <ShownOnce
      region="New invitation link"
      label={`Invitation link for ${email}`}
      value={invitation.link}
      note={
        <>
          {invitation.mailed ? (
            <strong>Mailed to {email}.</strong>
          ) : (
            <>
              <strong>Not mailed</strong> (this server sends no mail): send the link to {email} yourself.
            </>
          )}{' '}
          Shown only now; it works once, for 7 days.
        </>
      }
    />
  );
}
