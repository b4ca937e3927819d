import type { Kysely } from 'kysely';
import type { Member } from '../../core/team/account.js';
import { type Role, rolesFromText } from '../../core/team/roles.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}

/** A membership as the policy needs it: which organisation, which roles, whether it is active. */
export interface MembershipRow {
  orgId: string;
  userId: string;
  roles: Role[];
  active: boolean;
}

/** The organisation, its members and their roles. */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  async any(): Promise<Organisation | undefined> {
    const row = await this.db
      .selectFrom('organisations')
      .selectAll()
      .orderBy('created_at')
      .executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: toIso(row.created_at) };
  }

  async get(id: string): Promise<Organisation | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, name: row.name, createdAt: toIso(row.created_at) };
  }

  async insert(org: Organisation): Promise<void> {
    await this.db
      .insertInto('organisations')
      .values({ id: org.id, name: org.name, created_at: org.createdAt })
      .execute();
  }

  async addMember(orgId: string, userId: string, roles: readonly Role[], joinedAt: string): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: userId, status: 'active', joined_at: joinedAt })
      .execute();
    await this.setRoles(orgId, userId, roles);
  }

  async setRoles(orgId: string, userId: string, roles: readonly Role[]): Promise<void> {
    await this.db
      .deleteFrom('membership_roles')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
    if (roles.length === 0) return;
    await this.db
      .insertInto('membership_roles')
      .values(roles.map((role) => ({ org_id: orgId, user_id: userId, role })))
      .execute();
  }

  async setActive(orgId: string, userId: string, active: boolean, now: string): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ status: active ? 'active' : 'deactivated', deactivated_at: active ? null : now })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** The user's membership (a deployment has one organisation, so at most one row). */
  async membershipOf(userId: string): Promise<MembershipRow | undefined> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .leftJoin('membership_roles as r', (join) =>
        join.onRef('r.org_id', '=', 'm.org_id').onRef('r.user_id', '=', 'm.user_id'),
      )
      .select(['m.org_id', 'm.user_id', 'm.status', 'r.role'])
      .where('m.user_id', '=', userId)
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    return {
      orgId: first.org_id,
      userId: first.user_id,
      active: first.status === 'active',
      roles: rolesFromText(rows.map((row) => row.role ?? '').join(',')),
    };
  }

  async members(orgId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('auth_users as u', 'u.id', 'm.user_id')
      .leftJoin('membership_roles as r', (join) =>
        join.onRef('r.org_id', '=', 'm.org_id').onRef('r.user_id', '=', 'm.user_id'),
      )
      .select(['m.user_id', 'm.status', 'm.joined_at', 'm.deactivated_at', 'u.name', 'u.email', 'r.role'])
      .where('m.org_id', '=', orgId)
      .orderBy('m.joined_at')
      .orderBy('m.user_id')
      .execute();
    const byUser = new Map<string, Member & { roleWords: string[] }>();
    for (const row of rows) {
      let member = byUser.get(row.user_id);
      if (!member) {
        member = {
          userId: row.user_id,
          name: row.name,
          email: row.email,
          roles: [],
          active: row.status === 'active',
          joinedAt: toIso(row.joined_at),
          deactivatedAt: toIsoOrNull(row.deactivated_at),
          roleWords: [],
        };
        byUser.set(row.user_id, member);
      }
      if (row.role) member.roleWords.push(row.role);
    }
    return [...byUser.values()].map(({ roleWords, ...member }) => ({
      ...member,
      roles: rolesFromText(roleWords.join(',')),
    }));
  }

  /** Active admins of the organisation: the last one may not be demoted or deactivated. */
  async activeAdminCount(orgId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships as m')
      .innerJoin('membership_roles as r', (join) =>
        join.onRef('r.org_id', '=', 'm.org_id').onRef('r.user_id', '=', 'm.user_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.org_id', '=', orgId)
      .where('m.status', '=', 'active')
      .where('r.role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
