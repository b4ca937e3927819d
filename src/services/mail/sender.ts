import { afterFailure, type MailCalendar, type OutboxMessage } from '../../core/mail.js';
import type { Store } from '../../store/connect.js';
import { MailOutboxRepository } from '../../store/mail-outbox.repository.js';
import type { Clock } from '../context.js';

/** What the sender needs of a nodemailer transport (tests may pass their own). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    /** nodemailer's option: a text/calendar alternative with this METHOD (and the same as an .ics file). */
    icalEvent?: { method: string; content: string; filename?: string };
  }): Promise<unknown>;
  close(): void;
}

export interface MailSenderOptions {
  store: Store;
  clock: Clock;
  /** Null when no mail server is configured: then nothing is sent and the outbox keeps everything. */
  transport: MailTransport | null;
  /** The From header, e.g. `Whetstone <no-reply@example.org>`. */
  from: string;
  /** Messages claimed per query; a pass goes on while there are more. */
  batchSize?: number;
  /** How long a claim holds a message; a sender that died is replaced after this. */
  claimMs?: number;
  /** Where a failed pass is reported while polling (a failed delivery is not an error here). */
  onError?: (error: unknown) => void;
}

export interface SendResult {
  sent: number;
  failed: number;
}

const DEFAULT_BATCH = 20;
/** Well above the transport's own time limits (mail/index.ts), so a slow send keeps its claim. */
const DEFAULT_CLAIM_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 1000;
/** Bounds one pass even if the clock stood still and every message kept coming back. */
const MAX_BATCHES_PER_PASS = 50;

/**
 * Delivers due messages from the outbox: claims each one (an atomic conditional update, so another
 * sender sharing the database skips it), sends it, marks it sent; a failed send is recorded with the
 * next attempt from the retry schedule. Delivery is at least once: a process that dies between the
 * send and the mark leaves the message to be sent again once its claim runs out.
 */
export class MailSender {
  private readonly repository: MailOutboxRepository;
  private readonly clock: Clock;
  private readonly transport: MailTransport | null;
  private readonly from: string;
  private readonly messageIdDomain: string;
  private readonly batchSize: number;
  private readonly claimMs: number;
  private readonly onError: (error: unknown) => void;
  /** The pass in progress or queued last; passes of one sender never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private intervalMs = 0;
  private started = false;
  private ticking = false;
  /** A wake came during a pass, which may have looked before the new message was there. */
  private rerun = false;

  constructor(options: MailSenderOptions) {
    this.repository = new MailOutboxRepository(options.store.db);
    this.clock = options.clock;
    this.transport = options.transport;
    this.from = options.from;
    this.messageIdDomain = /@([^\s@<>]+)>?\s*$/.exec(options.from)?.[1] ?? 'whetstone.invalid';
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.claimMs = options.claimMs ?? DEFAULT_CLAIM_MS;
    this.onError = options.onError ?? ((error) => console.error('whetstone: mail sender:', error));
  }

  /** False when no mail server is configured (messages then wait in the outbox). */
  get enabled(): boolean {
    return this.transport !== null;
  }

  /** One pass over the due messages; resolves when each was sent or its failure recorded. */
  runOnce(): Promise<SendResult> {
    const pass = this.queue.then(() => this.pass());
    this.queue = pass.catch(() => {});
    return pass;
  }

  /** Polls every `intervalMs`, starting now. Does nothing when no mail server is configured. */
  start(intervalMs = 30_000): void {
    if (!this.transport || this.started) return;
    this.started = true;
    this.intervalMs = intervalMs;
    this.schedule(0);
  }

  /** A pass soon, instead of at the next poll (after an enqueue). Only while started. */
  wake(): void {
    if (!this.started) return;
    if (this.ticking) this.rerun = true;
    else this.schedule(0);
  }

  /** Stops polling, waits for the pass in progress and closes the transport. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue;
    this.transport?.close();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // Polling alone never keeps the process alive; the server (or the test) decides that.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      await this.runOnce();
    } catch (error) {
      this.onError(error);
    } finally {
      this.ticking = false;
    }
    const soon = this.rerun;
    this.rerun = false;
    if (this.started && this.timer === undefined) this.schedule(soon ? 0 : this.intervalMs);
  }

  private async pass(): Promise<SendResult> {
    const result: SendResult = { sent: 0, failed: 0 };
    const transport = this.transport;
    if (!transport) return result;
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
      const ids = await this.repository.dueIds(this.clock().toISOString(), this.batchSize);
      for (const id of ids) {
        const now = this.clock();
        const until = new Date(now.getTime() + this.claimMs).toISOString();
        const message = await this.repository.claim(id, now.toISOString(), until);
        if (!message) continue; // another sender has it, or it changed since the query
        if (await this.deliver(transport, message)) result.sent++;
        else result.failed++;
      }
      if (ids.length < this.batchSize) break;
    }
    return result;
  }

  /** Sends one claimed message and records the outcome; true when it was delivered. */
  private async deliver(transport: MailTransport, message: OutboxMessage): Promise<boolean> {
    try {
      await transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // Stable across retries, so a receiving server can recognise a message it already has.
        messageId: `<${message.id}@${this.messageIdDomain}>`,
        ...(message.calendar && { icalEvent: icalEventOf(message.calendar) }),
      });
    } catch (error) {
      const attempts = message.attempts + 1;
      const { nextAttemptAt } = afterFailure(attempts, this.clock());
      await this.repository.recordFailure(message.id, {
        attempts,
        nextAttemptAt,
        lastError: describeError(error),
      });
      return false;
    }
    await this.repository.markSent(message.id, this.clock().toISOString());
    return true;
  }
}

/** Clients that open the attachment instead of the alternative see by its name what it does. */
function icalEventOf(calendar: MailCalendar): { method: string; content: string; filename: string } {
  const filename = calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics';
  return { method: calendar.method, content: calendar.ics, filename };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
