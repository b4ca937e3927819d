import type { Kysely, Selectable } from 'kysely';
import type { Availability } from '../../core/coaching/availability.js';
import type { CoachProfile } from '../../core/coaching/coach-profile.js';
import type {
  BookingQuestion,
  ConversationType,
  LocationKind,
} from '../../core/coaching/conversation-type.js';
import { toFlag, toIso } from '../rows.js';
import type { CoachProfilesTable, ConversationTypesTable, Database, Engine } from '../schema.js';

type Db = Kysely<Database>;

/** A coach's profile with the organisation it belongs to and its hours. */
export interface CoachRecord {
  profile: CoachProfile;
  orgId: string;
  availability: Availability;
}

/**
 * What a coach publishes: the profile (one per coach, keyed by the coach's user id), its hours and
 * the conversation types. Reads by handle serve the public pages; every other read is by coach id.
 */
export class CoachRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  async byCoach(coachId: string): Promise<CoachRecord | undefined> {
    const row = await this.db
      .selectFrom('coach_profiles')
      .selectAll()
      .where('coach_id', '=', coachId)
      .executeTakeFirst();
    return row && mapCoach(row);
  }

  async byHandle(handle: string): Promise<CoachRecord | undefined> {
    const row = await this.db
      .selectFrom('coach_profiles')
      .selectAll()
      .where('handle', '=', handle)
      .executeTakeFirst();
    return row && mapCoach(row);
  }

  /** Creates the profile with `availability`, or updates everything but the hours. */
  async saveProfile(profile: CoachProfile, orgId: string, availability: Availability): Promise<void> {
    await this.db
      .insertInto('coach_profiles')
      .values({
        coach_id: profile.coachId,
        org_id: orgId,
        handle: profile.handle,
        display_name: profile.displayName,
        introduction: profile.introduction,
        time_zone: profile.timeZone,
        availability: JSON.stringify(availability),
        feed_token_hash: null,
        created_at: profile.createdAt,
        updated_at: profile.updatedAt,
      })
      .onConflict((oc) =>
        oc.column('coach_id').doUpdateSet({
          handle: profile.handle,
          display_name: profile.displayName,
          introduction: profile.introduction,
          time_zone: profile.timeZone,
          updated_at: profile.updatedAt,
        }),
      )
      .execute();
  }

  async setAvailability(coachId: string, availability: Availability, at: string): Promise<void> {
    await this.db
      .updateTable('coach_profiles')
      .set({ availability: JSON.stringify(availability), updated_at: at })
      .where('coach_id', '=', coachId)
      .execute();
  }

  /** The hash of the private bookings feed's secret (null: no feed). */
  async setFeedTokenHash(coachId: string, hash: string | null): Promise<void> {
    await this.db
      .updateTable('coach_profiles')
      .set({ feed_token_hash: hash })
      .where('coach_id', '=', coachId)
      .execute();
  }

  async byFeedTokenHash(hash: string): Promise<CoachRecord | undefined> {
    const row = await this.db
      .selectFrom('coach_profiles')
      .selectAll()
      .where('feed_token_hash', '=', hash)
      .executeTakeFirst();
    return row && mapCoach(row);
  }

  async types(coachId: string): Promise<ConversationType[]> {
    const rows = await this.db
      .selectFrom('conversation_types')
      .selectAll()
      .where('coach_id', '=', coachId)
      .orderBy('duration_minutes', 'desc')
      .orderBy('title')
      .execute();
    return rows.map(mapType);
  }

  async type(coachId: string, id: string): Promise<ConversationType | undefined> {
    const row = await this.db
      .selectFrom('conversation_types')
      .selectAll()
      .where('coach_id', '=', coachId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && mapType(row);
  }

  async typeBySlug(coachId: string, slug: string): Promise<ConversationType | undefined> {
    const row = await this.db
      .selectFrom('conversation_types')
      .selectAll()
      .where('coach_id', '=', coachId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && mapType(row);
  }

  async insertType(type: ConversationType): Promise<void> {
    await this.db.insertInto('conversation_types').values(this.typeRow(type)).execute();
  }

  async updateType(type: ConversationType): Promise<void> {
    const { id: _id, coach_id: _coach, created_at: _created, ...changes } = this.typeRow(type);
    await this.db
      .updateTable('conversation_types')
      .set(changes)
      .where('coach_id', '=', type.coachId)
      .where('id', '=', type.id)
      .execute();
  }

  /** Deletes a type nobody ever booked; false when bookings keep it (hide it instead). */
  async deleteUnbookedType(coachId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('conversation_types')
      .where('coach_id', '=', coachId)
      .where('id', '=', id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('bookings').select('id').where('type_id', '=', id))))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private typeRow(type: ConversationType) {
    return {
      id: type.id,
      coach_id: type.coachId,
      slug: type.slug,
      title: type.title,
      description: type.description,
      duration_minutes: type.durationMinutes,
      location_kind: type.locationKind,
      location: type.location,
      buffer_before_minutes: type.bufferBeforeMinutes,
      buffer_after_minutes: type.bufferAfterMinutes,
      minimum_notice_minutes: type.minimumNoticeMinutes,
      horizon_days: type.horizonDays,
      daily_limit: type.dailyLimit,
      weekly_limit: type.weeklyLimit,
      slot_increment_minutes: type.slotIncrementMinutes,
      questions: JSON.stringify(type.questions),
      active: toFlag(this.engine, type.active),
      created_at: type.createdAt,
      updated_at: type.updatedAt,
    };
  }
}

function mapCoach(row: Selectable<CoachProfilesTable>): CoachRecord {
  return {
    profile: {
      coachId: row.coach_id,
      handle: row.handle,
      displayName: row.display_name,
      introduction: row.introduction,
      timeZone: row.time_zone,
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    },
    orgId: row.org_id,
    // Written only by the service from a parsed `Availability`.
    availability: JSON.parse(row.availability) as Availability,
  };
}

function mapType(row: Selectable<ConversationTypesTable>): ConversationType {
  return {
    id: row.id,
    coachId: row.coach_id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    durationMinutes: Number(row.duration_minutes),
    locationKind: row.location_kind as LocationKind,
    location: row.location,
    bufferBeforeMinutes: Number(row.buffer_before_minutes),
    bufferAfterMinutes: Number(row.buffer_after_minutes),
    minimumNoticeMinutes: Number(row.minimum_notice_minutes),
    horizonDays: Number(row.horizon_days),
    dailyLimit: row.daily_limit === null ? null : Number(row.daily_limit),
    weeklyLimit: row.weekly_limit === null ? null : Number(row.weekly_limit),
    slotIncrementMinutes: Number(row.slot_increment_minutes),
    questions: JSON.parse(row.questions) as BookingQuestion[],
    active: Boolean(row.active),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
