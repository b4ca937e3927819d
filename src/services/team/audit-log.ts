import type { Kysely } from 'kysely';
import type { AuditKind, AuditPage } from '../../core/team/account.js';
import type { Store } from '../../store/connect.js';
import type { Database } from '../../store/schema.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { AuditRepository } from '../../store/team/audit.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import type { Actor, Clock } from '../context.js';
import { authorise } from './policy.js';

/** Where a request came from, for the audit log and the throttles. */
export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

export const NO_REQUEST: RequestMeta = { ipAddress: null, userAgent: null };

export interface AuditRecord {
  orgId: string | null;
  actorUserId: string | null;
  kind: AuditKind;
  subjectUserId?: string | null;
  detail?: Record<string, unknown>;
}

const PAGE_SIZE = 50;

/** Security events: written with the change they describe (same transaction), read by admins. */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord, meta: RequestMeta, db: Kysely<Database> = this.store.db): Promise<void> {
    await new AuditRepository(db).append({
      orgId: record.orgId,
      actorUserId: record.actorUserId,
      kind: record.kind,
      subjectUserId: record.subjectUserId ?? null,
      detail: record.detail ?? {},
      ipAddress: meta.ipAddress,
      createdAt: this.clock().toISOString(),
    });
  }

  /**
   * A failed sign-in, filed under the organisation of the account it named (if there is one), so
   * its admins see attacks on their members. The answer to the client says nothing of this.
   */
  async failedSignIn(email: string, meta: RequestMeta): Promise<void> {
    const account = await new AccountRepository(this.store.db, this.store.engine).byEmail(email);
    const membership = account && (await new OrganisationRepository(this.store.db).membershipOf(account.id));
    await this.record(
      {
        orgId: membership?.orgId ?? null,
        actorUserId: null,
        kind: 'sign-in.failed',
        subjectUserId: membership ? account.id : null,
        detail: { email: email.trim().toLowerCase() },
      },
      meta,
    );
  }

  /** An event of an account's own (e.g. a password reset), filed under its organisation. */
  async accountEvent(userId: string, kind: AuditKind, meta: RequestMeta = NO_REQUEST): Promise<void> {
    const membership = await new OrganisationRepository(this.store.db).membershipOf(userId);
    await this.record({ orgId: membership?.orgId ?? null, actorUserId: userId, kind }, meta);
  }

  async page(actor: Actor, cursor?: string): Promise<AuditPage> {
    const { orgId } = authorise(actor, 'audit.read');
    const before = cursor === undefined ? undefined : Number(cursor);
    const items = await new AuditRepository(this.store.db).page(
      orgId,
      PAGE_SIZE + 1,
      before !== undefined && Number.isInteger(before) ? before : undefined,
    );
    const more = items.length > PAGE_SIZE;
    const page = items.slice(0, PAGE_SIZE);
    return { items: page, nextCursor: more ? String(page[page.length - 1]?.seq) : null };
  }
}
