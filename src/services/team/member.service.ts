import { notFound, unauthenticated, WhetstoneError } from '../../core/errors.js';
import { type Me, type Member, MemberUpdateInput } from '../../core/team/account.js';
import { normaliseRoles } from '../../core/team/roles.js';
import { parseInput } from '../../core/validation.js';
import type { Store } from '../../store/connect.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { GrantRepository } from '../../store/team/grant.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import { authorise, memberOf } from './policy.js';

/** However active, a session ends 30 days after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;

/** The organisation's members: roles, deactivation (which ends their sessions at once). */
export class MemberService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * The actor a session acts as; undefined when the member was deactivated or the session is past
   * its absolute lifetime (then it is deleted: sliding renewals cannot keep a session forever).
   */
  async actorForSession(session: {
    userId: string;
    token: string;
    createdAt: Date;
  }): Promise<Actor | undefined> {
    if (this.clock().getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS) {
      await new AccountRepository(this.store.db, this.store.engine).deleteSession(session.token);
      return undefined;
    }
    return this.actorFor(session.userId);
  }

  /** The actor an account acts as; undefined when it is not an active member. */
  async actorFor(userId: string): Promise<Actor | undefined> {
    const membership = await new OrganisationRepository(this.store.db).membershipOf(userId);
    if (!membership?.active) return undefined;
    return { userId, member: { orgId: membership.orgId, roles: membership.roles } };
  }

  /** Ends every session of the account (it was signed in while deactivated, or signed out everywhere). */
  async endSessions(userId: string): Promise<void> {
    await new AccountRepository(this.store.db, this.store.engine).deleteSessions(userId);
  }

  /** Who the actor is: name, address, organisation and roles. */
  async me(actor: Actor): Promise<Me> {
    const { orgId, roles } = memberOf(actor);
    const account = await new AccountRepository(this.store.db, this.store.engine).byId(actor.userId);
    const org = await new OrganisationRepository(this.store.db).get(orgId);
    if (!account || !org) throw unauthenticated();
    return {
      mode: 'team',
      user: { id: account.id, name: account.name, email: account.email },
      organisation: { id: org.id, name: org.name },
      roles: [...roles],
    };
  }

  async list(actor: Actor): Promise<Member[]> {
    const { orgId } = authorise(actor, 'members.read');
    return new OrganisationRepository(this.store.db).members(orgId);
  }

  /**
   * Leaves the organisation: the membership ends (kept as deactivated, so the audit log still
   * names the person) and so does every session. The last active admin cannot leave.
   */
  async leave(actor: Actor, meta: RequestMeta): Promise<void> {
    const me = memberOf(actor);
    await inTransaction(this.store, async (trx) => {
      const orgs = new OrganisationRepository(trx);
      if (me.roles.includes('admin') && (await orgs.activeAdminCount(me.orgId)) <= 1)
        throw new WhetstoneError(
          'conflict',
          'you are the last admin of the organisation; make someone else an admin before you leave',
        );
      const now = this.clock().toISOString();
      await orgs.setActive(me.orgId, me.userId, false, now);
      await new AccountRepository(trx, this.store.engine).deleteSessions(me.userId);
      // What they shared stops being shared with them gone; a later return starts afresh.
      const grantsRevoked = await new GrantRepository(trx).revokeLive(me.userId, now);
      await this.audit.record(
        { orgId: me.orgId, actorUserId: me.userId, kind: 'member.left', detail: { grantsRevoked } },
        meta,
        trx,
      );
    });
  }

  async update(actor: Actor, userId: string, input: unknown, meta: RequestMeta): Promise<Member> {
    const admin = authorise(actor, 'members.manage');
    const patch = parseInput(MemberUpdateInput, input);
    await inTransaction(this.store, async (trx) => {
      const orgs = new OrganisationRepository(trx);
      const member = (await orgs.members(admin.orgId)).find((m) => m.userId === userId);
      if (!member) throw notFound('member', userId);
      const now = this.clock().toISOString();
      const roles = patch.roles ? normaliseRoles(patch.roles) : member.roles;
      const active = patch.active ?? member.active;
      const losesAdmin =
        member.active && member.roles.includes('admin') && (!active || !roles.includes('admin'));
      if (losesAdmin && (await orgs.activeAdminCount(admin.orgId)) <= 1)
        throw new WhetstoneError(
          'conflict',
          'the organisation needs at least one active admin; make someone else an admin first',
        );
      if (patch.roles && roles.join() !== member.roles.join()) {
        await orgs.setRoles(admin.orgId, userId, roles);
        await this.audit.record(
          {
            orgId: admin.orgId,
            actorUserId: admin.userId,
            kind: 'member.roles-changed',
            subjectUserId: userId,
            detail: { from: member.roles, to: roles },
          },
          meta,
          trx,
        );
      }
      if (active !== member.active) {
        await orgs.setActive(admin.orgId, userId, active, now);
        // Deactivation takes effect at once: every session of the member ends here.
        const ended = active ? 0 : await new AccountRepository(trx, this.store.engine).deleteSessions(userId);
        await this.audit.record(
          {
            orgId: admin.orgId,
            actorUserId: admin.userId,
            kind: active ? 'member.reactivated' : 'member.deactivated',
            subjectUserId: userId,
            detail: active ? {} : { sessionsEnded: ended },
          },
          meta,
          trx,
        );
      }
    });
    const updated = (await new OrganisationRepository(this.store.db).members(admin.orgId)).find(
      (m) => m.userId === userId,
    );
    if (!updated) throw notFound('member', userId);
    return updated;
  }
}
