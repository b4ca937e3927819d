import type { Kysely } from 'kysely';
import type { AuditEvent, AuditKind } from '../../core/team/account.js';
import { toIso } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface AuditEntry {
  orgId: string | null;
  actorUserId: string | null;
  kind: AuditKind;
  subjectUserId: string | null;
  detail: Record<string, unknown>;
  ipAddress: string | null;
  createdAt: string;
}

/** The append-only log of security events. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        org_id: entry.orgId,
        actor_user_id: entry.actorUserId,
        kind: entry.kind,
        subject_user_id: entry.subjectUserId,
        detail: JSON.stringify(entry.detail),
        ip_address: entry.ipAddress,
        created_at: entry.createdAt,
      })
      .execute();
  }

  /** Newest first; `before` is the `seq` the previous page ended at. */
  async page(orgId: string, limit: number, before?: number): Promise<AuditEvent[]> {
    let query = this.db
      .selectFrom('audit_events as e')
      .leftJoin('auth_users as a', 'a.id', 'e.actor_user_id')
      .leftJoin('auth_users as s', 's.id', 'e.subject_user_id')
      .select([
        'e.seq',
        'e.kind',
        'e.actor_user_id',
        'a.name as actor_name',
        'e.subject_user_id',
        's.name as subject_name',
        'e.detail',
        'e.ip_address',
        'e.created_at',
      ])
      .where('e.org_id', '=', orgId)
      .orderBy('e.seq', 'desc')
      .limit(limit);
    if (before !== undefined) query = query.where('e.seq', '<', before);
    const rows = await query.execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      kind: row.kind as AuditKind,
      actor: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_name ?? 'Unknown' } : null,
      subject: row.subject_user_id ? { id: row.subject_user_id, name: row.subject_name ?? 'Unknown' } : null,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      ipAddress: row.ip_address,
      createdAt: toIso(row.created_at),
    }));
  }
}
