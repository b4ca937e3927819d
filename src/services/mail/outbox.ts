import type { Kysely } from 'kysely';
import { validationError } from '../../core/errors.js';
import { checkRecipient, type OutboxMessage, type OutgoingMail } from '../../core/mail.js';
import type { Store } from '../../store/connect.js';
import { MailOutboxRepository } from '../../store/mail-outbox.repository.js';
import type { Database } from '../../store/schema.js';
import type { Clock } from '../context.js';
import { newId as defaultNewId } from '../ids.js';

export interface MailOutboxOptions {
  newId?: () => string;
  /** Called after a message is written outside a caller's transaction (the sender's `wake`). */
  afterEnqueue?: () => void;
}

/**
 * Where mail waits to be delivered. Writing a message is all a feature does: the sender delivers it
 * later, retrying while the mail server is down. Not tied to an actor: the callers (team mode's
 * invitations and password resets) have already decided who may send what; showing the outbox to
 * someone is theirs to authorise too.
 */
export class MailOutbox {
  private readonly repository: MailOutboxRepository;
  private readonly newId: () => string;
  private readonly afterEnqueue: () => void;

  constructor(
    store: Store,
    private readonly clock: Clock,
    options: MailOutboxOptions = {},
  ) {
    this.repository = new MailOutboxRepository(store.db);
    this.newId = options.newId ?? defaultNewId;
    this.afterEnqueue = options.afterEnqueue ?? (() => {});
  }

  /**
   * Writes the message, due at once, and returns its id. Pass `db` (a transaction from
   * `inTransaction`) to write it with the rest of a change: it is kept only if that commits. Then
   * the sender is not woken (it could look before the commit); call `wake()` after the commit or
   * leave it to the next poll.
   */
  async enqueue(mail: OutgoingMail, db?: Kysely<Database>): Promise<string> {
    const subject = mail.subject.replace(/\s+/g, ' ').trim();
    if (subject === '') throw validationError('subject', 'must not be empty');
    const id = this.newId();
    const repository = db ? this.repository.withTransaction(db) : this.repository;
    await repository.insert({
      id,
      mail: { ...mail, to: checkRecipient(mail.to), subject },
      createdAt: this.clock().toISOString(),
    });
    if (!db) this.afterEnqueue();
    return id;
  }

  async find(id: string): Promise<OutboxMessage | undefined> {
    return this.repository.find(id);
  }

  /** The newest messages first (sent, pending and failed), for an administrator's page or a test. */
  async listRecent(limit = 50): Promise<OutboxMessage[]> {
    return this.repository.listRecent(limit);
  }

  /** Messages not yet delivered and not given up. */
  async countPending(): Promise<number> {
    return this.repository.countPending();
  }
}
