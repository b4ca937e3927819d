import type { Kysely } from 'kysely';
import { toFlag } from '../rows.js';
import type { Database, Engine } from '../schema.js';

type Db = Kysely<Database>;

export interface AccountIdentity {
  id: string;
  name: string;
  email: string;
}

/**
 * The rows better-auth reads for an email-and-password account. Accounts are created here, in the
 * same transaction as the membership (better-auth's own sign-up is switched off), so an account
 * never exists without the organisation it was invited to.
 */
export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  async insertWithPassword(
    user: AccountIdentity,
    credential: { accountId: string; passwordHash: string },
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('auth_users')
      .values({
        id: user.id,
        name: user.name,
        email: user.email,
        email_verified: toFlag(this.engine, false),
        image: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.db
      .insertInto('auth_accounts')
      .values({
        id: credential.accountId,
        account_id: user.id,
        provider_id: 'credential',
        user_id: user.id,
        password: credential.passwordHash,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async byEmail(email: string): Promise<AccountIdentity | undefined> {
    return this.db
      .selectFrom('auth_users')
      .select(['id', 'name', 'email'])
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async byId(id: string): Promise<AccountIdentity | undefined> {
    return this.db
      .selectFrom('auth_users')
      .select(['id', 'name', 'email'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('auth_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ends every session of the user at once (deactivation, password reset). */
  async deleteSessions(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('token', '=', token).execute();
  }
}
