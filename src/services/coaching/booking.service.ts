import type { InstantRange } from '../../core/coaching/availability.js';
import {
  type Booking,
  type BookingConfirmation,
  BookingRequest,
  CancelRequest,
  type ManagedBooking,
  type PublicBookingPage,
  type PublicCoachPage,
  RescheduleRequest,
  type SlotList,
  SlotQuery,
  type SlotRefusal,
} from '../../core/coaching/booking.js';
import type { BookingMailKind } from '../../core/coaching/booking-mail.js';
import type { CoachProfile } from '../../core/coaching/coach-profile.js';
import type { ConversationType } from '../../core/coaching/conversation-type.js';
import { freeSlots, refusalOfStart, type SlotInput, slotsByLocalDay } from '../../core/coaching/slots.js';
import { validationError, WhetstoneError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import {
  type BookingRecord,
  BookingRepository,
  insertBookingIfFree,
  moveBookingIfFree,
} from '../../store/coaching/booking.repository.js';
import { type CoachRecord, CoachRepository } from '../../store/coaching/coach.repository.js';
import type { Store } from '../../store/connect.js';
import { toIso } from '../../store/rows.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import { hashSecretToken } from '../secret-token.js';
import { type AttemptLimit, countAttempt } from '../team/attempt-limit.js';
import { authorise } from '../team/policy.js';
import { mailJoinLink } from './booking-join.js';
import { type BookingMailer, writeBookingMails } from './booking-mails.js';
import { bookerView, coachView, type KeptAnswer } from './booking-views.js';
import { BOOK_PATH, COACH_BOOKINGS_PATH, manageToken, manageUrl } from './manage-link.js';

/**
 * Abuse limits of the public booking form: attempts per client address and per email address
 * within an hour, and upcoming bookings one email address may hold with one coach.
 */
export const BOOKING_LIMITS = {
  perAddress: 30,
  perEmail: 6,
  windowMs: 60 * 60_000,
  openPerEmail: 3,
} as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const REFUSAL_TEXT: Record<SlotRefusal, string> = {
  taken: 'someone else booked this time a moment ago; choose another',
  'outside-availability': 'the coach is not available at this time',
  past: 'this time has passed',
  'inside-notice': 'this time is too soon; the coach needs more notice',
  'beyond-horizon': 'this time is too far ahead to book yet',
  'limit-reached': 'the coach has as many conversations as they take on that day or week',
  'not-on-increment': 'conversations start only at the times the page shows',
};

export interface BookingServiceOptions {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The external busy times of a coach (their calendars' last good copies). */
  busyFor: (coachId: string) => Promise<InstantRange[]>;
  /** The address people open; links in mails and answers start with it. */
  publicUrl: string;
  /** The server's signing key: a manage link's secret is derived from it (see `manageToken`). */
  secret: () => Promise<string>;
  /** Null without a mail server: then no mail is written. */
  mailer: BookingMailer | null;
}

/** Extra facts about a booking request that are not in its body. */
export interface BookingRequestMeta {
  idempotencyKey?: string | undefined;
  address?: string | null | undefined;
}

/**
 * Booking a coach: the public pages and their slots, booking a slot, and the booker's private link
 * to reschedule or cancel without an account; the coach's list of bookings. The time a booking
 * keeps is never given twice — the store guarantees it (decision 0023); this service turns its
 * answer into a 409 with fresh slots, and every other refusal into a 422 naming why.
 */
export class BookingService {
  constructor(private readonly options: BookingServiceOptions) {}

  private get coaches(): CoachRepository {
    return new CoachRepository(this.options.store.db, this.options.store.engine);
  }

  private get bookings(): BookingRepository {
    return new BookingRepository(this.options.store.db);
  }

  async coachPage(handle: string): Promise<PublicCoachPage> {
    const coach = await this.coachByHandle(handle);
    const types = (await this.coaches.types(coach.profile.coachId)).filter((type) => type.active);
    return { coach: publicCoach(coach.profile), types: types.map(publicType) };
  }

  async bookingPage(handle: string, slug: string): Promise<PublicBookingPage> {
    const { coach, type } = await this.published(handle, slug);
    return { coach: publicCoach(coach.profile), type: publicType(type) };
  }

  async slots(handle: string, slug: string, query: unknown): Promise<SlotList> {
    const { timeZone, from, to } = parseInput(SlotQuery, query);
    const { coach, type } = await this.published(handle, slug);
    const input = await this.slotInput(coach, type);
    return slotsByLocalDay(freeSlots(input, from && toIso(from), to && toIso(to)), timeZone);
  }

  /** Books a slot; a retry with the same idempotency key answers with the same booking. */
  async book(
    handle: string,
    slug: string,
    body: unknown,
    meta: BookingRequestMeta = {},
  ): Promise<{ confirmation: BookingConfirmation; replayed: boolean }> {
    const data = parseInput(BookingRequest, body);
    const key = meta.idempotencyKey ? idempotencyKeyOf(meta.idempotencyKey) : undefined;
    if (key) {
      const earlier = await this.bookings.byIdempotencyKey(key);
      if (earlier) return { confirmation: await this.replay(earlier, data), replayed: true };
    }
    await this.limitAttempts(data.email, meta.address);
    const { coach, type } = await this.published(handle, slug);
    const answers = keptAnswers(type, data.answers);
    const now = this.now();
    if (
      (await this.bookings.countUpcomingFor(coach.profile.coachId, data.email, now)) >=
      BOOKING_LIMITS.openPerEmail
    )
      throw new WhetstoneError(
        'conflict',
        `email: ${data.email} has ${BOOKING_LIMITS.openPerEmail} upcoming conversations with ${coach.profile.displayName} already; cancel one to book another`,
        [{ field: 'email', message: 'has too many upcoming bookings' }],
      );
    const start = toIso(data.start);
    const input = await this.slotInput(coach, type);
    this.refuseUnless(refusalOfStart(input, start), input, start, data.timeZone);
    const id = this.options.newId();
    const times = timesOf(type, start);
    const token = await this.manageToken(id, 0);
    const researcher = await new AccountRepository(this.options.store.db, this.options.store.engine).byEmail(
      data.email,
    );
    const row = {
      id,
      org_id: coach.orgId,
      coach_id: coach.profile.coachId,
      type_id: type.id,
      status: 'confirmed' as const,
      start_at: times.startAt,
      end_at: times.endAt,
      blocked_from: times.blockedFrom,
      blocked_until: times.blockedUntil,
      booker_name: data.name,
      booker_email: data.email,
      booker_time_zone: data.timeZone,
      answers: JSON.stringify(answers),
      location: type.location,
      researcher_id: researcher?.id ?? null,
      manage_token_hash: hashSecretToken(token),
      ical_uid: `${id}@whetstone`,
      sequence: 0,
      idempotency_key: key ?? null,
      created_at: now,
    };
    const record: BookingRecord = {
      ...row,
      reminded_day_at: null,
      reminded_hour_at: null,
      cancelled_at: null,
      cancel_reason: null,
      type_slug: type.slug,
      type_title: type.title,
      type_duration_minutes: type.durationMinutes,
    };
    const result = await insertBookingIfFree(this.options.store, row, (trx) =>
      this.mails(trx, 'booked', record, coach.profile, token),
    );
    if (result === 'duplicate-key' && key) {
      const earlier = await this.bookings.byIdempotencyKey(key);
      if (earlier) return { confirmation: await this.replay(earlier, data), replayed: true };
    }
    if (result !== 'booked')
      this.refuseUnless('taken', await this.slotInput(coach, type), start, data.timeZone);
    this.options.mailer?.wake();
    return { confirmation: this.confirmation(record, coach.profile, token), replayed: false };
  }

  /** The booking behind a private link; 404 for an unknown, outdated or cancelled one. */
  async manage(token: string): Promise<ManagedBooking> {
    const { record, coach } = await this.byToken(token);
    return bookerView(record, coach.profile, this.now());
  }

  /** Moves the booking to another free slot: the same invitation, SEQUENCE + 1, and a new link. */
  async reschedule(token: string, body: unknown): Promise<BookingConfirmation> {
    const { start: requested } = parseInput(RescheduleRequest, body);
    const { record, coach } = await this.changeable(token);
    const type = await this.coaches.type(coach.profile.coachId, record.type_id);
    if (!type) throw linkGone();
    const start = toIso(requested);
    const input = await this.slotInput(coach, type, record.id);
    this.refuseUnless(refusalOfStart(input, start), input, start, record.booker_time_zone);
    const sequence = Number(record.sequence) + 1;
    const newToken = await this.manageToken(record.id, sequence);
    const times = timesOf(type, start);
    const moved: BookingRecord = {
      ...record,
      start_at: times.startAt,
      end_at: times.endAt,
      blocked_from: times.blockedFrom,
      blocked_until: times.blockedUntil,
      sequence,
      manage_token_hash: hashSecretToken(newToken),
    };
    const result = await moveBookingIfFree(
      this.options.store,
      { id: record.id, coachId: coach.profile.coachId },
      { ...times, sequence, manageTokenHash: moved.manage_token_hash },
      (trx) => this.mails(trx, 'rescheduled', moved, coach.profile, newToken, toIso(record.start_at)),
    );
    if (result === 'gone') throw linkGone();
    if (result === 'taken') this.refuseUnless('taken', input, start, record.booker_time_zone);
    this.options.mailer?.wake();
    return this.confirmation(moved, coach.profile, newToken);
  }

  /** Cancels through the private link: the time is free again and both get `METHOD:CANCEL`. */
  async cancel(token: string, body: unknown): Promise<ManagedBooking> {
    const { reason } = parseInput(CancelRequest, body ?? {});
    const { record, coach } = await this.changeable(token);
    const cancelled = await this.cancelRecord(record, coach.profile, reason ?? null);
    return bookerView(cancelled, coach.profile, this.now());
  }

  /**
   * The booker asks for an account from their link: a mail to the booking's address carries the
   * way in (see booking-join.ts). At most 3 a booking per hour; the same answer whatever happens.
   */
  async requestAccount(token: string): Promise<{ sentTo: string }> {
    const { record, coach } = await this.byToken(token);
    const mailer = this.options.mailer;
    if (!mailer)
      throw new WhetstoneError(
        'conflict',
        'this server sends no mail; ask your coach to invite you to Whetstone',
      );
    await countAttempt(this.options.store, this.options.clock().getTime(), BOOKING_LIMITS.windowMs, [
      { key: `booking:account:${record.id}`, limit: 3 },
    ]);
    await mailJoinLink(this.options.store, mailer, record, coach, {
      publicUrl: this.options.publicUrl,
      now: this.options.clock(),
      newId: this.options.newId,
    });
    return { sentTo: record.booker_email };
  }

  /** The coach's bookings, earliest first; by default those not yet over. */
  async coachBookings(
    actor: Actor,
    query: { from?: string; to?: string; status?: string } = {},
  ): Promise<Booking[]> {
    const { userId } = authorise(actor, 'coaching.publish');
    const from = query.from ?? new Date(this.options.clock().getTime() - DAY).toISOString();
    const status = query.status === 'all' ? undefined : (query.status ?? 'confirmed');
    return (await this.bookings.listForCoach(userId, { from, to: query.to, status })).map(coachView);
  }

  async coachCancel(actor: Actor, id: string, body: unknown): Promise<Booking> {
    const { userId } = authorise(actor, 'coaching.publish');
    const { reason } = parseInput(CancelRequest, body ?? {});
    const record = await this.bookings.byId(userId, id);
    if (!record) throw new WhetstoneError('not_found', `booking ${id} not found`);
    if (record.status !== 'confirmed')
      throw new WhetstoneError('conflict', 'this booking is cancelled already');
    const coach = await this.coaches.byCoach(userId);
    if (!coach) throw new WhetstoneError('not_found', `booking ${id} not found`);
    return coachView(await this.cancelRecord(record, coach.profile, reason ?? null));
  }

  /** The kept time's free slots as the slot computation needs them. */
  private async slotInput(coach: CoachRecord, type: ConversationType, except?: string): Promise<SlotInput> {
    const now = this.now();
    const from = new Date(Date.parse(now) - 8 * DAY).toISOString();
    const to = new Date(Date.parse(now) + (type.horizonDays + 8) * DAY).toISOString();
    const booked = await this.bookings.bookedTimes(coach.profile.coachId, from, to, except);
    return {
      timeZone: coach.profile.timeZone,
      availability: coach.availability,
      rules: type,
      bookings: booked,
      busy: await this.options.busyFor(coach.profile.coachId),
      now,
    };
  }

  /** Throws the refusal, if any: 409 with fresh slots for a taken time, 422 naming any other. */
  private refuseUnless(refusal: SlotRefusal | null, input: SlotInput, start: string, timeZone: string): void {
    if (refusal === null) return;
    const message = REFUSAL_TEXT[refusal];
    const issues = [{ field: 'start', message }];
    if (refusal !== 'taken')
      throw new WhetstoneError('validation', `start: ${message}`, issues, { reason: refusal });
    // The slots around the one asked for: a day before it to a week after, in the booker's zone.
    const from = new Date(Date.parse(start) - DAY).toISOString();
    const to = new Date(Date.parse(start) + 7 * DAY).toISOString();
    const slots = slotsByLocalDay(freeSlots(input, from, to), timeZone);
    throw new WhetstoneError('conflict', `start: ${message}`, issues, { reason: refusal, slots });
  }

  private async cancelRecord(
    record: BookingRecord,
    coach: CoachProfile,
    reason: string | null,
  ): Promise<BookingRecord> {
    const now = this.now();
    const sequence = Number(record.sequence);
    const cancelled: BookingRecord = {
      ...record,
      status: 'cancelled',
      cancelled_at: now,
      cancel_reason: reason,
      sequence: sequence + 1,
    };
    const done = await inTransaction(this.options.store, async (trx) => {
      if (!(await new BookingRepository(trx).cancel(record.id, sequence, now, reason))) return false;
      await this.mails(trx, 'cancelled', cancelled, coach, null);
      return true;
    });
    if (!done) throw linkGone();
    this.options.mailer?.wake();
    return cancelled;
  }

  private async mails(
    trx: Parameters<typeof writeBookingMails>[1],
    kind: BookingMailKind,
    booking: BookingRecord,
    coach: CoachProfile,
    token: string | null,
    previousStart?: string,
  ): Promise<void> {
    if (!this.options.mailer) return;
    const account = await new AccountRepository(trx, this.options.store.engine).byId(coach.coachId);
    await writeBookingMails(this.options.mailer, trx, {
      kind,
      booking,
      coach,
      coachEmail: account?.email,
      bookerLink: token
        ? this.manageUrl(token)
        : this.url(`${BOOK_PATH}/${coach.handle}/${booking.type_slug}`),
      coachLink: this.url(COACH_BOOKINGS_PATH),
      stamp: this.now(),
      previousStart,
    });
  }

  /** The same answer for a retried request: its booking, with the link as it is now. */
  private async replay(record: BookingRecord, data: BookingRequest): Promise<BookingConfirmation> {
    if (record.booker_email !== data.email || toIso(record.start_at) !== toIso(data.start))
      throw new WhetstoneError(
        'conflict',
        'Idempotency-Key: this key was used for another booking; send a new key for a new booking',
        [{ field: 'Idempotency-Key', message: 'was used for another booking' }],
      );
    const coach = await this.coaches.byCoach(record.coach_id);
    if (!coach) throw linkGone();
    return this.confirmation(
      record,
      coach.profile,
      await this.manageToken(record.id, Number(record.sequence)),
    );
  }

  private confirmation(record: BookingRecord, coach: CoachProfile, token: string): BookingConfirmation {
    return { booking: bookerView(record, coach, this.now()), manageUrl: this.manageUrl(token) };
  }

  private async byToken(token: string): Promise<{ record: BookingRecord; coach: CoachRecord }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw linkGone();
    const record = await this.bookings.byManageTokenHash(hashSecretToken(token));
    if (record?.status !== 'confirmed') throw linkGone();
    const coach = await this.coaches.byCoach(record.coach_id);
    if (!coach) throw linkGone();
    return { record, coach };
  }

  private async changeable(token: string): Promise<{ record: BookingRecord; coach: CoachRecord }> {
    const found = await this.byToken(token);
    if (toIso(found.record.start_at) <= this.now())
      throw new WhetstoneError(
        'conflict',
        'this conversation has started or is over; ask your coach to change it',
      );
    return found;
  }

  private async manageToken(bookingId: string, sequence: number): Promise<string> {
    return manageToken(await this.options.secret(), bookingId, sequence);
  }

  private async limitAttempts(email: string, address: string | null | undefined): Promise<void> {
    const limits: AttemptLimit[] = [{ key: `booking:email:${email}`, limit: BOOKING_LIMITS.perEmail }];
    if (address) limits.push({ key: `booking:address:${address}`, limit: BOOKING_LIMITS.perAddress });
    await countAttempt(
      this.options.store,
      this.options.clock().getTime(),
      BOOKING_LIMITS.windowMs,
      limits,
      'booking attempts',
    );
  }

  private async coachByHandle(handle: string): Promise<CoachRecord> {
    const coach = await this.coaches.byHandle(handle.toLowerCase());
    if (!coach) throw noPage();
    return coach;
  }

  private async published(
    handle: string,
    slug: string,
  ): Promise<{ coach: CoachRecord; type: ConversationType }> {
    const coach = await this.coachByHandle(handle);
    const type = await this.coaches.typeBySlug(coach.profile.coachId, slug.toLowerCase());
    if (!type?.active) throw noPage();
    return { coach, type };
  }

  private manageUrl(token: string): string {
    return manageUrl(this.options.publicUrl, token);
  }

  private url(path: string): string {
    return new URL(path, this.options.publicUrl).toString();
  }

  private now(): string {
    return this.options.clock().toISOString();
  }
}

const noPage = () => new WhetstoneError('not_found', 'there is no booking page at this address');

const linkGone = () =>
  new WhetstoneError(
    'not_found',
    'this booking link no longer works: the booking was moved or cancelled, or the link is incomplete',
  );

/** A client's Idempotency-Key header: 8–200 visible characters. */
function idempotencyKeyOf(value: string): string {
  const key = value.trim();
  if (!/^[\x21-\x7e]{8,200}$/.test(key))
    throw validationError('Idempotency-Key', 'must be 8–200 visible ASCII characters, e.g. a UUID');
  return key;
}

/** The start, end and the buffered time a booking of `type` at `start` keeps. */
function timesOf(type: ConversationType, start: string) {
  const at = Date.parse(start);
  const end = at + type.durationMinutes * MINUTE;
  return {
    startAt: start,
    endAt: new Date(end).toISOString(),
    blockedFrom: new Date(at - type.bufferBeforeMinutes * MINUTE).toISOString(),
    blockedUntil: new Date(end + type.bufferAfterMinutes * MINUTE).toISOString(),
  };
}

/** The answers kept with the booking, with the prompts asked; required ones must be given. */
function keptAnswers(type: ConversationType, given: Record<string, string>): KeptAnswer[] {
  for (const id of Object.keys(given))
    if (!type.questions.some((q) => q.id === id))
      throw validationError(`answers.${id}`, 'is not a question of this conversation type');
  return type.questions.map((question) => {
    const answer = given[question.id]?.trim() ?? '';
    if (question.required && answer === '') throw validationError(`answers.${question.id}`, 'is required');
    return { questionId: question.id, prompt: question.prompt, answer };
  });
}

function publicCoach(profile: CoachProfile) {
  const { coachId: _id, createdAt: _created, updatedAt: _updated, ...rest } = profile;
  return rest;
}

function publicType(type: ConversationType) {
  const { slug, title, description, durationMinutes, locationKind, questions } = type;
  return { slug, title, description, durationMinutes, locationKind, questions };
}
