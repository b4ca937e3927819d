import { accountExistsMail } from '../../core/coaching/booking-mail.js';
import { invitationMail } from '../../core/mail.js';
import { ROLE_LABELS } from '../../core/team/roles.js';
import type { BookingRecord } from '../../store/coaching/booking.repository.js';
import type { CoachRecord } from '../../store/coaching/coach.repository.js';
import type { Store } from '../../store/connect.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { InvitationRepository } from '../../store/team/invitation.repository.js';
import { OrganisationRepository } from '../../store/team/organisation.repository.js';
import { inTransaction } from '../../store/transaction.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import { INVITATION_PATH, INVITATION_TTL_MS } from '../team/invitation.service.js';
import type { BookingMailer } from './booking-mails.js';

/**
 * A booker without an account asks for one from their booking link. The link proves nothing about
 * the email address (anyone may type any address when booking), so the account is made through a
 * mail to that address: an invitation to the coach's organisation as a researcher, like an
 * admin's. Accepting it links every booking of the address to the new account (member-accounts).
 * An address that has an account gets a mail saying so instead — the answer is the same either
 * way, so the form tells nobody whether an address has an account.
 */
export async function mailJoinLink(
  store: Store,
  mailer: BookingMailer,
  booking: BookingRecord,
  coach: CoachRecord,
  context: { publicUrl: string; now: Date; newId: () => string },
): Promise<void> {
  const email = booking.booker_email;
  const existing = await new AccountRepository(store.db, store.engine).byEmail(email);
  const org = await new OrganisationRepository(store.db).get(coach.orgId);
  await inTransaction(store, async (trx) => {
    if (existing) {
      const signInLink = new URL('/sign-in', context.publicUrl).toString();
      await mailer.enqueue(
        accountExistsMail({ to: email, coachName: coach.profile.displayName, signInLink }),
        trx,
      );
      return;
    }
    const token = newSecretToken();
    const expiresAt = new Date(context.now.getTime() + INVITATION_TTL_MS).toISOString();
    await new InvitationRepository(trx).insert({
      id: context.newId(),
      orgId: coach.orgId,
      email,
      roles: 'researcher',
      tokenHash: hashSecretToken(token),
      invitedBy: coach.profile.coachId,
      createdAt: context.now.toISOString(),
      expiresAt,
    });
    await mailer.enqueue(
      invitationMail({
        to: email,
        organisation: org?.name ?? 'your organisation',
        inviterName: coach.profile.displayName,
        roles: [ROLE_LABELS.researcher],
        link: new URL(`${INVITATION_PATH}/${token}`, context.publicUrl).toString(),
        expiresAt,
      }),
      trx,
    );
  });
  mailer.wake();
}
