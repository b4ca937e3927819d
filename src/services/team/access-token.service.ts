import { notFound, WhetstoneError } from '../../core/errors.js';
import { type AccessToken, AccessTokenInput, type NewAccessToken } from '../../core/team/account.js';
import { parseInput } from '../../core/validation.js';
import type { Store } from '../../store/connect.js';
import { AccessTokenRepository } from '../../store/team/access-token.repository.js';
import type { Actor, Clock } from '../context.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import type { MemberService } from './member.service.js';
import { authoriseAccountManagement } from './policy.js';

/** Recognisable in logs and secret scanners, like other services' tokens. */
export const TOKEN_PREFIX = 'whet_';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Last use is recorded at most this often per token, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Personal access tokens: named, read or read-write, optionally expiring, shown once, revocable. */
export class AccessTokenService {
  constructor(
    private readonly store: Store,
    private readonly members: MemberService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async create(actor: Actor, input: unknown, meta: RequestMeta): Promise<NewAccessToken> {
    const member = authoriseAccountManagement(actor);
    const data = parseInput(AccessTokenInput, input);
    const now = this.clock();
    const token: AccessToken = {
      id: this.newId(),
      name: data.name,
      scope: data.scope,
      createdAt: now.toISOString(),
      expiresAt: data.expiresInDays
        ? new Date(now.getTime() + data.expiresInDays * DAY_MS).toISOString()
        : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    const secret = `${TOKEN_PREFIX}${newSecretToken()}`;
    await new AccessTokenRepository(this.store.db).insert(member.userId, token, hashSecretToken(secret));
    await this.audit.record(
      {
        orgId: member.orgId,
        actorUserId: member.userId,
        kind: 'token.created',
        detail: { name: token.name, scope: token.scope },
      },
      meta,
    );
    return { token, secret };
  }

  async list(actor: Actor): Promise<AccessToken[]> {
    return new AccessTokenRepository(this.store.db).list(authoriseAccountManagement(actor).userId);
  }

  async revoke(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    const member = authoriseAccountManagement(actor);
    if (
      !(await new AccessTokenRepository(this.store.db).revoke(member.userId, id, this.clock().toISOString()))
    )
      throw notFound('access token', id);
    await this.audit.record(
      { orgId: member.orgId, actorUserId: member.userId, kind: 'token.revoked', detail: { id } },
      meta,
    );
  }

  /** Ends the token this request came with (logging out a terminal); a signed-in session has none. */
  async revokeCurrent(actor: Actor, meta: RequestMeta): Promise<void> {
    if (!actor.token)
      throw new WhetstoneError('conflict', 'this request carries no access token; revoke a token by its id');
    if (
      !(await new AccessTokenRepository(this.store.db).revoke(
        actor.userId,
        actor.token.id,
        this.clock().toISOString(),
      ))
    )
      throw notFound('access token', actor.token.id);
    await this.audit.record(
      {
        orgId: actor.member?.orgId ?? null,
        actorUserId: actor.userId,
        kind: 'token.revoked',
        detail: { id: actor.token.id },
      },
      meta,
    );
  }

  /** The actor a bearer secret acts as: its owner, if the token is live and they are an active member. */
  async actorForSecret(secret: string): Promise<Actor | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const repo = new AccessTokenRepository(this.store.db);
    const now = this.clock();
    const token = await repo.findLive(hashSecretToken(secret), now.toISOString());
    if (!token) return undefined;
    const actor = await this.members.actorFor(token.userId);
    if (!actor) return undefined;
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS)
      await repo.touch(token.id, now.toISOString());
    return { ...actor, token: { id: token.id, scope: token.scope } };
  }
}
