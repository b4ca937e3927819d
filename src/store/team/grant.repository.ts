import type { Kysely } from 'kysely';
import { type Grant, type GrantAccess, type GrantScope, scopesFromText } from '../../core/team/grants.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Grants from researchers to coaches, and the log of what coaches opened. */
export class GrantRepository {
  constructor(private readonly db: Db) {}

  async insert(row: {
    id: string;
    orgId: string;
    researcherId: string;
    coachId: string;
    scopes: string;
    createdAt: string;
    expiresAt: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('grants')
      .values({
        id: row.id,
        org_id: row.orgId,
        researcher_id: row.researcherId,
        coach_id: row.coachId,
        scopes: row.scopes,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
      })
      .execute();
  }

  private select() {
    return this.db
      .selectFrom('grants as g')
      .innerJoin('users as r', 'r.id', 'g.researcher_id')
      .innerJoin('users as c', 'c.id', 'g.coach_id')
      .selectAll('g')
      .select(['r.name as researcher_name', 'c.name as coach_name']);
  }

  async byResearcher(researcherId: string, now: string): Promise<Grant[]> {
    const rows = await this.select()
      .where('g.researcher_id', '=', researcherId)
      .orderBy('g.created_at', 'desc')
      .execute();
    return rows.map((row) => mapRow(row, now));
  }

  async byCoach(coachId: string, now: string): Promise<Grant[]> {
    const rows = await this.select()
      .where('g.coach_id', '=', coachId)
      .orderBy('g.created_at', 'desc')
      .execute();
    return rows.map((row) => mapRow(row, now));
  }

  async revoke(researcherId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('grants')
      .set({ revoked_at: now })
      .where('researcher_id', '=', researcherId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async logAccess(
    grantId: string,
    researcherId: string,
    coachId: string,
    scope: GrantScope,
    at: string,
  ): Promise<void> {
    await this.db
      .insertInto('grant_access_log')
      .values({ grant_id: grantId, researcher_id: researcherId, coach_id: coachId, scope, created_at: at })
      .execute();
  }

  async accessLog(researcherId: string, limit: number): Promise<GrantAccess[]> {
    const rows = await this.db
      .selectFrom('grant_access_log as l')
      .innerJoin('users as c', 'c.id', 'l.coach_id')
      .select(['l.coach_id', 'c.name', 'l.scope', 'l.created_at'])
      .where('l.researcher_id', '=', researcherId)
      .orderBy('l.seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      coach: { id: row.coach_id, name: row.name },
      scope: row.scope as GrantScope,
      at: toIso(row.created_at),
    }));
  }
}

type Row = Awaited<ReturnType<ReturnType<GrantRepository['select']>['execute']>>[number];

function mapRow(row: Row, now: string): Grant {
  const expiresAt = toIsoOrNull(row.expires_at);
  return {
    id: row.id,
    researcher: { id: row.researcher_id, name: row.researcher_name },
    coach: { id: row.coach_id, name: row.coach_name },
    scopes: scopesFromText(row.scopes),
    state:
      row.revoked_at !== null ? 'revoked' : expiresAt !== null && expiresAt <= now ? 'expired' : 'active',
    createdAt: toIso(row.created_at),
    expiresAt,
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}
