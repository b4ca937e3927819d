import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PageProps } from '../../app/routes.js';
import { hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useSession } from '../../shared/session.js';
import { authApi, authKeys } from './api.js';
import {
  AuthCard,
  NewPasswordField,
  newPasswordRules,
  required,
  SubmitArea,
  TextField,
} from './auth-parts.js';
import './auth.css';

/** /setup/:token: the one-time link `whet serve --team` prints creates the organisation and its admin. */
export function SetupPage({ id: token }: PageProps) {
  const link = useQuery({
    queryKey: authKeys.setupLink(token),
    queryFn: ({ signal }) => authApi.checkSetupLink(token, signal).then(() => true),
  });

  if (link.isPending) return <div className="card auth-card" aria-busy="true" />;
  if (hasStatus(link.error, 409))
    return (
      <AuthCard title="Whetstone is set up already" lede="The organisation exists; its members sign in.">
        <Link to="/sign-in" className="button button--primary auth-card__action">
          Go to sign in
        </Link>
      </AuthCard>
    );
  if (hasStatus(link.error, 404))
    return (
      <AuthCard
        title="This setup link is used or expired"
        lede="A setup link works once, for 24 hours. Restart whet serve --team for a new one."
      >
        <p className="hint">If someone has set up the organisation already, sign in instead.</p>
        <Link to="/sign-in" className="button auth-card__action">
          Go to sign in
        </Link>
      </AuthCard>
    );
  if (link.error)
    return (
      <AuthCard title="Set up Whetstone">
        <ErrorNotice onRetry={() => void link.refetch()}>{link.error.message}</ErrorNotice>
      </AuthCard>
    );
  return <SetupForm token={token} />;
}

function SetupForm({ token }: { token: string }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { organisation: '', name: '', email: '', password: '' },
    submit: (values) => authApi.setup({ token, ...values }),
    onSuccess: (me) => {
      signedIn(me);
      navigate('/', { replace: true });
    },
  });
  return (
    <AuthCard
      title="Set up Whetstone"
      lede="Name your organisation and create the first account: its admin, who invites everyone else."
    >
      <form className="auth-form" aria-label="Set up Whetstone" noValidate onSubmit={onSubmit}>
        <TextField
          id={`${id}-organisation`}
          name="organisation"
          label="Organisation name"
          autoComplete="organization"
          error={errorOf('organisation')}
          registration={form.register('organisation', required)}
        />
        <TextField
          id={`${id}-name`}
          name="name"
          label="Your name"
          autoComplete="name"
          error={errorOf('name')}
          registration={form.register('name', required)}
        />
        <TextField
          id={`${id}-email`}
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          error={errorOf('email')}
          registration={form.register('email', required)}
        />
        <NewPasswordField
          id={`${id}-password`}
          error={errorOf('password')}
          registration={form.register('password', newPasswordRules)}
        />
        <SubmitArea problem={problem} busy={busy} label="Create organisation" busyLabel="Creating…" />
      </form>
    </AuthCard>
  );
}
