/**
 * The mail outbox and its SMTP sender on both engines, against a real SMTP server run in this
 * process (smtp-server), with what arrives read back by mailparser: an invitation arrives as
 * written; while the server is down nothing is lost and the retries follow the schedule; a message
 * arrives exactly once, also with two senders on one database; a 550 rejection is recorded and
 * retried; a message is given up after the last attempt but kept. Time is the injected clock.
 */

import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationMail, MAIL_MAX_ATTEMPTS, type OutgoingMail, passwordResetMail } from '../src/core/mail.js';
import { createMail, type MailOutbox, type MailSender } from '../src/services/mail/index.js';
import { MailOutboxRepository } from '../src/store/mail-outbox.repository.js';
import { inTransaction } from '../src/store/transaction.js';
import { type ManualClock, manualClock } from './harness/fixtures.js';
import { ENGINES, openTestStore, type TestStore } from './harness/stores.js';
import { type Mailbox, startMailbox } from './support/mailbox.js';

const FROM = 'Whetstone <no-reply@whet.example.test>';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A port that refuses connections: one a server was just listening on. */
async function closedPort(): Promise<number> {
  const mailbox = await startMailbox();
  await mailbox.close();
  return mailbox.port;
}

const addressesOf = (mail: ParsedMail): string => {
  const to = mail.to;
  return (Array.isArray(to) ? to : to ? [to] : []).map((address) => address.text).join(', ');
};

const invitation = (to = 'ada@example.test', organisation = 'Lab of Small Steps'): OutgoingMail =>
  invitationMail({
    to,
    organisation,
    inviterName: 'Grace <Hopper>',
    roles: ['member'],
    link: 'https://whet.example.test/invitations/inv_7?token=abc',
    expiresAt: '2026-03-09T09:00:00.000Z',
  });

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.each(ENGINES)('the mail outbox on %s', (engine) => {
  let env: TestStore;
  let time: ManualClock;
  let mailbox: Mailbox;
  const stopping: MailSender[] = [];

  const mailTo = (port: number): { outbox: MailOutbox; sender: MailSender } => {
    const mail = createMail({
      store: env.store,
      clock: time.clock,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
    });
    stopping.push(mail.sender);
    return mail;
  };

  beforeEach(async () => {
    env = await openTestStore(engine);
    time = manualClock();
    mailbox = await startMailbox();
  });

  afterEach(async () => {
    for (const sender of stopping.splice(0)) await sender.stop();
    await mailbox.close();
    await env.cleanup();
  });

  it('delivers an enqueued invitation with its recipient, subject and both bodies', async () => {
    const { outbox, sender } = mailTo(mailbox.port);
    const mail = invitation();
    const id = await outbox.enqueue(mail);
    expect(await outbox.countPending()).toBe(1);

    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    expect(mailbox.received).toHaveLength(1);
    const arrived = mailbox.received[0]!;
    expect(addressesOf(arrived)).toBe('ada@example.test');
    expect(arrived.from?.value).toEqual([{ name: 'Whetstone', address: 'no-reply@whet.example.test' }]);
    expect(arrived.subject).toBe('Grace <Hopper> invited you to join Lab of Small Steps on Whetstone');
    expect(arrived.messageId).toBe(`<${id}@whet.example.test>`);
    expect(arrived.text?.trim()).toBe(mail.text.trim());
    expect(arrived.text).toContain('https://whet.example.test/invitations/inv_7?token=abc');
    expect(arrived.html).toBe(mail.html);
    expect(arrived.html).toContain('Grace &lt;Hopper&gt;');
    expect(arrived.html).toContain('href="https://whet.example.test/invitations/inv_7?token=abc"');

    const [stored] = await outbox.listRecent();
    expect(stored).toMatchObject({
      id,
      status: 'sent',
      attempts: 0,
      sentAt: time.now(),
      claimedUntil: null,
      lastError: null,
    });
    expect(await outbox.countPending()).toBe(0);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(mailbox.received).toHaveLength(1);
  });

  it('keeps a message while the server is down, retries on the schedule and delivers it once', async () => {
    const port = await closedPort();
    const { outbox, sender } = mailTo(port);
    const id = await outbox.enqueue(
      passwordResetMail({ to: 'ada@example.test', link: 'https://w.test/r/1', expiresInMinutes: 30 }),
    );

    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
    let stored = await outbox.find(id);
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: time.at(30 * SECOND),
      claimedUntil: null,
      sentAt: null,
    });
    expect(stored?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await outbox.countPending()).toBe(1);

    // Not due yet: nothing is tried.
    time.set(29 * SECOND);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });

    // Still down at the second attempt: the next wait is 2 minutes.
    time.set(30 * SECOND);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
    stored = await outbox.find(id);
    expect(stored).toMatchObject({ attempts: 2, nextAttemptAt: time.at(30 * SECOND + 2 * MINUTE) });

    // The server comes back on the same port; the message waits for its time, then arrives once.
    const back = await startMailbox(port);
    try {
      time.set(30 * SECOND + 2 * MINUTE - 1);
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(back.received).toHaveLength(0);
      time.set(30 * SECOND + 2 * MINUTE);
      expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });
      time.advance(6 * 60 * MINUTE);
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(back.received.map((mail) => mail.subject)).toEqual(['Reset your Whetstone password']);
      expect(await outbox.find(id)).toMatchObject({
        status: 'sent',
        attempts: 2,
        sentAt: time.at(30 * SECOND + 2 * MINUTE),
      });
    } finally {
      await back.close();
    }
  });

  it('delivers each message once when two senders share the database and run at the same time', async () => {
    const first = mailTo(mailbox.port);
    const second = mailTo(mailbox.port);
    const organisations = Array.from({ length: 12 }, (_, n) => `Lab ${n}`);
    for (const organisation of organisations)
      await first.outbox.enqueue(invitation('ada@example.test', organisation));

    const results = await Promise.all([first.sender.runOnce(), second.sender.runOnce()]);

    expect(results[0].sent + results[1].sent).toBe(organisations.length);
    expect(results[0].failed + results[1].failed).toBe(0);
    const subjects = mailbox.received.map((mail) => mail.subject ?? '').sort();
    expect(subjects).toEqual(
      organisations
        .map((organisation) => `Grace <Hopper> invited you to join ${organisation} on Whetstone`)
        .sort(),
    );
    expect(await first.outbox.countPending()).toBe(0);
  });

  it('lets one claim hold a message, and another sender take it once the claim has run out', async () => {
    const { outbox, sender } = mailTo(mailbox.port);
    const id = await outbox.enqueue(invitation());
    const repository = new MailOutboxRepository(env.store.db);
    const claimed = await repository.claim(id, time.now(), time.at(5 * MINUTE));
    expect(claimed?.claimedUntil).toBe(time.at(5 * MINUTE));
    // A second claim at the same moment fails: the message is held.
    expect(await repository.claim(id, time.now(), time.at(5 * MINUTE))).toBeUndefined();
    // Of many claims racing for a free message, exactly one wins.
    const other = await outbox.enqueue(invitation('grace@example.test'));
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => repository.claim(other, time.now(), time.at(5 * MINUTE))),
    );
    expect(racing.filter((message) => message !== undefined)).toHaveLength(1);

    time.set(5 * MINUTE);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    time.set(5 * MINUTE + 1);
    expect(await sender.runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(mailbox.received.map(addressesOf).sort()).toEqual(['ada@example.test', 'grace@example.test']);
  });

  it('records a 550 rejection as the last error and backs off', async () => {
    mailbox.refuse.add('nobody@example.test');
    const { outbox, sender } = mailTo(mailbox.port);
    const refused = await outbox.enqueue(invitation('nobody@example.test'));
    await outbox.enqueue(invitation('ada@example.test'));

    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 1 });

    expect(mailbox.received.map(addressesOf)).toEqual(['ada@example.test']);
    const stored = await outbox.find(refused);
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: time.at(30 * SECOND),
      sentAt: null,
    });
    expect(stored?.lastError).toContain('550');
    expect(stored?.lastError).toContain('no such mailbox here');
  });

  it('gives a message up after the last attempt and keeps it, failed, with its error', async () => {
    mailbox.refuse.add('nobody@example.test');
    const { outbox, sender } = mailTo(mailbox.port);
    const id = await outbox.enqueue(invitation('nobody@example.test'));

    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
      const stored = await outbox.find(id);
      expect(stored?.attempts).toBe(attempt);
      time.set(Date.parse(stored!.nextAttemptAt) - Date.parse(time.at(0)));
    }
    const stored = await outbox.find(id);
    expect(stored).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS, sentAt: null });
    expect(stored?.lastError).toContain('550');
    // About 43 hours of trying.
    expect(Date.parse(stored!.nextAttemptAt) - Date.parse(time.at(0))).toBe(
      (30 + 120 + 600 + 3600 + 7 * 6 * 3600) * SECOND,
    );

    mailbox.refuse.clear();
    time.advance(7 * 24 * 60 * MINUTE);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(await outbox.countPending()).toBe(0);
    expect((await outbox.listRecent()).map((message) => message.id)).toEqual([id]);
  });

  it('keeps a message enqueued in a transaction only if the transaction commits', async () => {
    const { outbox, sender } = mailTo(mailbox.port);
    await expect(
      inTransaction(env.store, async (trx) => {
        await outbox.enqueue(invitation('rolled@example.test'), trx);
        throw new Error('the invitation could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    await inTransaction(env.store, (trx) => outbox.enqueue(invitation('kept@example.test'), trx));

    expect((await outbox.listRecent()).map((message) => message.to)).toEqual(['kept@example.test']);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(mailbox.received.map(addressesOf)).toEqual(['kept@example.test']);
  });

  it('sends soon after an enqueue while polling, and sends nothing without a mail server', async () => {
    const { outbox, sender } = mailTo(mailbox.port);
    sender.start(60 * MINUTE);
    await outbox.enqueue(invitation());
    await until(() => mailbox.received.length === 1);
    await sender.stop();

    const unconfigured = createMail({ store: env.store, clock: time.clock, smtpUrl: undefined, from: FROM });
    expect(unconfigured.sender.enabled).toBe(false);
    unconfigured.sender.start(10);
    const id = await unconfigured.outbox.enqueue(invitation('later@example.test'));
    expect(await unconfigured.sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    await unconfigured.sender.stop();
    expect(await unconfigured.outbox.find(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
    expect(mailbox.received).toHaveLength(1);
  });
});
