import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Debugging conversations: a coach's public profile and availability, the conversation types they
 * offer, the calendars whose busy times block slots, bookings (never overlapping, buffers
 * included), and the conversation room (guide position, notes, shared notes as CRDT updates, the
 * ideas tray).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const flag = engine === 'postgres' ? sql`boolean` : sql`integer`;
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('coach_profiles')
    .addColumn('coach_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    /** The public handle in `/book/<handle>/<type>`; unique on the server. */
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('introduction', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    /** The `Availability` document (weekly hours, overrides, time off) as JSON. */
    .addColumn('availability', 'text', (c) => c.notNull())
    /** SHA-256 of the secret in the coach's private bookings feed address; null until made. */
    .addColumn('feed_token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversation_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('coach_profiles.coach_id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('location_kind', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('buffer_before_minutes', 'integer', (c) => c.notNull())
    .addColumn('buffer_after_minutes', 'integer', (c) => c.notNull())
    .addColumn('minimum_notice_minutes', 'integer', (c) => c.notNull())
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('daily_limit', 'integer')
    .addColumn('weekly_limit', 'integer')
    .addColumn('slot_increment_minutes', 'integer', (c) => c.notNull())
    /** The booking questions, `BookingQuestion[]` as JSON. */
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('active', flag, (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('conversation_types_slug', ['coach_id', 'slug'])
    .execute();

  await db.schema
    .createTable('busy_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('coach_profiles.coach_id'))
    .addColumn('label', 'text', (c) => c.notNull())
    /** The address as pasted: it is fetched, so it cannot be hashed; never shown in full again. */
    .addColumn('url', 'text', (c) => c.notNull())
    /** The last good copy's busy ranges, `InstantRange[]` as JSON; slots use it while fetches fail. */
    .addColumn('busy', 'text', (c) => c.notNull())
    .addColumn('last_attempt_at', timestamp)
    .addColumn('last_success_at', timestamp)
    .addColumn('last_error', 'text')
    /** A refresher's claim (another instance skips it until then). */
    .addColumn('claimed_until', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('busy_calendars_coach').on('busy_calendars').column('coach_id').execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('coach_profiles.coach_id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('conversation_types.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_at', timestamp, (c) => c.notNull())
    .addColumn('end_at', timestamp, (c) => c.notNull())
    /** The time the booking keeps from others: start minus the buffer before, end plus the buffer after. */
    .addColumn('blocked_from', timestamp, (c) => c.notNull())
    .addColumn('blocked_until', timestamp, (c) => c.notNull())
    .addColumn('booker_name', 'text', (c) => c.notNull())
    /** Lower-cased. */
    .addColumn('booker_email', 'text', (c) => c.notNull())
    .addColumn('booker_time_zone', 'text', (c) => c.notNull())
    /** Answers by question id, as JSON; the prompts are the type's at booking time, kept with them. */
    .addColumn('answers', 'text', (c) => c.notNull())
    /** The type's location at booking time (a later edit does not move a booked conversation). */
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('researcher_id', 'text', (c) => c.references('users.id'))
    /** SHA-256 of the secret in the booker's manage link. */
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    /** The calendar invitation's UID (stable across reschedules) and SEQUENCE. */
    .addColumn('ical_uid', 'text', (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    /** A retried request with the same key returns this booking instead of making a second one. */
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('reminded_day_at', timestamp)
    .addColumn('reminded_hour_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('cancelled_at', timestamp)
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema
    .createIndex('bookings_coach_start')
    .on('bookings')
    .columns(['coach_id', 'start_at'])
    .execute();
  await db.schema.createIndex('bookings_email').on('bookings').column('booker_email').execute();
  if (engine === 'postgres') {
    // The database itself refuses two confirmed bookings of one coach whose buffered times overlap,
    // however many requests race; SQLite gets the same guarantee from BEGIN IMMEDIATE around the check.
    await sql`create extension if not exists btree_gist`.execute(db);
    await sql`alter table bookings add constraint bookings_no_overlap exclude using gist (
      coach_id with =, tstzrange(blocked_from, blocked_until, '[)') with &&
    ) where (status = 'confirmed')`.execute(db);
  }

  await db.schema
    .createTable('conversations')
    .addColumn('booking_id', 'text', (c) => c.primaryKey().references('bookings.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('researcher_id', 'text', (c) => c.references('users.id'))
    .addColumn('started_at', timestamp)
    .addColumn('ended_at', timestamp)
    /** The guide deck's question both see, by its id; null before the first. */
    .addColumn('guide_question_id', 'text')
    .addColumn('coach_notes', 'text', (c) => c.notNull())
    /** Plain text of the shared notes as of the last update (for mail, export and search). */
    .addColumn('shared_notes_text', 'text', (c) => c.notNull())
    /** How the researcher answered "How do you get better at research at the moment?". */
    .addColumn('culture_answer', 'text')
    .addColumn('culture_note', 'text')
    /** The follow-up the coach proposed, as JSON (slots or a link), or null. */
    .addColumn('follow_up', 'text')
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversation_note_updates')
    .addColumn('seq', bigint, (c) =>
      engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('booking_id', 'text', (c) => c.notNull().references('conversations.booking_id'))
    /** One Yjs update, base64. Replayed in seq order they give the document; merged now and then. */
    .addColumn('update', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_note_updates_booking')
    .on('conversation_note_updates')
    .columns(['booking_id', 'seq'])
    .execute();

  await db.schema
    .createTable('conversation_ideas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('conversations.booking_id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    /** The guide question on screen when it was proposed: the guide's yield statistics count these. */
    .addColumn('guide_question_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    /** The idea in the researcher's log, once they accepted it. */
    .addColumn('idea_id', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('decided_at', timestamp)
    .execute();
  await db.schema
    .createIndex('conversation_ideas_booking')
    .on('conversation_ideas')
    .column('booking_id')
    .execute();
}
