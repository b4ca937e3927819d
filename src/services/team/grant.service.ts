import { notFound, WhetstoneError } from '../../core/errors.js';
import {
  type Grant,
  type GrantAccess,
  GrantInput,
  type GrantScope,
  normaliseScopes,
} from '../../core/team/grants.js';
import { parseInput } from '../../core/validation.js';
import type { Store } from '../../store/connect.js';
import { GrantRepository } from '../../store/team/grant.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import type { Actor, Clock } from '../context.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import { memberOf } from './policy.js';

const ACCESS_LOG_LIMIT = 200;

/**
 * Sharing with a coach: a researcher grants a named coach read access to chosen scopes, until a
 * date or until revoked (at once). A coach reads a researcher's data only through `viewAs`, which
 * checks the grant on every request and writes the access log the researcher sees.
 */
export class GrantService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** The organisation's coaches, for choosing whom to share with. */
  async coaches(actor: Actor): Promise<{ id: string; name: string }[]> {
    const { orgId, userId } = memberOf(actor);
    const members = await new OrganisationRepository(this.store.db).members(orgId);
    return members
      .filter((m) => m.active && m.roles.includes('coach') && m.userId !== userId)
      .map((m) => ({ id: m.userId, name: m.name }));
  }

  async create(actor: Actor, input: unknown, meta: RequestMeta): Promise<Grant> {
    const { orgId, userId } = memberOf(actor);
    const data = parseInput(GrantInput, input);
    if (!(await this.coaches(actor)).some((coach) => coach.id === data.coachId))
      throw new WhetstoneError('validation', 'coachId: is not a coach of your organisation', [
        { field: 'coachId', message: 'is not a coach of your organisation' },
      ]);
    const now = this.now();
    // "Until" a date means through that whole day (UTC).
    const expiresAt = data.until
      ? new Date(Date.parse(`${data.until}T00:00:00Z`) + 86_400_000).toISOString()
      : null;
    if (expiresAt !== null && expiresAt <= now)
      throw new WhetstoneError('validation', 'until: must be today or later', [
        { field: 'until', message: 'must be today or later' },
      ]);
    const id = this.newId();
    const scopes = normaliseScopes(data.scopes);
    await new GrantRepository(this.store.db).insert({
      id,
      orgId,
      researcherId: userId,
      coachId: data.coachId,
      scopes: scopes.join(','),
      createdAt: now,
      expiresAt,
    });
    await this.audit.record(
      {
        orgId,
        actorUserId: userId,
        kind: 'grant.created',
        subjectUserId: data.coachId,
        detail: { scopes, expiresAt },
      },
      meta,
    );
    return this.mine(actor, id);
  }

  /** Grants the actor gave, newest first. */
  async given(actor: Actor): Promise<Grant[]> {
    return new GrantRepository(this.store.db).byResearcher(memberOf(actor).userId, this.now());
  }

  /** Active grants to the actor as a coach. */
  async sharedWithMe(actor: Actor): Promise<Grant[]> {
    const me = memberOf(actor);
    if (!me.roles.includes('coach')) return [];
    return (await new GrantRepository(this.store.db).byCoach(me.userId, this.now())).filter(
      (g) => g.state === 'active',
    );
  }

  async revoke(actor: Actor, id: string, meta: RequestMeta): Promise<Grant> {
    const { orgId, userId } = memberOf(actor);
    const grant = await this.mine(actor, id);
    if (!(await new GrantRepository(this.store.db).revoke(userId, id, this.now())))
      throw new WhetstoneError('conflict', `grant ${id} is revoked already`);
    await this.audit.record(
      { orgId, actorUserId: userId, kind: 'grant.revoked', subjectUserId: grant.coach.id },
      meta,
    );
    return this.mine(actor, id);
  }

  async accessLog(actor: Actor): Promise<GrantAccess[]> {
    return new GrantRepository(this.store.db).accessLog(memberOf(actor).userId, ACCESS_LOG_LIMIT);
  }

  /**
   * The researcher as the coach may read them, for one scope: only with an active grant naming
   * that scope, while the coach still holds the coach role. Otherwise the researcher is simply
   * not found (404) — the same as for a person who does not exist. Each use is logged.
   */
  async viewAs(actor: Actor, researcherId: string, scope: GrantScope): Promise<Actor> {
    const grant = (await this.sharedWithMe(actor)).find(
      (g) => g.researcher.id === researcherId && g.scopes.includes(scope),
    );
    if (!grant) throw notFound('shared researcher', researcherId);
    await new GrantRepository(this.store.db).logAccess(
      grant.id,
      researcherId,
      actor.userId,
      scope,
      this.now(),
    );
    return { userId: researcherId, token: { id: `grant:${grant.id}`, scope: 'read' } };
  }

  private async mine(actor: Actor, id: string): Promise<Grant> {
    const grant = (await this.given(actor)).find((g) => g.id === id);
    if (!grant) throw notFound('grant', id);
    return grant;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
