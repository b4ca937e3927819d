import { type BusyCalendar, BusyCalendarInput, type InstantRange } from '../../core/coaching/availability.js';
import { BusyCalendarError, busyRanges } from '../../core/coaching/busy-ics.js';
import { notFound, validationError, WhetstoneError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import {
  type BusyCalendarRecord,
  BusyCalendarRepository,
} from '../../store/coaching/busy-calendar.repository.js';
import type { Store } from '../../store/connect.js';
import { inTransaction } from '../../store/transaction.js';
import type { Actor, Clock } from '../context.js';
import { authorise } from '../team/policy.js';
import { CalendarFetchError, fetchCalendarText } from './fetch-calendar.js';

export const MAX_BUSY_CALENDARS = 5;
/** A calendar is fetched again once its last attempt is this old. */
export const BUSY_REFRESH_AFTER_MS = 15 * 60_000;
/** Long enough for every fetch of one `refreshDue` (10 s each, run together) to finish. */
const CLAIM_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const WINDOW_DAYS_BACK = 1;
const WINDOW_DAYS_AHEAD = 400;

export interface BusyCalendarServiceOptions {
  /** Tests and the CLI may swap the network for something else. */
  fetchText?: typeof fetchCalendarText;
  /** Fetch calendars in private networks and on this machine (see FetchCalendarOptions). */
  allowPrivateAddresses?: boolean;
}

/**
 * The coach's own calendars (ICS addresses they pasted) whose busy times block their booking slots.
 * The full address is a secret (private calendar addresses carry tokens): it is stored, fetched and
 * never returned; views show `urlPreview`. A failed fetch keeps the last good busy times in use.
 */
export class BusyCalendarService {
  private readonly calendars: BusyCalendarRepository;
  private readonly fetchText: typeof fetchCalendarText;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
    options: BusyCalendarServiceOptions = {},
  ) {
    this.calendars = new BusyCalendarRepository(store.db);
    const allowPrivateAddresses = options.allowPrivateAddresses ?? false;
    this.fetchText = options.fetchText ?? ((url) => fetchCalendarText(url, { allowPrivateAddresses }));
  }

  /** Adds and fetches the calendar at once; the view shows the fetch's error if it failed. */
  async add(actor: Actor, input: unknown): Promise<BusyCalendar> {
    const { userId } = authorise(actor, 'coaching.publish');
    const parsed = parseInput(BusyCalendarInput, input);
    const now = this.clock();
    const id = this.newId();
    // In one transaction so two adds at once cannot both pass the limit (SQLite: write lock first).
    await inTransaction(this.store, async (trx) => {
      const calendars = this.calendars.withTransaction(trx);
      if ((await calendars.coachTimeZone(userId, { lock: this.store.engine === 'postgres' })) === undefined)
        throw new WhetstoneError('conflict', 'save your coach profile first, then add calendars');
      if ((await calendars.listForCoach(userId)).length >= MAX_BUSY_CALENDARS)
        throw validationError('url', `at most ${MAX_BUSY_CALENDARS} calendars; remove one first`);
      await calendars.insert({
        id,
        coachId: userId,
        label: parsed.label || new URL(parsed.url).host,
        url: parsed.url,
        createdAt: now.toISOString(),
        // Held for its first fetch below, so a periodic refresher does not fetch it as well.
        claimedUntil: new Date(now.getTime() + CLAIM_MS).toISOString(),
      });
    });
    return this.view(await this.refreshClaimed(userId, id, parsed.url));
  }

  async list(actor: Actor): Promise<BusyCalendar[]> {
    const { userId } = authorise(actor, 'coaching.publish');
    return (await this.calendars.listForCoach(userId)).map((record) => this.view(record));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const { userId } = authorise(actor, 'coaching.publish');
    if (!(await this.calendars.remove(userId, id))) throw notFound('busy calendar', id);
  }

  /** The coach's "refresh now"; when another process is fetching it already, its current state. */
  async refresh(actor: Actor, id: string): Promise<BusyCalendar> {
    const { userId } = authorise(actor, 'coaching.publish');
    const found = await this.calendars.find(userId, id);
    if (!found) throw notFound('busy calendar', id);
    const claimed = await this.calendars.claim(id, this.clock().toISOString(), this.claimUntil());
    return this.view(claimed ? await this.refreshClaimed(userId, id, claimed.url) : found);
  }

  /** For a periodic timer: fetches calendars not tried for 15 minutes; how many it fetched. */
  async refreshDue(limit = 20): Promise<number> {
    const now = this.clock();
    const claimed = await this.calendars.claimDue(
      now.toISOString(),
      new Date(now.getTime() - BUSY_REFRESH_AFTER_MS).toISOString(),
      this.claimUntil(),
      limit,
    );
    await Promise.all(claimed.map((record) => this.refreshClaimed(record.coachId, record.id, record.url)));
    return claimed.length;
  }

  /** Every calendar's busy times, for slot computation (the booking service asks; no actor). */
  busyFor(coachId: string): Promise<InstantRange[]> {
    return this.calendars.busyForCoach(coachId);
  }

  /** Fetches and reads a calendar this process holds the claim on, and records how it went. */
  private async refreshClaimed(coachId: string, id: string, url: string): Promise<BusyCalendarRecord> {
    try {
      const timeZone = await this.calendars.coachTimeZone(coachId);
      if (timeZone === undefined) throw new Error('the coach profile is gone');
      const text = await this.fetchText(url);
      const now = this.clock().getTime();
      const window = {
        start: new Date(now - WINDOW_DAYS_BACK * DAY_MS).toISOString(),
        end: new Date(now + WINDOW_DAYS_AHEAD * DAY_MS).toISOString(),
      };
      await this.calendars.recordSuccess(id, busyRanges(text, window, timeZone), this.clock().toISOString());
    } catch (error) {
      await this.calendars.recordFailure(id, describeFailure(error), this.clock().toISOString());
    }
    const record = await this.calendars.find(coachId, id);
    if (!record) throw notFound('busy calendar', id);
    return record;
  }

  private claimUntil(): string {
    return new Date(this.clock().getTime() + CLAIM_MS).toISOString();
  }

  private view(record: BusyCalendarRecord): BusyCalendar {
    return {
      id: record.id,
      label: record.label,
      urlPreview: urlPreview(record.url),
      lastSuccessAt: record.lastSuccessAt,
      lastAttemptAt: record.lastAttemptAt,
      lastError: record.lastError,
      busyCount: record.busy.length,
    };
  }
}

/** One line of plain words for the coach. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const words =
    error instanceof BusyCalendarError
      ? `the calendar could not be read: ${message}`
      : error instanceof CalendarFetchError
        ? message
        : `the calendar could not be refreshed: ${message}`;
  const line = words.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Scheme, host and at most the last path segment (`https://calendar.example.org/…/basic.ics`): the
 * rest of the path, the query and any user info may hold the address's secret. A last segment that
 * looks like a token is hidden too.
 */
export function urlPreview(url: string): string {
  const parsed = new URL(url);
  const origin = `${parsed.protocol}//${parsed.host}`;
  const segments = parsed.pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined) return `${origin}/`;
  if (looksSecret(last)) return `${origin}/…`;
  return segments.length > 1 ? `${origin}/…/${last}` : `${origin}/${last}`;
}

/** Long, or a run of ten or more letters and digits mixed: what generated tokens look like. */
function looksSecret(segment: string): boolean {
  if (segment.length > 32) return true;
  return (segment.match(/[A-Za-z0-9_-]{10,}/g) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));
}
