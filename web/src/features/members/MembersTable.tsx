import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Member } from '../../../../src/core/team/account.js';
import type { Role } from '../../../../src/core/team/roles.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useSession } from '../../shared/session.js';
import { useToast } from '../../shared/state.js';
import { membersApi, membersKeys } from './api.js';
import { ROLE_LABELS, ROLES } from './roles.js';

/** Every member with their roles (checkboxes, saved at once) and deactivate/reactivate. */
export function MembersTable() {
  const {
    data: members,
    error,
    reload,
  } = useApiQuery(membersKeys.members, (signal) => membersApi.members(signal));
  if (error) return <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>;
  if (!members) return <LoadingCard lines={2} />;
  return (
    <div className="card table-card members-table-card">
      <table className="stats-table members-table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Roles</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow key={member.userId} member={member} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRow({ member }: { member: Member }) {
  const client = useQueryClient();
  const { notify } = useToast();
  const { me } = useSession();
  const [confirming, setConfirming] = useState(false);
  const self = me?.user.id === member.userId;
  const saved = (updated: Member) => {
    client.setQueryData<Member[]>(membersKeys.members, (list) =>
      list?.map((m) => (m.userId === updated.userId ? updated : m)),
    );
    // One's own roles decide the nav and this page.
    if (self) void client.invalidateQueries({ queryKey: ['me'] });
  };
  const roles = useApiAction((next: Role[]) => membersApi.update(member.userId, { roles: next }), {
    onSuccess: (updated) => {
      saved(updated);
      notify(`Roles of ${updated.name} saved`);
    },
  });
  const active = useApiAction((next: boolean) => membersApi.update(member.userId, { active: next }), {
    onSuccess: (updated) => {
      saved(updated);
      setConfirming(false);
      notify(
        updated.active
          ? `${updated.name} can sign in again`
          : `${updated.name} is deactivated and signed out`,
      );
    },
  });
  const error = roles.error ?? active.error;
  const toggle = (role: Role, on: boolean) => {
    active.reset();
    void roles.run(ROLES.filter((r) => (r === role ? on : member.roles.includes(r))));
  };

  return (
    <tr className={member.active ? undefined : 'members-table__inactive'}>
      <th scope="row">
        <span className="member__name">
          {member.name}
          {self && <span className="tag tag--accent">you</span>}
        </span>
        <span className="member__email">{member.email}</span>
        {error && (
          <span className="member__error" role="alert">
            {error}
          </span>
        )}
      </th>
      <td>
        <fieldset className="member-roles" disabled={roles.busy || !member.active}>
          <legend className="visually-hidden">Roles of {member.name}</legend>
          {ROLES.map((role) => (
            <label key={role} className="member-roles__option">
              <input
                type="checkbox"
                checked={member.roles.includes(role)}
                onChange={(event) => toggle(role, event.currentTarget.checked)}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </fieldset>
      </td>
      <td>
        <div className="member__account">
          {member.active ? (
            <span className="meta-text">
              Joined{' '}
              <time dateTime={member.joinedAt} title={fullTime(member.joinedAt)}>
                {relativeTime(member.joinedAt)}
              </time>
            </span>
          ) : (
            <span className="tag tag--warn">
              Deactivated{member.deactivatedAt ? ` ${fullTime(member.deactivatedAt)}` : ''}
            </span>
          )}
          {self ? null : member.active ? (
            confirming ? (
              <span className="member__confirm">
                <span className="meta-text">Signs them out everywhere.</span>
                <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
                  Keep
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={`Confirm deactivate ${member.name}`}
                  disabled={active.busy}
                  onClick={() => void active.run(false)}
                >
                  Confirm deactivate
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--small button--danger-quiet"
                aria-label={`Deactivate ${member.name}`}
                onClick={() => {
                  roles.reset();
                  setConfirming(true);
                }}
              >
                Deactivate
              </button>
            )
          ) : (
            <button
              type="button"
              className="button button--small"
              aria-label={`Reactivate ${member.name}`}
              disabled={active.busy}
              onClick={() => void active.run(true)}
            >
              Reactivate
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
