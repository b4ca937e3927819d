import { useId } from 'react';
import { ROLE_LABELS } from '../../../../src/core/team/roles.js';
import { useSession } from '../../shared/session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { DataSection } from './DataSection.js';
import { LeaveSection } from './LeaveSection.js';
import { NewTokenForm } from './NewTokenForm.js';
import { SessionList } from './SessionList.js';
import { TokenList } from './TokenList.js';
import '../../shared/styles/row-list.css';
import './account.css';

/**
 * /account (team mode): who you are here, where you are signed in, your password, access tokens
 * for scripts, your data, and leaving.
 */
export function AccountPage() {
  const { me } = useSession();
  const id = useId();
  if (!me) return null;
  const organisation = me.organisation?.name ?? 'the organisation';
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Your account</h1>
        <p className="page-lede">
          Who you are in {organisation}, where you are signed in, and what you take with you.
        </p>
      </header>
      <section className="data-section" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`} className="section-title">
          Profile
        </h2>
        <dl className="card account-facts" aria-labelledby={`${id}-who`}>
          <div>
            <dt>Name</dt>
            <dd>{me.user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{me.user.email ?? '—'}</dd>
          </div>
          <div>
            <dt>Organisation</dt>
            <dd>{me.organisation?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>{me.roles.map((role) => ROLE_LABELS[role]).join(', ') || '—'}</dd>
          </div>
        </dl>
        <p className="hint account-hint">An org admin changes names, addresses and roles.</p>
      </section>
      <section className="data-section" aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`} className="section-title">
          Where you are signed in
        </h2>
        <SessionList />
      </section>
      <section className="data-section" aria-labelledby={`${id}-password`}>
        <h2 id={`${id}-password`} className="section-title">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <section className="data-section" aria-labelledby={`${id}-tokens`}>
        <h2 id={`${id}-tokens`} className="section-title">
          Personal access tokens
        </h2>
        <p className="hint account-section-lede">
          For scripts and the API: a token acts as you, with the access you give it. It cannot change your
          password, sessions or tokens.
        </p>
        <NewTokenForm />
        <TokenList />
      </section>
      <DataSection />
      <LeaveSection organisation={organisation} />
    </div>
  );
}
