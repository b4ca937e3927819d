import { notFound, WhetstoneError } from '../../core/errors.js';
import type { InvitationMailInput } from '../../core/mail.js';
import {
  AcceptInvitationInput,
  type Invitation,
  InvitationInput,
  type InvitationPreview,
  type NewInvitation,
} from '../../core/team/account.js';
import { normaliseRoles, rolesToText } from '../../core/team/roles.js';
import { parseInput } from '../../core/validation.js';
import type { Store } from '../../store/connect.js';
import { InvitationRepository, type InvitationRow } from '../../store/team/invitation.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import { createMemberAccount } from './member-accounts.js';
import { authorise } from './policy.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITATION_PATH = '/invite';

/** Sends the invitation mail, if mail is set up; says whether it was queued. */
export type InvitationMailer = (mail: InvitationMailInput) => Promise<boolean>;

/**
 * Invitations: an admin invites an address with roles; the link works once, for 7 days. The
 * invitee chooses their name and password and is a member — there is no open sign-up.
 */
export class InvitationService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly publicUrl: string,
    private readonly mail: InvitationMailer,
  ) {}

  async create(actor: Actor, input: unknown, meta: RequestMeta): Promise<NewInvitation> {
    const { orgId, userId } = authorise(actor, 'members.manage');
    const data = parseInput(InvitationInput, input);
    const token = newSecretToken();
    const now = this.clock();
    const id = this.newId();
    const roles = normaliseRoles(data.roles);
    const members = await new OrganisationRepository(this.store.db).members(orgId);
    if (members.some((member) => member.email === data.email))
      throw new WhetstoneError('conflict', `email: ${data.email} is a member already`, [
        { field: 'email', message: 'is a member already' },
      ]);
    await inTransaction(this.store, async (trx) => {
      await new InvitationRepository(trx).insert({
        id,
        orgId,
        email: data.email,
        roles: rolesToText(roles),
        tokenHash: hashSecretToken(token),
        invitedBy: userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      });
      await this.audit.record(
        { orgId, actorUserId: userId, kind: 'invitation.created', detail: { email: data.email, roles } },
        meta,
        trx,
      );
    });
    const invitation = await this.require(orgId, id);
    const link = this.linkFor(token);
    const org = await new OrganisationRepository(this.store.db).get(orgId);
    const mailed = await this.mail({
      to: data.email,
      organisation: org?.name ?? 'your organisation',
      inviterName: invitation.invitedBy,
      roles,
      link,
      expiresAt: invitation.expiresAt,
    });
    return { invitation: publicView(invitation), link, mailed };
  }

  async list(actor: Actor): Promise<Invitation[]> {
    const { orgId } = authorise(actor, 'members.read');
    return (await new InvitationRepository(this.store.db).list(orgId, this.now())).map(publicView);
  }

  async revoke(actor: Actor, id: string, meta: RequestMeta): Promise<Invitation> {
    const { orgId, userId } = authorise(actor, 'members.manage');
    const revoked = await inTransaction(this.store, async (trx) => {
      if (!(await new InvitationRepository(trx).revoke(orgId, id, this.now()))) return false;
      await this.audit.record(
        { orgId, actorUserId: userId, kind: 'invitation.revoked', detail: { id } },
        meta,
        trx,
      );
      return true;
    });
    const invitation = await this.require(orgId, id);
    if (!revoked)
      throw new WhetstoneError('conflict', `invitation ${id} is ${invitation.state} and cannot be revoked`);
    return publicView(invitation);
  }

  /** What the accept page shows; an unknown, used, revoked or expired link says which. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.live(token);
    const org = await new OrganisationRepository(this.store.db).get(invitation.orgId);
    return {
      organisation: org?.name ?? '',
      email: invitation.email,
      roles: invitation.roles,
      invitedBy: invitation.invitedBy,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Creates the invitee's account; returns the email to sign them in with. */
  async accept(token: string, input: unknown, meta: RequestMeta): Promise<{ userId: string; email: string }> {
    const data = parseInput(AcceptInvitationInput, input);
    const invitation = await this.live(token);
    const userId = this.newId();
    await inTransaction(this.store, async (trx) => {
      if (!(await new InvitationRepository(trx).markAccepted(invitation.id, userId, this.now())))
        throw invitationGone('used');
      await createMemberAccount(
        trx,
        this.store.engine,
        {
          orgId: invitation.orgId,
          userId,
          name: data.name,
          email: invitation.email,
          password: data.password,
          roles: invitation.roles,
        },
        this.now(),
        this.newId,
      );
      await this.audit.record(
        {
          orgId: invitation.orgId,
          actorUserId: userId,
          kind: 'invitation.accepted',
          subjectUserId: invitation.invitedById,
          detail: { roles: invitation.roles },
        },
        meta,
        trx,
      );
    });
    return { userId, email: invitation.email };
  }

  private linkFor(token: string): string {
    return new URL(`${INVITATION_PATH}/${token}`, this.publicUrl).toString();
  }

  private async live(token: string): Promise<InvitationRow> {
    const invitation = await new InvitationRepository(this.store.db).byTokenHash(
      hashSecretToken(token),
      this.now(),
    );
    if (!invitation) throw invitationGone('unknown');
    if (invitation.state !== 'pending') throw invitationGone(invitation.state);
    return invitation;
  }

  private async require(orgId: string, id: string): Promise<InvitationRow> {
    const invitation = await new InvitationRepository(this.store.db).byId(orgId, id, this.now());
    if (!invitation) throw notFound('invitation', id);
    return invitation;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

const GONE: Record<string, string> = {
  unknown: 'this invitation link is not valid; check that you copied all of it',
  accepted: 'this invitation has been used already; sign in instead',
  used: 'this invitation has been used already; sign in instead',
  revoked: 'this invitation was withdrawn; ask your admin for a new one',
  expired: 'this invitation has expired; ask your admin for a new one',
};

/** An unusable link is "not found" with a reason the page can show. */
function invitationGone(reason: string): WhetstoneError {
  return new WhetstoneError('not_found', GONE[reason] ?? GONE.unknown ?? '', [
    { field: 'token', message: reason },
  ]);
}

function publicView(row: InvitationRow): Invitation {
  const { orgId: _org, invitedById: _by, ...invitation } = row;
  return invitation;
}
