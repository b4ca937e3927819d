import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * A calendar invitation with a message in the outbox (booking mails): its iTIP method and ICS text,
 * both null for mail without one (every message written before this).
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds only one at a time.
  await db.schema.alterTable('mail_outbox').addColumn('calendar_method', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('calendar_ics', 'text').execute();
}
