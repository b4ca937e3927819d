import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import type { NewAccessToken, TokenScope } from '../../../../src/core/team/account.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ShownOnce } from '../../shared/components/ShownOnce.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { TOKEN_SCOPE_LABELS } from '../../shared/token-scopes.js';
import { accountApi, accountKeys } from './api.js';

interface TokenValues {
  name: string;
  scope: TokenScope;
  /** Days as the select holds them; '' for no expiry. */
  expiresInDays: string;
}

const SCOPES = [
  { value: 'read', label: TOKEN_SCOPE_LABELS.read, hint: 'Lists, reports and exports; changes nothing' },
  {
    value: 'read-write',
    label: TOKEN_SCOPE_LABELS['read-write'],
    hint: 'Everything you can do, except your account',
  },
] as const;

const EXPIRIES = [
  { days: '30', label: 'In 30 days' },
  { days: '90', label: 'In 90 days' },
  { days: '365', label: 'In a year' },
  { days: '', label: 'Never (until revoked)' },
] as const;

/** A named token with read or read-write access and an optional expiry; its secret is shown once. */
export function NewTokenForm() {
  const id = useId();
  const client = useQueryClient();
  const [created, setCreated] = useState<NewAccessToken | null>(null);
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<TokenValues, NewAccessToken>({
    defaultValues: { name: '', scope: 'read', expiresInDays: '90' },
    submit: ({ name, scope, expiresInDays }) =>
      accountApi.createToken({
        name,
        scope,
        ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}),
      }),
    onSuccess: (result) => {
      setCreated(result);
      form.reset();
      void client.invalidateQueries({ queryKey: accountKeys.tokens });
    },
  });
  const scopeError = errorOf('scope');

  return (
    <div className="card account-form">
      <form className="token-form" aria-label="Create an access token" noValidate onSubmit={onSubmit}>
        <Field
          id={`${id}-name`}
          name="name"
          label="Name"
          error={errorOf('name')}
          hint="Where you will use it, e.g. “laptop scripts”."
        >
          {(control) => (
            <input
              {...control}
              {...form.register('name', { required: 'is required' })}
              className="input"
              autoComplete="off"
              maxLength={60}
            />
          )}
        </Field>
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <ChoiceGroup
              legend="Access"
              choices={SCOPES}
              value={field.value}
              onChange={(value) => field.onChange(value ?? 'read')}
              errorId={scopeError ? `${id}-scope-error` : undefined}
            />
          )}
        />
        <p className="hint token-form__scope-hint">
          {SCOPES.map((scope) => `${scope.label}: ${scope.hint.toLowerCase()}.`).join(' ')}
        </p>
        <FieldError id={`${id}-scope-error`} field="scope" message={scopeError} />
        <Field id={`${id}-expiry`} name="expiresInDays" label="Expires" error={errorOf('expiresInDays')}>
          {(control) => (
            <select {...control} {...form.register('expiresInDays')} className="select">
              {EXPIRIES.map((option) => (
                <option key={option.days} value={option.days}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary account-form__submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {created && (
        <ShownOnce
          region="New access token"
          label={`Secret of “${created.token.name}”`}
          value={created.secret}
          note={
            <>
              <strong>Shown only now</strong>: copy it into the tool that needs it. It is sent as{' '}
              <code>Authorization: Bearer …</code>; revoke it below when you no longer need it.
            </>
          }
        />
      )}
    </div>
  );
}
