/**
 * The live change feed behind `/events` on both engines, and on PostgreSQL the triggers that
 * feed it: one change number per user, raised once per writing statement and notified at commit,
 * by whichever connection wrote (a `whet` command is just another connection).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeFeed, openChangeFeed } from '../src/services/change-feed.js';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { ensureUser } from '../src/services/user.service.js';
import { DEFAULT_CHANGE_FEED_OPTIONS } from '../src/store/live/change-feed.js';
import { LiveChangeRepository } from '../src/store/live/live-change.repository.js';
import { OTHER, openEnv, steppingClock, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

/** Far longer than a test: whatever arrives did not come from PostgreSQL's periodic re-read. */
const HOUR_MS = 3_600_000;
/** An upper bound for waits, never a sleep. */
const WAIT_MS = 10_000;

/** Counts a subscriber's calls; `until(n)` waits (at most WAIT_MS) for the n-th. */
function counter() {
  let calls = 0;
  let wake: (() => void) | undefined;
  return {
    hear: () => {
      calls += 1;
      wake?.();
    },
    calls: () => calls,
    async until(n: number): Promise<void> {
      const deadline = Date.now() + WAIT_MS;
      while (calls < n) {
        if (Date.now() > deadline) throw new Error(`heard ${calls} changes, waited for ${n}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

describe.each(ENGINES)('the live change feed on %s', (engine) => {
  let env: TestEnv;
  let feed: ChangeFeed | undefined;
  afterEach(async () => {
    await feed?.close();
    await env.cleanup();
  });

  it("tells each user's subscribers of writes from then on, and stops when they leave", async () => {
    env = await openEnv(engine);
    await ensureUser(env.store, OTHER, 'Other', env.clock);
    feed = openChangeFeed(env.store, {
      ...DEFAULT_CHANGE_FEED_OPTIONS,
      sqlitePollMs: 20,
      catchUpMs: HOUR_MS,
    });
    const mine = counter();
    const theirs = counter();
    const leave = await feed.subscribe(ME.userId, mine.hear);
    await feed.subscribe(OTHER.userId, theirs.hear);
    expect(mine.calls()).toBe(0);

    await env.services.ideas.capture(OTHER, { text: 'Read the related work first' });
    await theirs.until(1);
    await env.services.ideas.capture(ME, { text: 'Block mornings for writing' });
    await mine.until(1);
    // PostgreSQL names the user; SQLite's counters are the whole file's (one person in solo mode).
    if (engine === 'postgres') expect(theirs.calls()).toBe(1);

    const heardBefore = mine.calls();
    leave();
    await env.services.ideas.capture(ME, { text: 'Nobody hears this one' });
    const theirsBefore = theirs.calls();
    await env.services.ideas.capture(OTHER, { text: 'Write the abstract last' });
    await theirs.until(theirsBefore + 1);
    expect(mine.calls()).toBe(heardBefore);
  });
});

describe('the live triggers on postgres', () => {
  let env: TestEnv;
  const clients: pg.Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end()));
    await env.cleanup();
  });

  async function connect(): Promise<pg.Client> {
    if (env.store.location.engine !== 'postgres') throw new Error('a PostgreSQL store');
    const client = new pg.Client({ connectionString: env.store.location.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  it('raise the user’s number once per statement, notify it at commit, and never for a rollback', async () => {
    env = await openEnv('postgres');
    const listener = await connect();
    const notices: string[] = [];
    let wake: (() => void) | undefined;
    listener.on('notification', (n) => {
      notices.push(n.payload ?? '');
      wake?.();
    });
    await listener.query('LISTEN whetstone_live');
    const nextNotice = async (): Promise<string> => {
      const deadline = Date.now() + WAIT_MS;
      while (notices.length === 0) {
        if (Date.now() > deadline) throw new Error('no notice arrived');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return notices.shift() as string;
    };
    // Another connection writes, as a `whet` command would.
    const writer = await connect();
    const version = async () =>
      Number(
        (await writer.query<{ v: string }>(`select version as v from live_changes where user_id = 'local'`))
          .rows[0]?.v,
      );
    const before = await version();
    expect(before).toBeGreaterThan(0); // creating the user and its default areas wrote

    await writer.query('begin');
    await writer.query(`update areas set name = name where user_id = 'local'`);
    await writer.query('rollback');
    // Several rows, one statement: one number, one notice.
    await writer.query(`update areas set name = name where user_id = 'local'`);
    expect(await nextNotice()).toBe(`local:${before + 1}`);
    expect(await version()).toBe(before + 1);

    await env.services.ideas.capture(ME, { text: 'Block mornings for writing' });
    const [user, number] = (await nextNotice()).split(':');
    expect(user).toBe('local');
    expect(Number(number)).toBe(before + 2);
  });

  it('move the number after each kind of write the web app shows live', async () => {
    env = await openEnv('postgres', steppingClock());
    const { services } = env;
    const changes = new LiveChangeRepository(env.store);
    const numbers = [(await changes.versionsOf([ME.userId])).get(ME.userId) ?? 0];
    const moved = async (what: string) => {
      const number = (await changes.versionsOf([ME.userId])).get(ME.userId) ?? 0;
      expect(number, what).toBeGreaterThan(numbers.at(-1) ?? 0);
      numbers.push(number);
    };
    const idea = await services.ideas.capture(ME, { text: 'Block mornings for writing' });
    await moved('idea captured');
    await services.areas.create(ME, { name: 'Statistics' });
    await moved('area created');
    await services.experiments.create(ME, {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'Focused wins', favoured: 'focused' },
      start: true,
    });
    await moved('experiment started');
    const plan = await services.plans.create(ME, {
      title: 'Write before email',
      kind: 'process',
      ideaIds: [idea.id],
      nextAction: 'Close the mail app at 9',
      successSignal: 'Two pages before 10',
      reviewOn: '2026-03-16',
    });
    await moved('plan created');
    await services.practice.log(ME, { planId: plan.id, minutes: 25 });
    await moved('practice logged');
    await services.practice.interrupt(ME, { reason: 'chat' });
    await moved('interruption logged');
    await services.reviews.submitWeekly(ME, { weekOf: '2026-03-02' });
    await moved('weekly review saved');
  });

  it('are on tables that all have a user_id, the ones the web app shows among them', async () => {
    env = await openEnv('postgres');
    const client = await connect();
    const { rows } = await client.query<{ table: string; has_user: boolean }>(
      `select distinct t.event_object_table as table,
         exists (select 1 from information_schema.columns c
                 where c.table_name = t.event_object_table and c.column_name = 'user_id') as has_user
       from information_schema.triggers t where t.action_statement like '%live_change_notify%'`,
    );
    expect(rows.filter((r) => !r.has_user)).toEqual([]);
    expect(rows.map((r) => r.table)).toEqual(
      expect.arrayContaining([
        'ideas',
        'areas',
        'experiments',
        'plans',
        'practice_logs',
        'interruptions',
        'reviews',
      ]),
    );
  });
});
