import { invitationMail, passwordResetMail } from '../../core/mail.js';
import { ROLE_LABELS, type Role } from '../../core/team/roles.js';
import type { Services } from '../../services/app.js';
import { newId } from '../../services/ids.js';
import type { MailOutbox, MailSender } from '../../services/mail/index.js';
import { createTeamServices } from '../../services/team/team-services.js';
import { createAuth, RESET_TOKEN_SECONDS } from './auth.js';
import type { TeamHttp } from './team-http.js';

export interface TeamServerOptions {
  publicUrl: string;
  trustProxy: boolean;
  /** The outbox and its sender; without an SMTP server nothing is queued and links are copied. */
  mail: { outbox: MailOutbox; sender: MailSender };
  secretFromEnvironment?: string | undefined;
  /** WHETSTONE_CALENDAR_PRIVATE_ADDRESSES=allow: busy calendars may live in private networks. */
  allowPrivateCalendarAddresses?: boolean;
}

export const RESET_PATH = '/reset-password';

/** Team mode's parts over the solo services' store: the team use cases and better-auth. */
export async function createTeamHttp(services: Services, options: TeamServerOptions): Promise<TeamHttp> {
  const { outbox, sender } = options.mail;
  const team = createTeamServices(services.store, {
    publicUrl: options.publicUrl,
    clock: services.clock,
    newId,
    mailInvitation: async (invitation) => {
      if (!sender.enabled) return false;
      await outbox.enqueue(
        invitationMail({
          ...invitation,
          roles: invitation.roles.map((role) => ROLE_LABELS[role as Role] ?? role),
        }),
      );
      return true;
    },
    bookingMailer: sender.enabled
      ? { enqueue: (mail, trx) => outbox.enqueue(mail, trx), wake: () => sender.wake() }
      : null,
    secretFromEnvironment: options.secretFromEnvironment,
    allowPrivateCalendarAddresses: options.allowPrivateCalendarAddresses ?? false,
  });
  const auth = createAuth({
    store: services.store,
    secret: await team.sessionSecret(),
    publicUrl: options.publicUrl,
    newId,
    sendResetLink: async (account, token) => {
      // No mail server, or a deactivated member: nothing is sent, and the answer is the same.
      if (!sender.enabled || !(await team.members.actorFor(account.id))) return;
      const to = account.email;
      const link = new URL(`${RESET_PATH}/${token}`, options.publicUrl).toString();
      await outbox.enqueue(passwordResetMail({ to, link, expiresInMinutes: RESET_TOKEN_SECONDS / 60 }));
    },
    onPasswordReset: (userId) => team.audit.accountEvent(userId, 'password.reset'),
  });
  return { services: team, auth, publicUrl: options.publicUrl, trustProxy: options.trustProxy };
}
