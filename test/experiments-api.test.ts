/**
 * Self-experiments and pools over real HTTP: the built CLI runs `whet serve --port 0` on a temp
 * database with WHETSTONE_TEST_HOOKS=1, and the test moves the server's clock through
 * POST /api/v1/test/clock instead of waiting a week. Nothing is mocked.
 */
import { describe, expect, it } from 'vitest';
import type { ResultCard } from '../src/core/experiments/card.js';
import type { PoolReport, PoolSummary } from '../src/core/experiments/pool.js';
import type { RatingQueueView } from '../src/core/experiments/rating.js';
import { WEEK_VS_20_MINUTES } from '../src/core/experiments/templates.js';
import type { ExperimentView } from '../src/core/experiments/view.js';
import { IDEA_SOURCES, type Idea } from '../src/core/ideas.js';
import type { ExperimentReportView } from '../src/services/experiment.service.js';
import { DAY, HOUR, histogram, MIN, makeCard, PREDICTION, sum } from './support/experiments.js';
import { type ApiResponse, problemFields } from './support/http.js';
import { expectOk, expectProblem, servedApiPerFile } from './support/served-api.js';

const { request, get, post, advance } = servedApiPerFile('whet-experiments-api');

async function step(id: string, action: string): Promise<ExperimentView> {
  return expectOk(await post<ExperimentView>(`/experiments/${id}/steps`, { action }));
}

async function capture(text: string, source: string): Promise<Idea> {
  return expectOk(await post<Idea>('/ideas', { text, source }), 201);
}

async function activeExperiment(): Promise<ExperimentView | null> {
  return expectOk(await get<{ experiment: ExperimentView | null }>('/experiments/active')).experiment;
}

const flagship = (extra: Record<string, unknown> = {}) => ({
  templateId: WEEK_VS_20_MINUTES.id,
  prediction: PREDICTION,
  phases: { passive: { length: 1 } },
  start: true,
  ...extra,
});

// Texts free of anything the leak check looks for (phase words, sources, dates).
const PASSIVE = [
  ['Keep referee objections in one list', 2, 'noticed'],
  ['Read literature alerts once a week', 4, 'conversation'],
  ['Label freezer boxes by project', 1, 'review'],
] as const;
const FOCUSED = [
  ['Write the methods before the pilot', 5, 'session'],
  ['Pre-register the next analysis', 4, 'session'],
  ['Ask a colleague about the sampling plan', 3, 'noticed'],
  ['Automate the weekly plots', 2, 'session'],
] as const;
const VALUES = new Map<string, number>([...PASSIVE, ...FOCUSED].map(([text, value]) => [text, value]));

/** Things that would tell the rater where or when an idea came from. */
function revealing(ideas: readonly Idea[]): string[] {
  const phaseWords = WEEK_VS_20_MINUTES.phases.flatMap((p) => [p.key, p.label]);
  return [
    ...ideas.flatMap((i) => [i.id, i.createdAt, i.updatedAt]),
    ...phaseWords,
    ...IDEA_SOURCES,
    'phase',
    'source',
    'createdAt',
    'position',
    'ideaId',
  ];
}

/** A rating response: exactly total, rated, next; next exactly token and text; nothing revealing. */
function expectBlind(res: ApiResponse<RatingQueueView>, ideas: readonly Idea[]): RatingQueueView {
  const body = expectOk(res);
  expect(Object.keys(body).sort()).toEqual([
    'excluded',
    'next',
    'rated',
    'ratings',
    'stage',
    'total',
    'triage',
  ]);
  // Every idea shown — next, rated so far, in the triage — carries its text and token only (and
  // the rater's own value or reason).
  const shown = [
    ...(body.next ? [{ item: body.next, keys: ['text', 'token'] }] : []),
    ...body.ratings.map((item) => ({ item, keys: ['text', 'token', 'value'] })),
    ...body.triage.map((item) => ({ item, keys: ['excluded', 'text', 'token'] })),
  ];
  for (const { item, keys } of shown) {
    expect(Object.keys(item).sort()).toEqual(keys);
    expect(ideas.map((i) => i.id)).not.toContain(item.token);
    expect(ideas.map((i) => i.text)).toContain(item.text);
  }
  for (const word of revealing(ideas)) expect(res.text, `leaks ${word}`).not.toContain(word);
  expect(res.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  return body;
}

/** Runs a flagship experiment up to blind rating with `passive` and `focused` ideas; returns its id and ideas. */
async function runToRating(
  passive: readonly (readonly [string, number, string])[],
  focused: readonly (readonly [string, number, string])[],
): Promise<{ id: string; ideas: Idea[]; outside: Idea[] }> {
  const outside = [await capture('An idea from before the experiment', 'noticed')];
  await advance(MIN);
  const created = expectOk(await post<ExperimentView>('/experiments', flagship()), 201);
  const ideas: Idea[] = [];
  for (const [text, , source] of passive) {
    await advance(HOUR);
    ideas.push(await capture(text, source));
  }
  await advance(DAY);
  await step(created.id, 'startFocused');
  for (const [text, , source] of focused) {
    await advance(MIN);
    ideas.push(await capture(text, source));
  }
  await advance(MIN);
  await step(created.id, 'endFocused');
  outside.push(await capture('An idea after the session ended', 'session'));
  await advance(MIN);
  const rating = await step(created.id, 'startRating');
  expect(rating.state).toBe('rating');
  return { id: created.id, ideas, outside };
}

describe('self-experiments over HTTP with the test clock', () => {
  it('refuses bad starts with problem+json naming the field', async () => {
    const overlap = expectProblem(
      await post('/experiments', {
        ...flagship(),
        // The passive phase runs two days from now; the focused one would start after one.
        phases: {
          passive: { length: 2 },
          focused: { plannedStart: new Date(Date.now() + DAY).toISOString() },
        },
      }),
      422,
      ['phases.focused.plannedStart'],
    );
    expect(overlap.detail).toContain('overlaps the passive phase');
    expectProblem(
      await post('/experiments', flagship({ prediction: { ...PREDICTION, favoured: 'maybe' } })),
      422,
      ['prediction.favoured'],
    );
    expectProblem(await post('/experiments', flagship({ ratingDelayHours: 1000 })), 422, [
      'ratingDelayHours',
    ]);
    const notJson = await request('POST', '/experiments', {
      body: '{"templateId": "week-vs-20-minutes",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(notJson, 400);
    expectProblem(
      await request('POST', '/experiments', {
        body: 'templateId=x',
        headers: { 'content-type': 'text/plain' },
      }),
      400,
    );
    expectProblem(await get('/experiments/no-such-experiment'), 404);
    expect(await activeExperiment()).toBeNull();
  });

  it('runs the whole experiment: status headline, blind rating that leaks nothing, report, card, calendar', async () => {
    expect(await activeExperiment()).toBeNull();
    const before = await capture('An idea from before the experiment', 'noticed');
    await advance(MIN);

    const createRes = await post<ExperimentView>('/experiments', flagship());
    const created = expectOk(createRes, 201);
    expect(createRes.headers.get('location')).toBe(`/api/v1/experiments/${created.id}`);
    expect(created).toMatchObject({ state: 'passive', prediction: { lockedAt: expect.any(String) } });

    // The banner: which phase and how long is left.
    const banner = await activeExperiment();
    expect(banner?.id).toBe(created.id);
    expect(banner?.status.headline).toMatch(/^Experiment: A week of noticing — 2[34] hours left$/);
    expect(banner?.status.phaseKey).toBe('passive');

    // One at a time.
    const second = expectProblem(await post('/experiments', flagship()), 409, ['activeExperimentId']);
    expect(second.errors?.[0]).toEqual({ field: 'activeExperimentId', message: created.id });

    // The prediction is locked.
    expectProblem(
      await request('PUT', `/experiments/${created.id}/prediction`, {
        json: { text: 'Changed my mind', favoured: 'passive' },
      }),
      409,
    );
    expect(expectOk(await get<ExperimentView>(`/experiments/${created.id}`)).prediction).toEqual(
      created.prediction,
    );

    // A step the state does not allow names the allowed ones.
    const refused = expectProblem(await post(`/experiments/${created.id}/steps`, { action: 'report' }), 409, [
      'state',
    ]);
    expect(refused.detail).toContain('allowed next steps: startFocused, abandon');
    expectProblem(await post(`/experiments/${created.id}/steps`, { action: 'celebrate' }), 422, ['action']);
    // No rating yet.
    expectProblem(await get(`/experiments/${created.id}/rating`), 409, ['state']);

    // Blinding: a counted idea gets its value only in the blind queue, and a refused one is not stored.
    const valued = expectProblem(await post('/ideas', { text: 'Valued while noticing', value: 4 }), 409, [
      'value',
    ]);
    expect(valued.detail).toContain('blind rating');
    expect(expectOk(await get<{ items: Idea[] }>('/ideas')).items.map((i) => i.text)).toEqual([before.text]);

    const ideas: Idea[] = [];
    for (const [text, , source] of PASSIVE) {
      await advance(5 * HOUR);
      ideas.push(await capture(text, source));
    }
    expect(expectOk(await get<ExperimentView>(`/experiments/${created.id}`)).recorded).toEqual({
      passive: 3,
      focused: 0,
    });

    await advance(DAY);
    expect((await activeExperiment())?.status).toMatchObject({ due: true, nextStep: 'startFocused' });
    const focused = await step(created.id, 'startFocused');
    expect(focused.state).toBe('focused');
    expect((await activeExperiment())?.status.headline).toMatch(
      /^Experiment: One focused session — 20 minutes left$/,
    );
    // Rating before the focused phase has ended.
    expectProblem(await post(`/experiments/${created.id}/steps`, { action: 'startRating' }), 409, ['state']);

    for (const [text, , source] of FOCUSED) {
      await advance(2 * MIN);
      ideas.push(await capture(text, source));
    }
    await advance(MIN);
    await step(created.id, 'endFocused');
    const after = await capture('An idea after the session ended', 'noticed');
    await advance(MIN);
    const rating = await step(created.id, 'startRating');
    expect(rating).toMatchObject({ state: 'rating', recorded: { passive: 3, focused: 4 } });
    expect((await activeExperiment())?.status).toMatchObject({ nextStep: 'finishTriage' });

    // The blind triage: every idea, mixed, behind tokens; setting one aside and keeping it again.
    const everything = [...ideas, before, after];
    const triage = expectBlind(await get<RatingQueueView>(`/experiments/${created.id}/rating`), everything);
    expect(triage).toMatchObject({ stage: 'triage', total: 7, next: null });
    const firstToken = triage.triage[0]!.token;
    expectProblem(await post(`/experiments/${created.id}/triage`, { token: firstToken, excluded: '' }), 422, [
      'excluded',
    ]);
    const aside = expectBlind(
      await post<RatingQueueView>(`/experiments/${created.id}/triage`, {
        token: firstToken,
        excluded: 'Not an improvement idea',
      }),
      everything,
    );
    expect(aside).toMatchObject({ total: 6, excluded: 1 });
    expectOk(await post(`/experiments/${created.id}/triage`, { token: firstToken, excluded: null }));
    expectProblem(await post(`/experiments/${created.id}/rating`, { token: firstToken, value: 3 }), 409, [
      'triage',
    ]);
    await step(created.id, 'finishTriage');
    expect((await activeExperiment())?.status.headline).toBe('Experiment: blind rating in progress');

    // Blind rating: nothing in any response tells phase, source, time or id.
    let queue = expectBlind(await get<RatingQueueView>(`/experiments/${created.id}/rating`), everything);
    expect(queue).toMatchObject({ total: 7, rated: 0 });
    expect(expectBlind(await get<RatingQueueView>(`/experiments/${created.id}/rating`), everything)).toEqual(
      queue,
    );
    expectProblem(await post(`/experiments/${created.id}/rating`, { token: before.id, value: 3 }), 404);
    expectProblem(
      await post(`/experiments/${created.id}/rating`, { token: queue.next?.token, value: 6 }),
      422,
      ['value'],
    );
    expectProblem(
      await post(`/experiments/${created.id}/rating`, { token: queue.next?.token, value: 0 }),
      422,
      ['value'],
    );
    // Not while ideas are unrated, and no report yet.
    const early = expectProblem(await post(`/experiments/${created.id}/steps`, { action: 'report' }), 409, [
      'rating',
    ]);
    expect(early.detail).toContain('7 ideas are not rated');
    expectProblem(await get(`/experiments/${created.id}/report`), 409, ['state']);

    const shown: string[] = [];
    while (queue.next) {
      shown.push(queue.next.text);
      const value = VALUES.get(queue.next.text);
      expect(value, `${queue.next.text} is one of the phase ideas`).toBeDefined();
      const res = await post<RatingQueueView>(`/experiments/${created.id}/rating`, {
        token: queue.next.token,
        value,
      });
      const next = expectBlind(res, everything);
      expect(next.rated).toBe(queue.rated + 1);
      queue = next;
    }
    expect(queue).toMatchObject({ total: 7, rated: 7, next: null });
    // Until the rating is finished the last rating can be taken back, and given again.
    const undone = expectBlind(
      await post<RatingQueueView>(`/experiments/${created.id}/rating/undo`),
      everything,
    );
    expect(undone).toMatchObject({ rated: 6, next: { token: queue.ratings[0]!.token } });
    queue = expectBlind(
      await post<RatingQueueView>(`/experiments/${created.id}/rating`, {
        token: undone.next!.token,
        value: VALUES.get(undone.next!.text),
      }),
      everything,
    );
    expect(queue).toMatchObject({ rated: 7, next: null });
    expect([...shown].sort()).toEqual([...VALUES.keys()].sort());

    const reported = await step(created.id, 'report');
    expect(reported.state).toBe('reported');
    expect(await activeExperiment()).toBeNull();

    // The report adds up to exactly the ratings given.
    const report = expectOk(await get<ExperimentReportView>(`/experiments/${created.id}/report`));
    if (report.kind !== 'ideas') throw new Error('expected an ideas report');
    const passiveValues = PASSIVE.map(([, v]) => v);
    const focusedValues = FOCUSED.map(([, v]) => v);
    expect(report.phases.map((p) => [p.key, p.count, p.totalValue, p.highValueCount, p.ratings])).toEqual([
      ['passive', 3, sum(passiveValues), 1, histogram(passiveValues)],
      ['focused', 4, sum(focusedValues), 2, histogram(focusedValues)],
    ]);
    expect(report.phases[1].meanValue).toBe(3.5);
    expect(report.verdict).toMatchObject({ outcome: 'focused', predictionMatched: true });

    // The card downloads as a file, numbers only unless texts are asked for.
    const cardRes = await get<ResultCard>(`/experiments/${created.id}/card`);
    const card = expectOk(cardRes);
    expect(cardRes.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/);
    expect(JSON.parse(cardRes.text)).toEqual(card);
    expect(card).toMatchObject({ format: 'whetstone-result-card', version: 1, textsShared: false });
    expect(card.phases.map((p) => [p.key, p.count, p.valueSum])).toEqual([
      ['passive', 3, 7],
      ['focused', 4, 14],
    ]);
    for (const text of VALUES.keys()) expect(cardRes.text).not.toContain(text);
    const withTexts = expectOk(await get<ResultCard>(`/experiments/${created.id}/card?texts=1`));
    expect(withTexts.participant).toBe(card.participant);
    expect(withTexts.texts?.map((t) => t.text).sort()).toEqual([...VALUES.keys()].sort());
    expect(expectOk(await get<ResultCard>(`/experiments/${created.id}/card`))).toEqual(card);

    // The phases as calendar events.
    const ics = await get(`/experiments/${created.id}/calendar.ics`);
    expect(ics.status, ics.text).toBe(200);
    expect(ics.contentType).toMatch(/^text\/calendar\b/);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = ics.text.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(3);
    const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Whetstone experiment: A week of noticing (passive phase)');
    expect(unfolded).toContain('SUMMARY:Whetstone experiment: One focused session (focused phase)');
    expect(unfolded).toContain('SUMMARY:Whetstone experiment: Blind rating opens');
    const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(unfolded).toContain(`DTSTART:${compact(reported.phases[0].startedAt as string)}`);
    expect(unfolded).toContain(`DTEND:${compact(reported.phases[1].endedAt as string)}`);
    // Idea texts and the prediction stay out of calendars.
    for (const text of VALUES.keys()) expect(unfolded).not.toContain(text);
    expect(unfolded).not.toContain(PREDICTION.text);

    // The finished experiment can start a pool.
    const pool = expectOk(await post<PoolSummary>('/pools', { name: 'Retreat' }), 201);
    expect(expectOk(await post(`/pools/${pool.id}/cards`, { cards: [card] }))).toMatchObject({
      added: 1,
      alreadyInPool: 0,
      pool: { participants: 1 },
    });
  });

  it('two experiments with the same ideas show them in unrelated orders behind fresh tokens', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => [`Same idea ${i + 1}`, 3, 'noticed'] as const);
    const first = await runToRating(texts.slice(0, 4), texts.slice(4));
    const walk = async (id: string, ideas: Idea[]) => {
      const order: [string, string][] = [];
      await step(id, 'finishTriage');
      let queue = expectBlind(await get<RatingQueueView>(`/experiments/${id}/rating`), ideas);
      while (queue.next) {
        order.push([queue.next.text, queue.next.token]);
        queue = expectBlind(
          await post<RatingQueueView>(`/experiments/${id}/rating`, { token: queue.next.token, value: 3 }),
          ideas,
        );
      }
      await step(id, 'report');
      return order;
    };
    const firstOrder = await walk(first.id, [...first.ideas, ...first.outside]);
    const second = await runToRating(texts.slice(0, 4), texts.slice(4));
    const secondOrder = await walk(second.id, [...second.ideas, ...second.outside]);
    expect(firstOrder.map(([t]) => t).sort()).toEqual(texts.map(([t]) => t).sort());
    expect(secondOrder.map(([t]) => t).sort()).toEqual(texts.map(([t]) => t).sort());
    // 8! orders: the same order twice would mean the order is not shuffled per experiment.
    expect(secondOrder.map(([t]) => t)).not.toEqual(firstOrder.map(([t]) => t));
    const firstTokens = new Set(firstOrder.map(([, token]) => token));
    for (const [, token] of secondOrder) expect(firstTokens.has(token)).toBe(false);
  });

  it('pools: import, refuse tampered, truncated and impossible cards, report with caveats', async () => {
    const pool = expectOk(await post<PoolSummary>('/pools', { name: 'Coaching group' }), 201);
    const a = makeCard('api-participant-a', [2, 3], [4, 5]);
    const b = makeCard('api-participant-b', [1, 2], [2, 2]);
    expect(expectOk(await post(`/pools/${pool.id}/cards`, { cards: [a, b] }))).toMatchObject({
      added: 2,
      pool: { participants: 2 },
    });
    expect(expectOk(await post(`/pools/${pool.id}/cards`, { cards: [a] }))).toMatchObject({
      added: 0,
      alreadyInPool: 1,
      pool: { participants: 2 },
    });

    const fresh = makeCard('api-participant-c', [3], [4]);
    const tampered = structuredClone(fresh);
    tampered.phases[1].valueSum = 5;
    const truncatedText = JSON.stringify(fresh).slice(0, 120);
    const cases: [string, unknown, string][] = [
      ['tampered: value sum does not match the ratings', tampered, 'cards.0.phases.1.valueSum'],
      [
        'negative count',
        { ...fresh, phases: [{ ...fresh.phases[0], count: -1 }, fresh.phases[1]] },
        'cards.0.phases.0.count',
      ],
      [
        'value sum off the scale',
        { ...fresh, phases: [{ ...fresh.phases[0], valueSum: 6 }, fresh.phases[1]] },
        'cards.0.phases.0.valueSum',
      ],
      ['truncated: no phases', { ...fresh, phases: undefined }, 'cards.0.phases'],
      [
        'a different card from a participant in the pool',
        makeCard('api-participant-a', [5], [5]),
        'cards.0.participant',
      ],
      [
        'another template version',
        makeCard('api-participant-d', [3], [4], { templateVersion: 2 }),
        'cards.0',
      ],
      ['not a card at all', 'hello', 'cards.0'],
    ];
    for (const [what, card, field] of cases) {
      const problem = expectProblem(await post(`/pools/${pool.id}/cards`, { cards: [fresh, card] }), 422);
      const fields = problemFields(problem).map((f) => f.replace(/^cards\.1\b/, 'cards.0'));
      expect(fields, what).toContain(field);
    }
    // A card file cut off mid-way is not JSON at all.
    expectProblem(
      await request('POST', `/pools/${pool.id}/cards`, {
        body: `{"cards": [${truncatedText}`,
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    // All or nothing: the good card in each refused batch was not added.
    expect(expectOk(await get<PoolSummary>(`/pools/${pool.id}`)).participants).toBe(2);

    const report = expectOk(await get<PoolReport>(`/pools/${pool.id}/report`));
    expect(report.analysis).toMatchObject({ participants: 2, focusedWins: 2, passiveWins: 0 });
    expect(report.analysis.signTest).not.toHaveProperty('pValue');
    expect(report.analysis.wilcoxon).not.toHaveProperty('pValue');
    expect(report.analysis.caveats.length).toBeGreaterThanOrEqual(2);
    expect(report.analysis.caveats.join(' ')).toMatch(/no p-value is shown/);
    expectProblem(await get('/pools/no-such-pool/report'), 404);
    expectProblem(await post('/pools', { name: '' }), 422, ['name']);
  });

  it('lists the experiment, measurement and pool paths in the OpenAPI document', async () => {
    const doc = expectOk(await get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json'));
    for (const path of [
      '/experiment-templates',
      '/experiments',
      '/experiments/active',
      '/experiments/{id}',
      '/experiments/{id}/prediction',
      '/experiments/{id}/steps',
      '/experiments/{id}/rating',
      '/experiments/{id}/report',
      '/experiments/{id}/card',
      '/experiments/{id}/calendar.ics',
      '/measurements',
      '/pools',
      '/pools/{id}',
      '/pools/{id}/cards',
      '/pools/{id}/report',
    ])
      expect(Object.keys(doc.paths), path).toContain(path);
    expect(Object.keys(doc.paths['/experiments/{id}/rating'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(doc.paths['/pools/{id}/cards'] ?? {})).toContain('post');
  });
});
