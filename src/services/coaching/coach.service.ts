import { Availability, EMPTY_AVAILABILITY } from '../../core/coaching/availability.js';
import { type CoachProfile, CoachProfileInput } from '../../core/coaching/coach-profile.js';
import { type ConversationType, ConversationTypeInput } from '../../core/coaching/conversation-type.js';
import { notFound, WhetstoneError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { type CoachRecord, CoachRepository } from '../../store/coaching/coach.repository.js';
import type { Store } from '../../store/connect.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { Actor, Clock } from '../context.js';
import { authorise } from '../team/policy.js';

const taken = (field: string, what: string) =>
  new WhetstoneError('conflict', `${field}: ${what}`, [{ field, message: what }]);

/**
 * What a coach publishes: their profile (the handle in `/book/<handle>/…`), weekly hours with
 * overrides and time off, and the conversation types people book. Only members with the coach
 * role; every read and write is of the acting coach's own page.
 */
export class CoachService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  private get repo(): CoachRepository {
    return new CoachRepository(this.store.db, this.store.engine);
  }

  async profile(actor: Actor): Promise<CoachProfile> {
    return (await this.requireRecord(actor)).profile;
  }

  /** Creates the profile on first save (with no hours yet) or updates it. */
  async saveProfile(actor: Actor, input: unknown): Promise<CoachProfile> {
    const { userId, orgId } = authorise(actor, 'coaching.publish');
    const data = parseInput(CoachProfileInput, input);
    const now = this.now();
    const existing = await this.repo.byCoach(userId);
    const profile: CoachProfile = {
      ...data,
      coachId: userId,
      createdAt: existing?.profile.createdAt ?? now,
      updatedAt: now,
    };
    try {
      await this.repo.saveProfile(profile, orgId, existing?.availability ?? EMPTY_AVAILABILITY);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken('handle', `${data.handle} is taken; choose another`);
      throw error;
    }
    return profile;
  }

  async availability(actor: Actor): Promise<Availability> {
    return (await this.requireRecord(actor)).availability;
  }

  async setAvailability(actor: Actor, input: unknown): Promise<Availability> {
    const record = await this.requireRecord(actor);
    const availability = parseInput(Availability, input);
    await this.repo.setAvailability(record.profile.coachId, availability, this.now());
    return availability;
  }

  async types(actor: Actor): Promise<ConversationType[]> {
    const { userId } = authorise(actor, 'coaching.publish');
    return this.repo.types(userId);
  }

  async createType(actor: Actor, input: unknown): Promise<ConversationType> {
    const record = await this.requireRecord(actor);
    const data = parseInput(ConversationTypeInput, input);
    const now = this.now();
    const type: ConversationType = {
      ...data,
      id: this.newId(),
      coachId: record.profile.coachId,
      createdAt: now,
      updatedAt: now,
    };
    await this.writeType(() => this.repo.insertType(type), data.slug);
    return type;
  }

  async updateType(actor: Actor, id: string, input: unknown): Promise<ConversationType> {
    const existing = await this.requireType(actor, id);
    const data = parseInput(ConversationTypeInput, input);
    const type: ConversationType = { ...existing, ...data, updatedAt: this.now() };
    await this.writeType(() => this.repo.updateType(type), data.slug);
    return type;
  }

  /** Deletes a type nobody has booked; a booked one is hidden instead (409 says so). */
  async deleteType(actor: Actor, id: string): Promise<void> {
    const type = await this.requireType(actor, id);
    if (!(await this.repo.deleteUnbookedType(type.coachId, id)))
      throw new WhetstoneError(
        'conflict',
        `${type.title} has bookings and cannot be deleted; switch it off instead to stop new bookings`,
      );
  }

  private async writeType(write: () => Promise<void>, slug: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw taken('slug', `you already have a type at ${slug}`);
      throw error;
    }
  }

  private async requireRecord(actor: Actor): Promise<CoachRecord> {
    const { userId } = authorise(actor, 'coaching.publish');
    const record = await this.repo.byCoach(userId);
    if (!record)
      throw new WhetstoneError('not_found', 'you have no coach page yet; save your coach profile first');
    return record;
  }

  private async requireType(actor: Actor, id: string): Promise<ConversationType> {
    const { userId } = authorise(actor, 'coaching.publish');
    const type = await this.repo.type(userId, id);
    if (!type) throw notFound('conversation type', id);
    return type;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
