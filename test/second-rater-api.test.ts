/**
 * A second, blind rater over real HTTP, on both engines (issue 10, item 6): the app listens on a
 * random loopback port in this process, on a fresh store with a hand-moved clock. The owner
 * invites; the link's holder sees idea texts behind tokens only (no phase, no values), rates,
 * undoes, finishes; the report shows both raters and their agreement, equal to the core's weighted
 * kappa (quadratic) for the same pairs, and the card records it; a withdrawn link is a 404.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultCard } from '../src/core/experiments/card.js';
import type { RatingQueueView } from '../src/core/experiments/rating.js';
import type { ExperimentReportView } from '../src/core/experiments/report-view.js';
import type {
  NewSecondRaterLink,
  SecondRaterQueueView,
  SecondRaterStatus,
} from '../src/core/experiments/second-rater.js';
import { weightedKappa } from '../src/core/stats/weighted-kappa.js';
import { createApp } from '../src/server/app.js';
import { LOCAL_ACTOR } from '../src/services/context.js';
import { DEFAULT_CHANGE_FEED_OPTIONS } from '../src/store/live/change-feed.js';
import { openChangeFeed } from '../src/store/live/open-change-feed.js';
import { type ManualClock, manualClock, openEnv, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';
import { DAY, HOUR, MIN, weekInput } from './support/experiments.js';
import { type ApiResponse, call } from './support/http.js';

const PASSIVE = ['Keep referee objections in one list', 'Read alerts once a week', 'Label freezer boxes'];
const FOCUSED = ['Write the methods first', 'Pre-register the analysis', 'Automate the plots', 'Buy toner'];
/** The researcher's values and the second rater's, by text (toner is set aside in the triage). */
const MINE = new Map([...PASSIVE, ...FOCUSED].map((text, i) => [text, [2, 4, 1, 5, 4, 3, 1][i]!] as const));
const THEIRS = new Map([...PASSIVE, ...FOCUSED].map((text, i) => [text, [3, 4, 1, 4, 5, 2, 1][i]!] as const));

describe.each(ENGINES)('second rater over HTTP on %s', (engine) => {
  let env: TestEnv;
  let time: ManualClock;
  let base: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    time = manualClock('2026-03-02T09:00:00.000Z');
    env = await openEnv(engine, time.clock);
    const changes = openChangeFeed(env.store, DEFAULT_CHANGE_FEED_OPTIONS);
    const app = createApp({
      services: env.services,
      changes,
      mode: { kind: 'solo', actor: LOCAL_ACTOR },
      version: 'test',
    });
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        close = async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await changes.close();
        };
        resolve();
      });
    });
  });

  afterEach(async () => {
    await close();
    await env.cleanup();
  });

  const api = <T>(method: string, path: string, json?: unknown): Promise<ApiResponse<T>> =>
    call<T>(`${base}/api/v1`, method, path, json === undefined ? {} : { json });
  const ok = async <T>(res: Promise<ApiResponse<T>>, status = 200): Promise<T> => {
    const answer = await res;
    expect(answer.status, answer.text).toBe(status);
    return answer.body;
  };

  /** An experiment whose triage is finished (toner set aside), the researcher's rating open. */
  async function triaged(): Promise<string> {
    const { id } = await ok<{ id: string }>(api('POST', '/experiments', weekInput()), 201);
    for (const [i, text] of PASSIVE.entries()) {
      time.set(HOUR * (i + 1));
      await ok(api('POST', '/ideas', { text }), 201);
    }
    time.set(2 * DAY + MIN);
    await ok(api('POST', `/experiments/${id}/steps`, { action: 'startFocused' }));
    for (const [i, text] of FOCUSED.entries()) {
      time.set(2 * DAY + (i + 2) * MIN);
      await ok(api('POST', '/ideas', { text }), 201);
    }
    time.set(2 * DAY + 30 * MIN);
    await ok(api('POST', `/experiments/${id}/steps`, { action: 'startRating' }));
    // Not yet: the triage still decides which ideas are rated.
    expect((await api('POST', `/experiments/${id}/second-rater`, {})).status).toBe(409);
    const queue = await ok<RatingQueueView>(api('GET', `/experiments/${id}/rating`));
    const toner = queue.triage.find((i) => i.text === 'Buy toner')!.token;
    await ok(api('POST', `/experiments/${id}/triage`, { token: toner, excluded: 'A task, not an idea' }));
    await ok(api('POST', `/experiments/${id}/steps`, { action: 'finishTriage' }));
    return id;
  }

  it('invites, rates blind, finishes, reports the agreement, and a withdrawn link is gone', async () => {
    const id = await triaged();
    const invited = await ok<NewSecondRaterLink>(
      api('POST', `/experiments/${id}/second-rater`, { name: 'Cora' }),
      201,
    );
    expect(invited.link).toBe(`${base}/rate/${invited.token}`);
    expect(invited.invitation).toMatchObject({ raterName: 'Cora', rated: 0, total: 6, finishedAt: null });
    // Only the hash is stored.
    const stored = await env.store.db.selectFrom('second_rater_invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(invited.token);

    // The researcher rates in their own order.
    let mine = await ok<RatingQueueView>(api('GET', `/experiments/${id}/rating`));
    const myOrder: string[] = [];
    while (mine.next) {
      myOrder.push(mine.next.text);
      time.advance(MIN);
      mine = await ok(
        api('POST', `/experiments/${id}/rating`, { token: mine.next.token, value: MINE.get(mine.next.text) }),
      );
    }

    // The link holder: texts and tokens only, in another order.
    const rate = `/rate/${invited.token}`;
    let theirs = await ok<SecondRaterQueueView>(api('GET', rate));
    expect(Object.keys(theirs).sort()).toEqual([
      'finished',
      'next',
      'rated',
      'raterName',
      'ratings',
      'total',
    ]);
    expect(Object.keys(theirs.next!).sort()).toEqual(['text', 'token']);
    expect(JSON.stringify(theirs)).not.toMatch(/passive|focused|phase|value"|Buy toner/i);
    const theirOrder: string[] = [];
    let slipped = false;
    while (theirs.next) {
      const { token, text } = theirs.next;
      if (!theirOrder.includes(text)) theirOrder.push(text);
      time.advance(MIN);
      if (!slipped) {
        // A slip, taken back: the same idea comes again.
        slipped = true;
        await ok(api('POST', `${rate}/ratings`, { token, value: 1 }));
        theirs = await ok(api('POST', `${rate}/undo`));
        expect(theirs.next?.token).toBe(token);
        continue;
      }
      theirs = await ok(api('POST', `${rate}/ratings`, { token, value: THEIRS.get(text) }));
      expect(JSON.stringify(theirs)).not.toMatch(/passive|focused|phase/i);
    }
    expect(theirOrder).not.toEqual(myOrder);
    expect([...theirOrder].sort()).toEqual([...myOrder].sort());
    expect((await api('POST', `${rate}/ratings`, { token: 'nope', value: 3 })).status).toBe(404);
    expect((await api('POST', `${rate}/ratings`, { token: theirs.ratings[0]!.token, value: 6 })).status).toBe(
      422,
    );

    const status = await ok<SecondRaterStatus>(api('GET', `/experiments/${id}/second-rater`));
    expect(status.invitation).toMatchObject({ rated: 6, total: 6, finishedAt: null });
    const finished = await ok<SecondRaterQueueView>(api('POST', `${rate}/finish`));
    expect(finished).toMatchObject({ finished: true, rated: 6, next: null });
    expect(
      (await api('POST', `${rate}/ratings`, { token: finished.ratings[0]!.token, value: 2 })).status,
    ).toBe(409);

    await ok(api('POST', `/experiments/${id}/steps`, { action: 'report' }));
    const report = await ok<ExperimentReportView>(api('GET', `/experiments/${id}/report`));
    if (report.kind !== 'ideas') throw new Error('an idea report');
    const kept = [...PASSIVE, ...FOCUSED].filter((t) => t !== 'Buy toner');
    const expected = weightedKappa(
      kept.map((t): [number, number] => [MINE.get(t)!, THEIRS.get(t)!]),
      5,
      'quadratic',
    );
    expect(expected.kappa).not.toBeNull();
    expect(report.secondRater?.agreement).toMatchObject({
      method: 'weighted kappa (quadratic)',
      pairs: 6,
      kappa: expected.kappa,
    });
    // Passive: 3, 4, 1 (mean 8/3, one 4–5); focused: 4, 5, 2 (mean 11/3, two 4–5).
    expect(report.secondRater?.phases.map((p) => [p.rated, p.meanValue, p.highValueCount])).toEqual([
      [3, 8 / 3, 1],
      [3, 11 / 3, 2],
    ]);
    expect(report.secondRater).toMatchObject({ raterName: 'Cora', finished: true, rated: 6, total: 6 });
    // The verdict is the researcher's: the focused phase's own totals.
    expect(report.phases[1].totalValue).toBe(5 + 4 + 3);
    const card = await ok<ResultCard>(api('GET', `/experiments/${id}/card`));
    expect(card.secondRater).toEqual({ tookPart: true, pairs: 6, weightedKappaQuadratic: expected.kappa });

    // Withdrawn: the link is gone, like one never made, and the report drops the section.
    await ok(api('DELETE', `/experiments/${id}/second-rater`));
    for (const [method, path] of [
      ['GET', rate],
      ['POST', `${rate}/undo`],
      ['POST', `${rate}/finish`],
      ['GET', '/rate/never-issued'],
    ] as const)
      expect((await api(method, path)).status, `${method} ${path}`).toBe(404);
    const after = await ok<ExperimentReportView>(api('GET', `/experiments/${id}/report`));
    expect(after.kind === 'ideas' && after.secondRater).toBeFalsy();
    expect((await ok<ResultCard>(api('GET', `/experiments/${id}/card`))).secondRater?.tookPart).toBe(false);
  });

  it('re-inviting replaces the link; another person’s experiment is not found', async () => {
    const id = await triaged();
    const first = await ok<NewSecondRaterLink>(api('POST', `/experiments/${id}/second-rater`, {}), 201);
    const second = await ok<NewSecondRaterLink>(api('POST', `/experiments/${id}/second-rater`, {}), 201);
    expect(second.token).not.toBe(first.token);
    expect((await api('GET', `/rate/${first.token}`)).status).toBe(404);
    expect((await ok<SecondRaterQueueView>(api('GET', `/rate/${second.token}`))).total).toBe(6);
    const other = { userId: 'other' };
    await expect(env.services.secondRater.status(other, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(env.services.secondRater.invite(other, id, {}, base)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await api('GET', '/experiments/nope/second-rater')).status).toBe(404);
    // Finishing needs every idea rated.
    expect((await api('POST', `/rate/${second.token}/finish`)).status).toBe(409);
  });
});
