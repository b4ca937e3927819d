/**
 * Team mode's mail: an outbox in the database and a sender that delivers it over SMTP, retrying with
 * backoff while the mail server is down (docs/decisions/0016-mail-outbox.md).
 *
 * Public API:
 *
 *   mailConfigFromEnv(env = process.env): MailConfig
 *     WHETSTONE_SMTP_URL (`smtp://user:pass@host:587`, `smtps://user:pass@host:465`; unset or empty:
 *     no mail server) and WHETSTONE_MAIL_FROM (default `Whetstone <no-reply@localhost>`).
 *
 *   createMail({ store, clock, smtpUrl, from, newId?, onError? }): { outbox: MailOutbox; sender: MailSender }
 *     The outbox wakes the sender after each enqueue made outside a transaction.
 *
 *   outbox.enqueue(mail: OutgoingMail, db?: Kysely<Database>): Promise<string>   (the message id)
 *     Pass the transaction of `inTransaction` as `db` to write the message with the change that
 *     causes it; then call `sender.wake()` after the commit (or let the next poll find it).
 *     A `mail.calendar` ({ method: 'REQUEST' | 'CANCEL', ics }) is kept with the message and sent
 *     as an iTIP text/calendar alternative (nodemailer's `icalEvent`), so clients show an invitation.
 *   outbox.find(id), outbox.listRecent(limit = 50): Promise<OutboxMessage[]>, outbox.countPending()
 *
 *   sender.enabled: boolean              false without WHETSTONE_SMTP_URL: nothing is ever sent, the
 *                                        messages stay in the outbox (team mode shows the links).
 *   sender.start(intervalMs = 30_000)    polls, first pass at once; a no-op when not enabled.
 *   sender.wake(): void                  a pass soon (while started).
 *   sender.runOnce(): Promise<{ sent: number; failed: number }>
 *   sender.stop(): Promise<void>         stops polling, waits for the pass in progress.
 *
 * The messages themselves come from the core: `invitationMail(...)` and `passwordResetMail(...)` in
 * src/core/mail.ts, which also holds the retry schedule and `OutboxMessage`.
 */
import { createTransport } from 'nodemailer';
import { validationError } from '../../core/errors.js';
import type { Store } from '../../store/connect.js';
import type { Clock } from '../context.js';
import { MailOutbox } from './outbox.js';
import { MailSender, type MailTransport } from './sender.js';

export { MailOutbox } from './outbox.js';
export { MailSender, type MailSenderOptions, type MailTransport, type SendResult } from './sender.js';

export const DEFAULT_MAIL_FROM = 'Whetstone <no-reply@localhost>';

export interface MailConfig {
  /** Undefined: no mail server configured. */
  smtpUrl: string | undefined;
  from: string;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.WHETSTONE_SMTP_URL?.trim() || undefined;
  const from = env.WHETSTONE_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  return { smtpUrl, from };
}

/**
 * A nodemailer SMTP transport for `smtp://…` or `smtps://…`, with time limits far below nodemailer's
 * defaults (a 10-minute socket timeout would hold a claim and the sender's pass that long).
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    throw validationError('WHETSTONE_SMTP_URL', 'must be a URL such as smtp://user:pass@host:587');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw validationError('WHETSTONE_SMTP_URL', 'must start with smtp:// or smtps://');
  return createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

export interface CreateMailOptions {
  store: Store;
  clock: Clock;
  smtpUrl: string | undefined;
  from?: string;
  newId?: () => string;
  onError?: (error: unknown) => void;
}

export function createMail(options: CreateMailOptions): { outbox: MailOutbox; sender: MailSender } {
  const sender = new MailSender({
    store: options.store,
    clock: options.clock,
    transport: options.smtpUrl ? createSmtpTransport(options.smtpUrl) : null,
    from: options.from ?? DEFAULT_MAIL_FROM,
    onError: options.onError,
  });
  const outbox = new MailOutbox(options.store, options.clock, {
    newId: options.newId,
    afterEnqueue: () => sender.wake(),
  });
  return { outbox, sender };
}
