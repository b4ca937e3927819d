import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InvitationPreview } from '../../../../src/core/team/account.js';
import { ROLE_LABELS } from '../../../../src/core/team/roles.js';
import type { PageProps } from '../../app/routes.js';
import { ApiError } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useSession } from '../../shared/session.js';
import { authApi, authKeys } from './api.js';
import {
  AuthCard,
  NewPasswordField,
  newPasswordRules,
  required,
  SubmitArea,
  sentence,
  TextField,
} from './auth-parts.js';
import './auth.css';

/** Why an invitation link cannot be used (the server names it in the token field). */
const GONE_TITLES: Record<string, string> = {
  used: 'This invitation has been used',
  accepted: 'This invitation has been used',
  revoked: 'This invitation was withdrawn',
  expired: 'This invitation has expired',
};

/** /invite/:token: what the invitation offers, then a name and password to join with. */
export function InvitePage({ id: token }: PageProps) {
  const invitation = useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: ({ signal }) => authApi.invitation(token, signal),
  });
  const { error } = invitation;

  if (invitation.isPending) return <div className="card auth-card" aria-busy="true" />;
  if (error instanceof ApiError && error.status === 404)
    return (
      <AuthCard title={GONE_TITLES[error.field('token') ?? ''] ?? 'This invitation link is not valid'}>
        <p>{sentence(error.message)}</p>
        <Link to="/sign-in" className="button button--primary auth-card__action">
          Go to sign in
        </Link>
      </AuthCard>
    );
  if (error)
    return (
      <AuthCard title="Join your organisation">
        <ErrorNotice onRetry={() => void invitation.refetch()}>{error.message}</ErrorNotice>
      </AuthCard>
    );
  return <JoinForm token={token} preview={invitation.data} />;
}

const roleList = (roles: readonly (keyof typeof ROLE_LABELS)[]) =>
  roles.map((role) => ROLE_LABELS[role]).join(', ');

function JoinForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { name: '', password: '' },
    submit: (values) => authApi.join(token, values),
    onSuccess: (me) => {
      signedIn(me);
      navigate('/', { replace: true });
    },
  });
  return (
    <AuthCard title={`Join ${preview.organisation}`} lede={`${preview.invitedBy} invited you to Whetstone.`}>
      <dl className="auth-facts" aria-label="Invitation">
        <div>
          <dt>Organisation</dt>
          <dd>{preview.organisation}</dd>
        </div>
        <div>
          <dt>Your address</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{roleList(preview.roles)}</dd>
        </div>
        <div>
          <dt>Invited by</dt>
          <dd>{preview.invitedBy}</dd>
        </div>
        <div>
          <dt>Link expires</dt>
          <dd>{fullTime(preview.expiresAt)}</dd>
        </div>
      </dl>
      <form className="auth-form" aria-label="Accept the invitation" noValidate onSubmit={onSubmit}>
        <TextField
          id={`${id}-name`}
          name="name"
          label="Your name"
          autoComplete="name"
          error={errorOf('name')}
          registration={form.register('name', required)}
        />
        <NewPasswordField
          id={`${id}-password`}
          error={errorOf('password')}
          registration={form.register('password', newPasswordRules)}
        />
        <SubmitArea problem={problem} busy={busy} label="Join and sign in" busyLabel="Joining…" />
      </form>
    </AuthCard>
  );
}
