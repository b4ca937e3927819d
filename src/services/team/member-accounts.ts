import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import { WhetstoneError } from '../../core/errors.js';
import type { Role } from '../../core/team/roles.js';
import { BookingRepository } from '../../store/coaching/booking.repository.js';
import type { Database, Engine } from '../../store/schema.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import { moveKeptIdeasIntoLog } from '../coaching/ideas-kept-for-account.js';
import { createUserWithDefaults } from '../user.service.js';

export interface NewMember {
  orgId: string;
  userId: string;
  name: string;
  email: string;
  password: string;
  roles: readonly Role[];
}

/**
 * Everything a new member is, written in the caller's transaction: the sign-in identity and its
 * scrypt password hash (better-auth's format, so its sign-in verifies it), the user with the
 * default areas, and the membership with its roles.
 */
export async function createMemberAccount(
  trx: Kysely<Database>,
  engine: Engine,
  member: NewMember,
  now: string,
  newId: () => string,
): Promise<void> {
  const accounts = new AccountRepository(trx, engine);
  if (await accounts.byEmail(member.email)) throw emailTaken();
  const passwordHash = await hashPassword(member.password);
  try {
    await accounts.insertWithPassword(
      { id: member.userId, name: member.name, email: member.email },
      { accountId: newId(), passwordHash },
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  await createUserWithDefaults(trx, engine, member.userId, member.name, now);
  await new OrganisationRepository(trx).addMember(member.orgId, member.userId, member.roles, now);
  await new BookingRepository(trx).linkBooker(member.email, member.userId);
  await moveKeptIdeasIntoLog(trx, engine, member.userId, now, newId);
}

const emailTaken = () =>
  new WhetstoneError('conflict', 'email: an account with this address exists; sign in instead', [
    { field: 'email', message: 'an account with this address exists' },
  ]);
