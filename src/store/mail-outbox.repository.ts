import type { Kysely, Selectable } from 'kysely';
import {
  CALENDAR_METHODS,
  type CalendarMethod,
  MAIL_MAX_ATTEMPTS,
  type MailCalendar,
  mailStatus,
  type OutboxMessage,
  type OutgoingMail,
} from '../core/mail.js';
import { toIso, toIsoOrNull } from './rows.js';
import type { Database, MailOutboxTable } from './schema.js';

type Db = Kysely<Database>;

/**
 * The mail outbox: messages written (inside the caller's transaction, if it has one) and delivered
 * later by a sender. Several processes may share the table: a sender takes a message with an atomic
 * conditional update of `claimed_until` (`claim`), so two senders never hold the same message.
 * Not scoped by user: the outbox belongs to the installation.
 */
export class MailOutboxRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): MailOutboxRepository {
    return new MailOutboxRepository(trx);
  }

  /** A new message, due at once. Durable when the surrounding transaction commits. */
  async insert(message: { id: string; mail: OutgoingMail; createdAt: string }): Promise<void> {
    await this.db
      .insertInto('mail_outbox')
      .values({
        id: message.id,
        to_address: message.mail.to,
        subject: message.mail.subject,
        text_body: message.mail.text,
        html_body: message.mail.html,
        calendar_method: message.mail.calendar?.method ?? null,
        calendar_ics: message.mail.calendar?.ics ?? null,
        created_at: message.createdAt,
        attempts: 0,
        next_attempt_at: message.createdAt,
        claimed_until: null,
        sent_at: null,
        last_error: null,
      })
      .execute();
  }

  /** Ids of messages due at `now` and not held by a sender, oldest due first. */
  async dueIds(now: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('attempts', '<', MAIL_MAX_ATTEMPTS)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * Takes the message until `until` if it is still due and unclaimed at `now`; undefined when it is
   * not (sent, given up, not yet due, or held by another sender). One conditional UPDATE: on
   * PostgreSQL a second concurrent claim waits for the first and then re-checks the condition on the
   * updated row, so it fails; SQLite runs writes one at a time.
   */
  async claim(id: string, now: string, until: string): Promise<OutboxMessage | undefined> {
    const row = await this.db
      .updateTable('mail_outbox')
      .set({ claimed_until: until })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where('attempts', '<', MAIL_MAX_ATTEMPTS)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    return row && mapRow(row);
  }

  /** Marks the message delivered and releases it. */
  async markSent(id: string, sentAt: string): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({ sent_at: sentAt, claimed_until: null, last_error: null })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  }

  /**
   * Records a failed attempt and releases the message: `attempts` is the new count and
   * `nextAttemptAt` comes from the retry schedule (core/mail.ts). Leaves a message that another
   * sender has meanwhile delivered alone.
   */
  async recordFailure(
    id: string,
    failure: { attempts: number; nextAttemptAt: string; lastError: string },
  ): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({
        attempts: failure.attempts,
        next_attempt_at: failure.nextAttemptAt,
        last_error: failure.lastError,
        claimed_until: null,
      })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  }

  async find(id: string): Promise<OutboxMessage | undefined> {
    const row = await this.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row && mapRow(row);
  }

  /** The newest messages first, whatever their state. */
  async listRecent(limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(mapRow);
  }

  /** Messages still to be delivered (not sent, not given up), due now or later. */
  async countPending(): Promise<number> {
    const row = await this.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('sent_at', 'is', null)
      .where('attempts', '<', MAIL_MAX_ATTEMPTS)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function mapRow(row: Selectable<MailOutboxTable>): OutboxMessage {
  const sentAt = toIsoOrNull(row.sent_at);
  const attempts = Number(row.attempts);
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    calendar: calendarOf(row),
    status: mailStatus({ sentAt, attempts }),
    createdAt: toIso(row.created_at),
    attempts,
    nextAttemptAt: toIso(row.next_attempt_at),
    claimedUntil: toIsoOrNull(row.claimed_until),
    sentAt,
    lastError: row.last_error,
  };
}

/** The invitation stored with a message; null for mail without one. */
function calendarOf(row: Selectable<MailOutboxTable>): MailCalendar | null {
  if (row.calendar_method === null || row.calendar_ics === null) return null;
  const method = row.calendar_method as CalendarMethod;
  // Only this repository writes the column; anything else is a damaged row, not mail to send.
  if (!CALENDAR_METHODS.includes(method))
    throw new Error(`mail_outbox row ${row.id} has an unknown calendar method ${row.calendar_method}`);
  return { method, ics: row.calendar_ics };
}
