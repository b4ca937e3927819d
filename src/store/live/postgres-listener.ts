import type pg from 'pg';
import { loadPostgresDriver } from '../drivers.js';

/** The listening connection's `application_name`, so an operator (or a test) can find it. */
export const LISTENER_APPLICATION_NAME = 'whetstone-live';

export interface ListenerEvents {
  /** A notice arrived on the channel. */
  notice(payload: string): void;
  /** LISTEN is in place: after the first connect and after every reconnect. */
  listening(): void;
}

/**
 * One dedicated connection that LISTENs on `channel` (a pooled one would lose its LISTEN when
 * returned). When it drops it reconnects, waiting `retryMs`, then twice as long per failure up to
 * `retryMaxMs`; every successful LISTEN is reported, so the owner can catch up on what it missed.
 */
export class PostgresListener {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly events: ListenerEvents,
    private readonly retry: { retryMs: number; retryMaxMs: number },
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    const { Client } = loadPostgresDriver();
    const client = new Client({
      connectionString: this.url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    this.client = client;
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      this.reconnectLater();
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.events.notice(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch {
      drop();
      return;
    }
    if (dropped || this.closed) return;
    this.failures = 0;
    this.events.listening();
  }

  private reconnectLater(): void {
    if (this.closed || this.timer) return;
    const wait = Math.min(this.retry.retryMaxMs, this.retry.retryMs * 2 ** this.failures);
    this.failures += 1;
    this.timer = setTimeout(() => void this.connect(), wait);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners();
    // A late error from the closing socket must not become an unhandled 'error' event.
    client.on('error', () => {});
    await client.end().catch(() => {});
  }
}
