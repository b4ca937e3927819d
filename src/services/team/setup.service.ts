import { WhetstoneError } from '../../core/errors.js';
import { type SetupInput, SetupInput as SetupSchema } from '../../core/team/account.js';
import { parseInput } from '../../core/validation.js';
import type { Store } from '../../store/connect.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { SetupLinkRepository } from '../../store/team/setup-link.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Clock } from '../context.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import type { AuditLog, RequestMeta } from './audit-log.js';
import { createMemberAccount } from './member-accounts.js';

/** A setup link lives a day; every start of an empty server prints a new one. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const SETUP_PATH = '/setup';

/**
 * The first start of a team server: nobody has an account, so whoever holds the one-time link
 * printed in the server's log (or runs `whet admin setup` on it) creates the organisation and
 * becomes its first admin.
 */
export class SetupService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async required(): Promise<boolean> {
    return (await new OrganisationRepository(this.store.db).any()) === undefined;
  }

  /** A new one-time link's token, or null when the organisation exists already. */
  async issueLink(): Promise<string | null> {
    if (!(await this.required())) return null;
    const token = newSecretToken();
    const now = this.clock();
    await new SetupLinkRepository(this.store.db).insert(
      hashSecretToken(token),
      now.toISOString(),
      new Date(now.getTime() + SETUP_LINK_TTL_MS).toISOString(),
    );
    return token;
  }

  async linkIsLive(token: string): Promise<boolean> {
    return (
      (await this.required()) &&
      new SetupLinkRepository(this.store.db).isLive(hashSecretToken(token), this.now())
    );
  }

  /** Creates the organisation and its first admin (also a researcher); returns the new user's id. */
  async setup(input: unknown, meta: RequestMeta): Promise<{ userId: string; orgId: string; email: string }> {
    const data = parseInput(SetupSchema, input);
    return this.create(data, meta, (trx) =>
      new SetupLinkRepository(trx).spend(hashSecretToken(data.token), this.now()),
    );
  }

  /** `whet admin setup`: whoever can run commands on the server's database needs no link. */
  async setupFromTerminal(
    input: Omit<SetupInput, 'token'>,
  ): Promise<{ userId: string; orgId: string; email: string }> {
    const data = parseInput(SetupSchema, { ...input, token: 'terminal' });
    return this.create(data, { ipAddress: null, userAgent: 'whet admin setup' }, async () => true);
  }

  private async create(
    data: SetupInput,
    meta: RequestMeta,
    spendLink: (trx: Store['db']) => Promise<boolean>,
  ): Promise<{ userId: string; orgId: string; email: string }> {
    return inTransaction(this.store, async (trx) => {
      const orgs = new OrganisationRepository(trx);
      if (await orgs.any())
        throw new WhetstoneError('conflict', 'the organisation is set up already; sign in');
      if (!(await spendLink(trx)))
        throw new WhetstoneError(
          'validation',
          'token: this setup link is used or expired; restart the server for a new one',
          [{ field: 'token', message: 'used or expired' }],
        );
      const now = this.now();
      const orgId = this.newId();
      const userId = this.newId();
      await orgs.insert({ id: orgId, name: data.organisation, createdAt: now });
      await createMemberAccount(
        trx,
        this.store.engine,
        {
          orgId,
          userId,
          name: data.name,
          email: data.email,
          password: data.password,
          roles: ['researcher', 'admin'],
        },
        now,
        this.newId,
      );
      await this.audit.record(
        { orgId, actorUserId: userId, kind: 'organisation.created', detail: { name: data.organisation } },
        meta,
        trx,
      );
      return { userId, orgId, email: data.email };
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
