import { notFound, validationError, WhetstoneError } from '../../core/errors.js';
import {
  type Coach,
  expiryOfUntil,
  type Grant,
  type GrantAccess,
  GrantInput,
  type GrantScope,
  normaliseScopes,
} from '../../core/team/grants.js';
import { parseInput } from '../../core/validation.js';
import { AreaRepository } from '../../store/area.repository.js';
import type { Store } from '../../store/connect.js';
import { GrantRepository } from '../../store/team/grant.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import type { SettingsService } from '../settings.service.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import { memberOf, sharedReader } from './policy.js';

const ACCESS_LOG_LIMIT = 200;

/** What a coach may read of a researcher, for one request: who to read as, and any area limit. */
export interface SharedView {
  /** Stands for the researcher, read only. */
  actor: Actor;
  /** The areas the ideas scope is limited to; null means every area. */
  areaIds: string[] | null;
}

/**
 * Sharing with a coach: a researcher grants a named coach read access to chosen scopes, until a
 * date or until revoked (at once). A coach reads a researcher's data only through `viewAs`, which
 * checks the grant on every request (see `sharedReader` in the policy) and writes the access log
 * the researcher sees.
 */
export class GrantService {
  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** The organisation's active coaches other than the actor: whom they may share with. */
  async coaches(actor: Actor): Promise<Coach[]> {
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
      throw validationError('coachId', 'is not a coach of your organisation');
    const scopes = normaliseScopes(data.scopes);
    const areaIds = [...new Set(data.areaIds ?? [])];
    if (areaIds.length > 0 && !scopes.includes('ideas'))
      throw validationError('areaIds', 'limit the ideas scope; share ideas too, or leave the areas out');
    const areas = new AreaRepository(this.store.db, this.store.engine);
    for (const id of areaIds)
      if (!(await areas.findById(userId, id))) throw validationError('areaIds', `no area ${id} of yours`);
    const now = this.now();
    const expiresAt = data.until ? expiryOfUntil(data.until, await this.settings.timeZone(actor)) : null;
    if (expiresAt !== null && expiresAt <= now) throw validationError('until', 'must be today or later');
    const id = this.newId();
    // One live grant per coach: sharing again with the same coach replaces what was shared.
    await inTransaction(this.store, async (trx) => {
      const grants = new GrantRepository(trx);
      const replaced = await grants.revokeLive(userId, now, data.coachId);
      await grants.insert({
        id,
        orgId,
        researcherId: userId,
        coachId: data.coachId,
        scopes,
        areaIds: areaIds.length > 0 ? areaIds : null,
        createdAt: now,
        expiresAt,
      });
      await this.audit.record(
        {
          orgId,
          actorUserId: userId,
          kind: 'grant.created',
          subjectUserId: data.coachId,
          detail: { scopes, areaIds, expiresAt, replaced },
        },
        meta,
        trx,
      );
    });
    return this.mine(actor, id);
  }

  /** Grants the actor gave, newest first, in every state. */
  async given(actor: Actor): Promise<Grant[]> {
    return new GrantRepository(this.store.db).byResearcher(memberOf(actor).userId, this.now());
  }

  /** Grants that let the actor, as a coach, read someone now. */
  async sharedWithMe(actor: Actor): Promise<Grant[]> {
    const me = memberOf(actor);
    if (!me.roles.includes('coach')) return [];
    const grants = await new GrantRepository(this.store.db).byCoach(me.userId, this.now());
    return grants.filter((g) => g.state === 'active');
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

  /** What coaches opened of the actor's, newest first (the latest 200). */
  async accessLog(actor: Actor): Promise<GrantAccess[]> {
    return new GrantRepository(this.store.db).accessLog(memberOf(actor).userId, ACCESS_LOG_LIMIT);
  }

  /**
   * The researcher as the coach may read them, for one scope, logged for the researcher to see.
   * `objectId` names the one thing opened (an experiment's report); a listing has none.
   */
  async viewAs(
    actor: Actor,
    researcherId: string,
    scope: GrantScope,
    objectId: string | null = null,
  ): Promise<SharedView> {
    const found = (await this.sharedWithMe(actor)).find(
      (g) => g.researcher.id === researcherId && g.scopes.includes(scope),
    );
    const { reader, grant } = sharedReader(actor, researcherId, found, scope);
    await new GrantRepository(this.store.db).logAccess({
      grantId: grant.id,
      researcherId,
      coachId: actor.userId,
      scope,
      objectId,
      at: this.now(),
    });
    return { actor: reader, areaIds: grant.areas === null ? null : grant.areas.map((area) => area.id) };
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
