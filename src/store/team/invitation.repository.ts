import type { Kysely, Selectable } from 'kysely';
import type { Invitation, InvitationState } from '../../core/team/account.js';
import { rolesFromText } from '../../core/team/roles.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { Database, InvitationsTable } from '../schema.js';

type Db = Kysely<Database>;

export interface InvitationRow extends Invitation {
  orgId: string;
  invitedById: string;
}

export function invitationState(
  row: Pick<Selectable<InvitationsTable>, 'accepted_at' | 'revoked_at' | 'expires_at'>,
  now: string,
): InvitationState {
  if (row.accepted_at !== null) return 'accepted';
  if (row.revoked_at !== null) return 'revoked';
  return toIso(row.expires_at) <= now ? 'expired' : 'pending';
}

/** Invitations to join the organisation; only the token's hash is stored. */
export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async insert(row: {
    id: string;
    orgId: string;
    email: string;
    roles: string;
    tokenHash: string;
    invitedBy: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db
      .insertInto('invitations')
      .values({
        id: row.id,
        org_id: row.orgId,
        email: row.email,
        roles: row.roles,
        token_hash: row.tokenHash,
        invited_by: row.invitedBy,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
      })
      .execute();
  }

  private select() {
    return this.db
      .selectFrom('invitations as i')
      .innerJoin('users as u', 'u.id', 'i.invited_by')
      .selectAll('i')
      .select('u.name as inviter_name');
  }

  async byTokenHash(tokenHash: string, now: string): Promise<InvitationRow | undefined> {
    const row = await this.select().where('i.token_hash', '=', tokenHash).executeTakeFirst();
    return row && mapRow(row, now);
  }

  async byId(orgId: string, id: string, now: string): Promise<InvitationRow | undefined> {
    const row = await this.select().where('i.org_id', '=', orgId).where('i.id', '=', id).executeTakeFirst();
    return row && mapRow(row, now);
  }

  async list(orgId: string, now: string): Promise<InvitationRow[]> {
    const rows = await this.select()
      .where('i.org_id', '=', orgId)
      .orderBy('i.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((row) => mapRow(row, now));
  }

  /** Marks the invitation used; false if someone else used, revoked or outlived it first. */
  async markAccepted(id: string, userId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revoke(orgId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function mapRow(row: Selectable<InvitationsTable> & { inviter_name: string }, now: string): InvitationRow {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    roles: rolesFromText(row.roles),
    state: invitationState(row, now),
    invitedBy: row.inviter_name,
    invitedById: row.invited_by,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
    acceptedAt: toIsoOrNull(row.accepted_at),
  };
}
