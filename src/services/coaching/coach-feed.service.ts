import { bookingsFeedIcs } from '../../core/coaching/bookings-feed.js';
import { WhetstoneError } from '../../core/errors.js';
import { BookingRepository } from '../../store/coaching/booking.repository.js';
import { type CoachRecord, CoachRepository } from '../../store/coaching/coach.repository.js';
import type { Store } from '../../store/connect.js';
import { toIso } from '../../store/rows.js';
import type { Actor, Clock } from '../context.js';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import { authorise } from '../team/policy.js';
import { answersOf } from './booking-views.js';

/** Bookings this long past stay in the feed, so the last weeks' conversations remain visible. */
const FEED_DAYS_BACK = 30;
const DAY = 24 * 60 * 60_000;
/** Served outside /api/v1, at the site root. */
export const COACH_FEED_PATH = '/feeds/coach';

const feedGone = () => new WhetstoneError('not_found', 'no bookings feed at this address');

/**
 * The coach's private bookings feed: a secret URL a calendar app polls. One secret per coach;
 * making a new one replaces the old (whose URL then answers 404), and only its hash is stored.
 */
export class CoachFeedService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly publicUrl: string,
  ) {}

  private get coaches(): CoachRepository {
    return new CoachRepository(this.store.db, this.store.engine);
  }

  /** A new feed URL (shown this once), replacing any earlier one. */
  async create(actor: Actor): Promise<{ url: string }> {
    const coach = await this.requireCoach(actor);
    const token = newSecretToken();
    await this.coaches.setFeedTokenHash(coach.profile.coachId, hashSecretToken(token));
    return { url: `${this.publicUrl.replace(/\/+$/, '')}${COACH_FEED_PATH}/${token}.ics` };
  }

  /** Switches the feed off: its URL answers 404 from now on. */
  async remove(actor: Actor): Promise<void> {
    const coach = await this.requireCoach(actor);
    await this.coaches.setFeedTokenHash(coach.profile.coachId, null);
  }

  /** The ICS behind a feed secret: confirmed bookings from 30 days ago on. */
  async feedFor(token: string): Promise<string> {
    const coach = await this.coaches.byFeedTokenHash(hashSecretToken(token));
    if (!coach) throw feedGone();
    const now = this.clock();
    const records = await new BookingRepository(this.store.db).listForCoach(coach.profile.coachId, {
      from: new Date(now.getTime() - FEED_DAYS_BACK * DAY).toISOString(),
      status: 'confirmed',
    });
    return bookingsFeedIcs({
      name: `${coach.profile.displayName}: bookings`,
      stamp: now.toISOString(),
      bookings: records.map((record) => ({
        uid: record.ical_uid,
        sequence: Number(record.sequence),
        start: toIso(record.start_at),
        end: toIso(record.end_at),
        typeTitle: record.type_title,
        booker: { name: record.booker_name, email: record.booker_email },
        answers: answersOf(record),
        location: record.location,
      })),
    });
  }

  private async requireCoach(actor: Actor): Promise<CoachRecord> {
    const { userId } = authorise(actor, 'coaching.publish');
    const coach = await this.coaches.byCoach(userId);
    if (!coach)
      throw new WhetstoneError('not_found', 'you have no coach page yet; save your coach profile first');
    return coach;
  }
}
