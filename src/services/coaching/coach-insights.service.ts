import {
  type Client,
  clientsOf,
  FOLLOW_UP_DUE_DAYS,
  type GuideStat,
  guideYield,
} from '../../core/coaching/clients.js';
import { CONVERSATION_GUIDE } from '../../core/decks/builtin.js';
import { validationError } from '../../core/errors.js';
import { CoachInsightsRepository } from '../../store/coaching/coach-insights.repository.js';
import type { Store } from '../../store/connect.js';
import type { Actor, Clock } from '../context.js';
import { authorise } from '../team/policy.js';

/** The coach's overview: clients with follow-ups due, and which guide questions yield ideas. */
export class CoachInsightsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async clients(actor: Actor, query: { dueAfterDays?: string } = {}): Promise<Client[]> {
    const { userId } = authorise(actor, 'coaching.publish');
    const days = query.dueAfterDays === undefined ? FOLLOW_UP_DUE_DAYS : Number(query.dueAfterDays);
    if (!Number.isInteger(days) || days < 1 || days > 365)
      throw validationError('dueAfterDays', 'must be a whole number of days from 1 to 365');
    const repo = new CoachInsightsRepository(this.store.db);
    return clientsOf(
      await repo.confirmedBookings(userId),
      await repo.ideaOutcomes({ coachId: userId }),
      this.clock().toISOString(),
      days,
    );
  }

  async guideStats(actor: Actor): Promise<GuideStat[]> {
    const { userId } = authorise(actor, 'coaching.publish');
    const repo = new CoachInsightsRepository(this.store.db);
    return guideYield(
      CONVERSATION_GUIDE.questions,
      await repo.roomsShown(userId),
      await repo.ideaOutcomes({ coachId: userId }),
    );
  }
}
