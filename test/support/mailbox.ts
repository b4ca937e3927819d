/** A real SMTP server in the test process (smtp-server) that keeps what arrives, parsed (mailparser). */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
  port: number;
  received: ParsedMail[];
  /** Recipients the server answers with 550. */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (`port` 0: any free port) that keeps every message it accepts. */
export async function startMailbox(port = 0): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address))
        callback(Object.assign(new Error('5.1.1 no such mailbox here'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `count` messages have arrived (the sender works in the background). */
export async function waitForMail(mailbox: Mailbox, count: number, ms = 10_000): Promise<ParsedMail[]> {
  for (const started = Date.now(); mailbox.received.length < count; ) {
    if (Date.now() - started > ms) throw new Error(`${mailbox.received.length} of ${count} messages arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return mailbox.received;
}
