import type { Kysely } from 'kysely';
import type { ClientBooking, IdeaOutcome } from '../../core/coaching/clients.js';
import { toIso } from '../rows.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/**
 * What a coach's page counts: their confirmed bookings, the guide questions each room showed,
 * and what became of each idea proposed in their rooms — only counts reach the coach; the
 * researcher's ideas themselves stay theirs.
 */
export class CoachInsightsRepository {
  constructor(private readonly db: Db) {}

  async confirmedBookings(coachId: string): Promise<ClientBooking[]> {
    const rows = await this.db
      .selectFrom('bookings')
      .select(['id', 'start_at', 'end_at', 'booker_name', 'booker_email', 'researcher_id'])
      .where('coach_id', '=', coachId)
      .where('status', '=', 'confirmed')
      .orderBy('start_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      start: toIso(row.start_at),
      end: toIso(row.end_at),
      bookerName: row.booker_name,
      bookerEmail: row.booker_email,
      researcherId: row.researcher_id,
    }));
  }

  /** Every idea proposed in the given bookings' rooms (or all of the coach's), and its fate. */
  async ideaOutcomes(scope: { coachId: string } | { bookingIds: readonly string[] }): Promise<IdeaOutcome[]> {
    if ('bookingIds' in scope && scope.bookingIds.length === 0) return [];
    let query = this.db
      .selectFrom('conversation_ideas as ci')
      .innerJoin('bookings as b', 'b.id', 'ci.booking_id')
      .leftJoin('ideas as i', 'i.id', 'ci.idea_id')
      .select((eb) => [
        'ci.booking_id',
        'ci.guide_question_id',
        'ci.status',
        'i.status as idea_status',
        eb
          .exists(
            eb.selectFrom('plan_ideas as p').select('p.plan_id').whereRef('p.idea_id', '=', 'ci.idea_id'),
          )
          .as('planned'),
      ]);
    query =
      'coachId' in scope
        ? query.where('b.coach_id', '=', scope.coachId)
        : query.where('ci.booking_id', 'in', [...scope.bookingIds]);
    const rows = await query.execute();
    return rows.map((row) => ({
      bookingId: row.booking_id,
      guideQuestionId: row.guide_question_id,
      accepted: row.status === 'accepted',
      planned: Boolean(row.planned),
      adopted: row.idea_status === 'adopted',
    }));
  }

  /** The guide questions each of the coach's rooms has shown. */
  async roomsShown(coachId: string): Promise<string[][]> {
    const rows = await this.db
      .selectFrom('conversations')
      .select('guide_shown')
      .where('coach_id', '=', coachId)
      .execute();
    return rows.map((row) => JSON.parse(row.guide_shown) as string[]);
  }
}
