import type { Kysely } from 'kysely';
import {
  type Grant,
  type GrantAccess,
  type GrantScope,
  grantState,
  scopesFromText,
} from '../../core/team/grants.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface NewGrantRow {
  id: string;
  orgId: string;
  researcherId: string;
  coachId: string;
  scopes: readonly GrantScope[];
  /** Null: ideas of every area. */
  areaIds: readonly string[] | null;
  createdAt: string;
  expiresAt: string | null;
}

/** Grants from researchers to coaches, and the log of what coaches opened under them. */
export class GrantRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewGrantRow): Promise<void> {
    await this.db
      .insertInto('grants')
      .values({
        id: row.id,
        org_id: row.orgId,
        researcher_id: row.researcherId,
        coach_id: row.coachId,
        scopes: row.scopes.join(','),
        area_ids: row.areaIds && row.areaIds.length > 0 ? row.areaIds.join(',') : null,
        created_at: row.createdAt,
        expires_at: row.expiresAt,
      })
      .execute();
  }

  /** Every grant the researcher gave, newest first (revoked and expired ones too). */
  async byResearcher(researcherId: string, now: string): Promise<Grant[]> {
    const rows = await this.select().where('g.researcher_id', '=', researcherId).execute();
    return this.withAreas(rows, now);
  }

  /**
   * Grants to the coach from researchers who are still active members, newest first. A
   * deactivated researcher's grants pause with their membership.
   */
  async byCoach(coachId: string, now: string): Promise<Grant[]> {
    const rows = await this.select()
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.org_id', '=', 'g.org_id').onRef('m.user_id', '=', 'g.researcher_id'),
      )
      .where('g.coach_id', '=', coachId)
      .where('m.status', '=', 'active')
      .execute();
    return this.withAreas(rows, now);
  }

  /** Ends one live grant of the researcher's; false when there is none by that id. */
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

  /**
   * Ends the researcher's unrevoked grants — to one coach (a new grant replaces them), or to
   * everyone (leaving the organisation); returns how many.
   */
  async revokeLive(researcherId: string, now: string, coachId?: string): Promise<number> {
    let query = this.db
      .updateTable('grants')
      .set({ revoked_at: now })
      .where('researcher_id', '=', researcherId)
      .where('revoked_at', 'is', null);
    if (coachId !== undefined) query = query.where('coach_id', '=', coachId);
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  async logAccess(entry: {
    grantId: string;
    researcherId: string;
    coachId: string;
    scope: GrantScope;
    objectId: string | null;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('grant_access_log')
      .values({
        grant_id: entry.grantId,
        researcher_id: entry.researcherId,
        coach_id: entry.coachId,
        scope: entry.scope,
        object_id: entry.objectId,
        created_at: entry.at,
      })
      .execute();
  }

  /** What coaches opened of the researcher's, newest first. */
  async accessLog(researcherId: string, limit: number): Promise<GrantAccess[]> {
    const rows = await this.db
      .selectFrom('grant_access_log as l')
      .innerJoin('users as c', 'c.id', 'l.coach_id')
      .select(['l.coach_id', 'c.name', 'l.scope', 'l.object_id', 'l.created_at'])
      .where('l.researcher_id', '=', researcherId)
      .orderBy('l.seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      coach: { id: row.coach_id, name: row.name },
      scope: row.scope as GrantScope,
      objectId: row.object_id,
      at: toIso(row.created_at),
    }));
  }

  private select() {
    return this.db
      .selectFrom('grants as g')
      .innerJoin('users as r', 'r.id', 'g.researcher_id')
      .innerJoin('users as c', 'c.id', 'g.coach_id')
      .selectAll('g')
      .select(['r.name as researcher_name', 'c.name as coach_name'])
      .orderBy('g.created_at', 'desc')
      .orderBy('g.id', 'desc');
  }

  /** Maps rows, naming the areas each ideas scope is limited to (the researcher's own areas). */
  private async withAreas(rows: Row[], now: string): Promise<Grant[]> {
    // Area ids are per person, so a name is looked up by (researcher, id).
    const wanted = [...new Set(rows.flatMap((row) => areaIdsOf(row)))];
    const researchers = [...new Set(rows.map((row) => row.researcher_id))];
    const names = new Map<string, string>();
    if (wanted.length > 0) {
      const areas = await this.db
        .selectFrom('areas')
        .select(['user_id', 'id', 'name'])
        .where('id', 'in', wanted)
        .where('user_id', 'in', researchers)
        .execute();
      for (const area of areas) names.set(`${area.user_id} ${area.id}`, area.name);
    }
    return rows.map((row) => {
      const expiresAt = toIsoOrNull(row.expires_at);
      const revokedAt = toIsoOrNull(row.revoked_at);
      const areaIds = row.area_ids === null ? null : areaIdsOf(row);
      return {
        id: row.id,
        researcher: { id: row.researcher_id, name: row.researcher_name },
        coach: { id: row.coach_id, name: row.coach_name },
        scopes: scopesFromText(row.scopes),
        // An area deleted since keeps limiting the grant; it shows under its id.
        areas:
          areaIds === null
            ? null
            : areaIds.map((id) => ({ id, name: names.get(`${row.researcher_id} ${id}`) ?? id })),
        state: grantState({ expiresAt, revokedAt }, now),
        createdAt: toIso(row.created_at),
        expiresAt,
        revokedAt,
      };
    });
  }
}

type Row = Awaited<ReturnType<ReturnType<GrantRepository['select']>['execute']>>[number];

const areaIdsOf = (row: Row): string[] => (row.area_ids ? row.area_ids.split(',') : []);
