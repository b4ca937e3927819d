import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_AVAILABILITY } from '../src/core/coaching/availability.js';
import { insertBookingIfFree, type NewBookingRow } from '../src/store/coaching/booking.repository.js';
import { toFlag } from '../src/store/rows.js';
import { ENGINES, openTestStore, type TestStore } from './harness/stores.js';

/**
 * No double booking is enforced where the bookings are kept (decision 0023): however many writers
 * race for one slot, the store lets exactly one through; bookings of different lengths and their
 * buffers never overlap. (Over real HTTP, with 100 requests, once the booking routes exist.)
 */
describe.each(ENGINES)('bookings on %s', (engine) => {
  let test: TestStore;
  const at = '2026-06-01T00:00:00.000Z';

  beforeEach(async () => {
    test = await openTestStore(engine);
    const { db } = test.store;
    await db.insertInto('users').values({ id: 'coach', name: 'Ada Coach', created_at: at }).execute();
    await db.insertInto('organisations').values({ id: 'org', name: 'Lab', created_at: at }).execute();
    await db
      .insertInto('coach_profiles')
      .values({
        coach_id: 'coach',
        org_id: 'org',
        handle: 'ada',
        display_name: 'Ada Coach',
        introduction: '',
        time_zone: 'Europe/Berlin',
        availability: JSON.stringify(EMPTY_AVAILABILITY),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('conversation_types')
      .values({
        id: 'type',
        coach_id: 'coach',
        slug: 'debug',
        title: 'Debugging conversation',
        description: '',
        duration_minutes: 60,
        location_kind: 'video',
        location: 'https://meet.example.org/ada',
        buffer_before_minutes: 0,
        buffer_after_minutes: 15,
        minimum_notice_minutes: 0,
        horizon_days: 30,
        daily_limit: null,
        weekly_limit: null,
        slot_increment_minutes: 30,
        questions: '[]',
        active: toFlag(engine, true),
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  let n = 0;
  const row = (start: string, minutes: number, extra: Partial<NewBookingRow> = {}): NewBookingRow => {
    n += 1;
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    return {
      id: `b${n}`,
      org_id: 'org',
      coach_id: 'coach',
      type_id: 'type',
      status: 'confirmed',
      start_at: start,
      end_at: end,
      blocked_from: start,
      blocked_until: new Date(Date.parse(end) + 15 * 60_000).toISOString(),
      booker_name: `Booker ${n}`,
      booker_email: `b${n}@example.org`,
      booker_time_zone: 'UTC',
      answers: '{}',
      location: 'https://meet.example.org/ada',
      manage_token_hash: `hash-${n}`,
      ical_uid: `uid-${n}`,
      sequence: 0,
      created_at: at,
      ...extra,
    };
  };
  const confirmed = async () =>
    (await test.store.db.selectFrom('bookings').select('id').where('status', '=', 'confirmed').execute())
      .length;

  it('lets exactly one of 100 simultaneous bookings of one slot through', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () => insertBookingIfFree(test.store, row('2026-06-02T08:00:00.000Z', 60))),
    );
    expect(results.filter((r) => r === 'booked')).toHaveLength(1);
    expect(results.filter((r) => r === 'taken')).toHaveLength(99);
    expect(await confirmed()).toBe(1);
  });

  it('keeps overlapping types of different lengths apart, buffers included, racing or not', async () => {
    // 30 minutes at 08:00, 90 minutes at 07:00, 60 at 08:30: all meet; only one may win.
    const racing: [string, number][] = [
      ['2026-06-02T08:00:00.000Z', 30],
      ['2026-06-02T07:00:00.000Z', 90],
      ['2026-06-02T08:30:00.000Z', 60],
    ];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const [start, minutes] = racing[i % racing.length] as [string, number];
        return insertBookingIfFree(test.store, row(start, minutes));
      }),
    );
    expect(results.filter((r) => r === 'booked')).toHaveLength(1);
    expect(await confirmed()).toBe(1);
    // The 15 minutes kept after a 10:00–11:00 booking refuse 11:00 but not 11:15.
    expect(await insertBookingIfFree(test.store, row('2026-06-03T10:00:00.000Z', 60))).toBe('booked');
    expect(await insertBookingIfFree(test.store, row('2026-06-03T11:00:00.000Z', 60))).toBe('taken');
    expect(await insertBookingIfFree(test.store, row('2026-06-03T11:15:00.000Z', 60))).toBe('booked');
  });

  it('frees the time of a cancelled booking', async () => {
    expect(await insertBookingIfFree(test.store, row('2026-06-04T08:00:00.000Z', 60, { id: 'first' }))).toBe(
      'booked',
    );
    await test.store.db
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelled_at: at })
      .where('id', '=', 'first')
      .execute();
    expect(await insertBookingIfFree(test.store, row('2026-06-04T08:00:00.000Z', 60))).toBe('booked');
  });

  it('answers a retry with the same idempotency key as a duplicate, not a second booking', async () => {
    const key = 'retry-1';
    expect(
      await insertBookingIfFree(test.store, row('2026-06-05T08:00:00.000Z', 60, { idempotency_key: key })),
    ).toBe('booked');
    expect(
      await insertBookingIfFree(test.store, row('2026-06-06T08:00:00.000Z', 60, { idempotency_key: key })),
    ).toBe('duplicate-key');
    expect(await confirmed()).toBe(1);
  });

  it.runIf(engine === 'postgres')(
    'refuses an overlapping row even when the code skips the check',
    async () => {
      await test.store.db.insertInto('bookings').values(row('2026-06-07T08:00:00.000Z', 60)).execute();
      await expect(
        test.store.db.insertInto('bookings').values(row('2026-06-07T08:30:00.000Z', 60)).execute(),
      ).rejects.toMatchObject({ code: '23P01' });
    },
  );
});
