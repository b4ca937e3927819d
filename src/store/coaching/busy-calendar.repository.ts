import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { InstantRange } from '../../core/coaching/availability.js';
import { toIso, toIsoOrNull } from '../rows.js';
import type { BusyCalendarsTable, Database } from '../schema.js';

type Db = Kysely<Database>;

/** A busy calendar as stored, the full URL included: it never leaves the services layer. */
export interface BusyCalendarRecord {
  id: string;
  coachId: string;
  label: string;
  url: string;
  /** The last good copy's busy times. */
  busy: InstantRange[];
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/**
 * The calendars whose busy times block a coach's slots. Several server processes may refresh them:
 * a refresher takes a calendar with an atomic conditional update of `claimed_until`, so two never
 * fetch the same calendar at once. Instants are written as canonical UTC ISO text, which SQLite
 * compares correctly as text.
 */
export class BusyCalendarRepository {
  constructor(private readonly db: Db) {}

  withTransaction(trx: Db): BusyCalendarRepository {
    return new BusyCalendarRepository(trx);
  }

  /** A new calendar with no busy times yet, claimed until `claimedUntil` for its first fetch. */
  async insert(calendar: {
    id: string;
    coachId: string;
    label: string;
    url: string;
    createdAt: string;
    claimedUntil: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('busy_calendars')
      .values({
        id: calendar.id,
        coach_id: calendar.coachId,
        label: calendar.label,
        url: calendar.url,
        busy: '[]',
        last_attempt_at: null,
        last_success_at: null,
        last_error: null,
        claimed_until: calendar.claimedUntil,
        created_at: calendar.createdAt,
      })
      .execute();
  }

  /** The coach's calendars, oldest first. */
  async listForCoach(coachId: string): Promise<BusyCalendarRecord[]> {
    const rows = await this.db
      .selectFrom('busy_calendars')
      .selectAll()
      .where('coach_id', '=', coachId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(mapRow);
  }

  async find(coachId: string, id: string): Promise<BusyCalendarRecord | undefined> {
    const row = await this.db
      .selectFrom('busy_calendars')
      .selectAll()
      .where('coach_id', '=', coachId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && mapRow(row);
  }

  /** Whether the coach had such a calendar (another coach's is not theirs to remove). */
  async remove(coachId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('busy_calendars')
      .where('coach_id', '=', coachId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The busy times of all the coach's calendars (last good copies), sorted, overlaps joined. */
  async busyForCoach(coachId: string): Promise<InstantRange[]> {
    const rows = await this.db
      .selectFrom('busy_calendars')
      .select('busy')
      .where('coach_id', '=', coachId)
      .execute();
    return joinOverlaps(rows.flatMap((row) => parseBusy(row.busy)));
  }

  /**
   * The zone the coach's calendars are read in; undefined when they have no coach profile. `lock`
   * (PostgreSQL only, inside a transaction) holds the profile row so the coach's calendar writes
   * take turns; SQLite's transactions take the write lock anyway.
   */
  async coachTimeZone(coachId: string, { lock = false } = {}): Promise<string | undefined> {
    const query = this.db.selectFrom('coach_profiles').select('time_zone').where('coach_id', '=', coachId);
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    return row?.time_zone;
  }

  /**
   * Takes up to `limit` calendars last attempted before `staleBefore` (or never) and unclaimed at
   * `now`, until `claimUntil`. Each take is one conditional UPDATE that repeats the condition: on
   * PostgreSQL a concurrent second take waits for the first and re-checks the updated row, so it
   * fails; SQLite runs writes one at a time. A calendar is thus handed to one refresher only.
   */
  async claimDue(
    now: string,
    staleBefore: string,
    claimUntil: string,
    limit: number,
  ): Promise<BusyCalendarRecord[]> {
    const candidates = await this.db
      .selectFrom('busy_calendars')
      .select('id')
      .where(isDue(now, staleBefore))
      .orderBy('last_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: BusyCalendarRecord[] = [];
    for (const { id } of candidates) {
      const row = await this.db
        .updateTable('busy_calendars')
        .set({ claimed_until: claimUntil })
        .where('id', '=', id)
        .where(isDue(now, staleBefore))
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(mapRow(row));
    }
    return claimed;
  }

  /** Takes one calendar whatever its last attempt (a coach's "refresh now"), unless another holds it. */
  async claim(id: string, now: string, claimUntil: string): Promise<BusyCalendarRecord | undefined> {
    const row = await this.db
      .updateTable('busy_calendars')
      .set({ claimed_until: claimUntil })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
    return row && mapRow(row);
  }

  /** A good fetch: its busy times become the copy in use; the claim is released. */
  async recordSuccess(id: string, busy: readonly InstantRange[], at: string): Promise<void> {
    await this.db
      .updateTable('busy_calendars')
      .set({
        busy: JSON.stringify(busy),
        last_attempt_at: at,
        last_success_at: at,
        last_error: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** A failed fetch: `busy` is left alone, so slots keep using the last good copy. */
  async recordFailure(id: string, error: string, at: string): Promise<void> {
    await this.db
      .updateTable('busy_calendars')
      .set({ last_attempt_at: at, last_error: error, claimed_until: null })
      .where('id', '=', id)
      .execute();
  }
}

/** Last attempted before `staleBefore` or never, and held by no refresher at `now`. */
const isDue = (now: string, staleBefore: string) => (eb: ExpressionBuilder<Database, 'busy_calendars'>) =>
  eb.and([
    eb.or([eb('last_attempt_at', 'is', null), eb('last_attempt_at', '<', staleBefore)]),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
  ]);

function mapRow(row: Selectable<BusyCalendarsTable>): BusyCalendarRecord {
  return {
    id: row.id,
    coachId: row.coach_id,
    label: row.label,
    url: row.url,
    busy: parseBusy(row.busy),
    lastAttemptAt: toIsoOrNull(row.last_attempt_at),
    lastSuccessAt: toIsoOrNull(row.last_success_at),
    lastError: row.last_error,
    createdAt: toIso(row.created_at),
  };
}

/** Written by `recordSuccess` only, so trusted. */
const parseBusy = (json: string): InstantRange[] => JSON.parse(json) as InstantRange[];

function joinOverlaps(ranges: readonly InstantRange[]): InstantRange[] {
  const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const out: InstantRange[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end;
    } else out.push({ ...range });
  }
  return out;
}
