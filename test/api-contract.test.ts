/**
 * The response contract over real HTTP: one walk through every operation of
 * `/api/v1/openapi.json` on a real `whet serve`, seeding data through the API itself (an idea
 * experiment through to its report, a measurement experiment, a pool with cards, plans with
 * practice and reviews, a session, a deck, calendar feeds…), so each answer is a non-trivial body.
 * Every answer is checked against the document (see support/contract.ts); an operation of the
 * document that the walk does not call fails the last test, so a new route needs a contract check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_VS_CHANGE, WEEK_VS_20_MINUTES } from '../src/core/experiments/templates.js';
import { addDays, weekOf } from '../src/core/time-zone.js';
import {
  type Answer,
  type Contract,
  contract,
  type OpenApiDocument,
  operationsOf,
} from './support/contract.js';
import { DAY, HOUR, MIN, makeCard, PREDICTION } from './support/experiments.js';
import { expectOk, servedApiPerFile } from './support/served-api.js';

const served = servedApiPerFile('whet-api-contract');
let doc: OpenApiDocument;
let api: Contract;

beforeAll(async () => {
  doc = expectOk(await served.get<OpenApiDocument>('/openapi.json'));
  api = contract(doc, { api: served.api, site: served.api.replace(/\/api\/v1$/, '') });
});

type Body = Record<string, unknown> & { id: string };
/** Calls the operation `METHOD /template` at `path` (default: the template itself), checked. */
async function call(op: string, path?: string, json?: unknown): Promise<Answer> {
  const [method, template] = op.split(' ') as [string, string];
  return api.call(method, template, path ?? template, json === undefined ? {} : { json });
}
async function ok(op: string, path?: string, json?: unknown, status = 200): Promise<Body> {
  const answer = await call(op, path, json);
  expect(answer.status, answer.text).toBe(status);
  return answer.body as Body;
}
const created = (op: string, path?: string, json?: unknown) => ok(op, path, json, 201);
const today = async () => (await served.advance(0)).slice(0, 10);

describe('every response matches the OpenAPI document', () => {
  it('health, settings, areas and ideas', async () => {
    await ok('GET /health');
    expect(await ok('GET /me')).toMatchObject({ mode: 'solo', organisation: null, roles: [] });
    expect(await ok('GET /auth/status')).toEqual({ mode: 'solo', setupRequired: false });
    await ok('PUT /settings', undefined, { timeZone: 'UTC' });
    expect(await ok('GET /settings')).toEqual({ timeZone: 'UTC', timeZoneSource: 'chosen' });
    const area = await created('POST /areas', undefined, { name: 'Contract writing' });
    await ok('GET /areas/{id}', `/areas/${area.id}`);
    await ok('PATCH /areas/{id}', `/areas/${area.id}`, { description: 'Grant text' });
    const spare = await created('POST /areas', undefined, { name: 'Spare area' });
    expect((await call('DELETE /areas/{id}', `/areas/${spare.id}`)).status).toBe(204);
    await ok('GET /areas', '/areas?includeArchived=true');
    for (const text of ['Outline before drafting', 'Read one paper a day', 'Ask for feedback early'])
      await created('POST /ideas', undefined, { text, areaId: area.id, value: 3, effort: 'S' });
    const page = await ok('GET /ideas', '/ideas?limit=2');
    expect(page.nextCursor).toEqual(expect.any(String));
    const first = (page.items as Body[])[0]!;
    await ok('GET /ideas/{id}', `/ideas/${first.id}`);
    await ok('PATCH /ideas/{id}', `/ideas/${first.id}`, { status: 'planned' });
    const gone = await created('POST /ideas', undefined, { text: 'A passing thought' });
    expect((await call('DELETE /ideas/{id}', `/ideas/${gone.id}`)).status).toBe(204);
    // Problems are checked against Problem like any other answer.
    expect((await call('GET /ideas/{id}', '/ideas/nosuchidea')).status).toBe(404);
    expect((await call('POST /ideas', undefined, { text: '' })).status).toBe(422);
    expect((await api.call('POST', '/ideas', '/ideas', { body: '{not json' })).status).toBe(400);
    expect((await call('GET /ideas', '/ideas?limit=0')).status).toBe(422);
  });

  it('decks and a focused session from start to rating', async () => {
    const question = (id: string) => ({
      id,
      text: `What would make ${id} easier this week?`,
      areas: [],
      stage: 'exploring',
    });
    const deck = await created('POST /decks', undefined, {
      id: 'contract-deck',
      name: 'Contract deck',
      questions: [question('q-one'), question('q-two'), question('q-three')],
    });
    await ok('GET /decks/{id}', `/decks/${deck.id}`);
    await ok('PUT /decks/{id}', `/decks/${deck.id}`, {
      name: 'Contract deck, revised',
      questions: [question('q-one'), question('q-two'), question('q-three')],
    });
    const yaml =
      'id: imported-deck\nname: Imported\nquestions:\n  - id: q-imp\n    text: Which step of your week would you drop first?\n    areas: []\n    stage: opening\n';
    const imported = await created('POST /decks/import', undefined, {
      fileName: 'imported.yaml',
      text: yaml,
    });
    for (const format of ['yaml', 'json'])
      expect((await call('GET /decks/{id}/export', `/decks/${deck.id}/export?format=${format}`)).status).toBe(
        200,
      );
    expect((await call('DELETE /decks/{id}', `/decks/${imported.id}`)).status).toBe(204);
    expect(
      (
        await call('PUT /decks/{id}', '/decks/getting-better-at-research', {
          name: 'Mine',
          questions: [question('q-one')],
        })
      ).status,
    ).toBe(409);
    await ok('GET /decks');

    const session = await created('POST /sessions', undefined, { minutes: 20, deckId: deck.id });
    const at = (step: string) => `/sessions/${session.id}/${step}`;
    expect((await ok('GET /sessions/active')).session).not.toBeNull();
    await ok('GET /sessions/{id}', `/sessions/${session.id}`);
    for (const step of ['pause', 'resume', 'next', 'skip', 'back'])
      await ok(`POST /sessions/{id}/${step}`, at(step));
    await ok('POST /sessions/{id}/add-time', at('add-time'), { minutes: 5 });
    const idea = await created('POST /sessions/{id}/ideas', at('ideas'), {
      text: 'Draft the abstract first',
    });
    expect((await call('POST /sessions/{id}/pause', at('pause'))).status).toBe(200);
    await ok('POST /sessions/{id}/end', at('end'));
    await ok('PATCH /sessions/{id}/ideas/{ideaId}', `${at('ideas')}/${idea.id}`, {
      value: 4,
      effort: 'S',
    });
    await ok('POST /sessions/{id}/complete', at('complete'), { note: 'Useful' });
    expect((await call('POST /sessions/{id}/pause', at('pause'))).status).toBe(409);
    await ok('GET /sessions');
    await ok('GET /questions/stats');
  });

  it('an idea experiment through to its report and card, a measurement experiment, a pool', async () => {
    await ok('GET /experiment-templates');
    const experiment = await created('POST /experiments', undefined, {
      templateId: WEEK_VS_20_MINUTES.id,
      prediction: { text: 'Focused time wins', favoured: 'passive' },
      phases: { passive: { length: 1 } },
    });
    const at = (rest: string) => `/experiments/${experiment.id}${rest}`;
    await ok('PUT /experiments/{id}/prediction', at('/prediction'), PREDICTION);
    const step = (action: string) => ok('POST /experiments/{id}/steps', at('/steps'), { action });
    await step('lockPrediction');
    await step('startPassive');
    expect((await ok('GET /experiments/active')).experiment).not.toBeNull();
    for (const text of ['Keep a list of objections', 'Batch email twice a day', 'Review notes on Fridays']) {
      await served.advance(HOUR);
      await created('POST /ideas', undefined, { text });
    }
    await served.advance(DAY);
    await step('startFocused');
    for (const text of [
      'Write methods before the pilot',
      'Pre-register the analysis',
      'Automate the plots',
    ]) {
      await served.advance(MIN);
      await created('POST /ideas', undefined, { text });
    }
    await served.advance(MIN);
    await step('endFocused');
    await served.advance(MIN);
    await step('startRating');
    let queue = await ok('GET /experiments/{id}/rating', at('/rating'));
    const triaged = (queue.triage as Body[])[0] as Body;
    await ok('POST /experiments/{id}/triage', at('/triage'), {
      token: triaged.token,
      excluded: 'A duplicate',
    });
    await step('finishTriage');
    // A second, blind rater through a link.
    const invited = await ok(
      'POST /experiments/{id}/second-rater',
      at('/second-rater'),
      { name: 'Cora' },
      201,
    );
    const rate = (rest = '') => `/rate/${invited.token as string}${rest}`;
    let theirs = await ok('GET /rate/{token}', rate());
    for (let value = 2; theirs.next; value = (value % 5) + 1)
      theirs = await ok('POST /rate/{token}/ratings', rate('/ratings'), {
        token: (theirs.next as Body).token,
        value,
      });
    theirs = await ok('POST /rate/{token}/undo', rate('/undo'));
    await ok('POST /rate/{token}/ratings', rate('/ratings'), {
      token: (theirs.next as Body).token,
      value: 3,
    });
    await ok('POST /rate/{token}/finish', rate('/finish'));
    expect((await ok('GET /experiments/{id}/second-rater', at('/second-rater'))).invitation).not.toBeNull();
    queue = await ok('GET /experiments/{id}/rating', at('/rating'));
    for (let value = 1; queue.next; value = (value % 5) + 1)
      queue = await ok('POST /experiments/{id}/rating', at('/rating'), {
        token: (queue.next as Body).token,
        value,
      });
    queue = await ok('POST /experiments/{id}/rating/undo', at('/rating/undo'));
    await ok('POST /experiments/{id}/rating', at('/rating'), { token: (queue.next as Body).token, value: 2 });
    expect((await call('GET /experiments/{id}/report', at('/report'))).status).toBe(409);
    await step('report');
    expect((await ok('GET /experiments/{id}/report', at('/report'))).kind).toBe('ideas');
    const card = await ok('GET /experiments/{id}/card', at('/card'));
    await ok('GET /experiments/{id}/card', at('/card?texts=1'));
    await ok('DELETE /experiments/{id}/second-rater', at('/second-rater'));
    expect((await call('GET /rate/{token}', rate())).status).toBe(404);
    expect((await call('GET /experiments/{id}/calendar.ics', at('/calendar.ics'))).status).toBe(200);
    await ok('GET /experiments/{id}', at(''));
    expect((await call('GET /experiments/{id}', '/experiments/nosuch')).status).toBe(404);

    const measured = await created('POST /experiments', undefined, {
      templateId: BASELINE_VS_CHANGE.id,
      prediction: { text: 'Fewer interruptions with the door shut', favoured: 'focused' },
      measurement: { name: 'interruptions', unit: 'per day', better: 'lower' },
      phases: { baseline: { length: 1 }, change: { length: 1 } },
      start: true,
    });
    const log = async (value: number) => {
      await served.advance(2 * HOUR);
      await created('POST /measurements', undefined, { name: 'interruptions', value });
    };
    for (const value of [7, 6, 8]) await log(value);
    await served.advance(DAY);
    await ok('POST /experiments/{id}/steps', `/experiments/${measured.id}/steps`, { action: 'startFocused' });
    for (const value of [3, 4, 2]) await log(value);
    await ok('POST /experiments/{id}/steps', `/experiments/${measured.id}/steps`, { action: 'endFocused' });
    await ok('POST /experiments/{id}/steps', `/experiments/${measured.id}/steps`, { action: 'startRating' });
    expect((await ok('GET /experiments/{id}/report', `/experiments/${measured.id}/report`)).kind).toBe(
      'measurement',
    );
    await ok('GET /measurements', '/measurements?name=interruptions');
    await ok('GET /experiments');
    expect((await ok('GET /experiments/active')).experiment).toBeNull();

    const pool = await created('POST /pools', undefined, { name: 'Lab group' });
    const cards = [
      card,
      makeCard('participant-b', [2, 3], [4, 5, 3]),
      makeCard('participant-c', [3, 3, 2], [2, 4]),
    ];
    expect((await ok('POST /pools/{id}/cards', `/pools/${pool.id}/cards`, { cards })).added).toBe(3);
    expect(
      (await call('POST /pools/{id}/cards', `/pools/${pool.id}/cards`, { cards: [{ format: 'nope' }] }))
        .status,
    ).toBe(422);
    await ok('GET /pools/{id}', `/pools/${pool.id}`);
    await ok('GET /pools/{id}/report', `/pools/${pool.id}/report`);
    await ok('GET /pools');
  });

  it('plans with practice, interruptions, reviews, the dashboard and calendar feeds', async () => {
    const day = await today();
    await ok('GET /sub-skills');
    const library = await ok('GET /exercises', '/exercises?subSkill=reading');
    const own = await created('POST /exercises', undefined, {
      subSkill: 'reading',
      title: 'Skim three abstracts',
      instructions: 'Read only the abstracts and note one question each.',
    });
    const idea = await created('POST /ideas', undefined, { text: 'Summarise a paper a week' });
    const plan = (title: string, extra: Record<string, unknown> = {}) =>
      created('POST /plans', undefined, {
        title,
        kind: 'practice',
        subSkill: 'reading',
        exerciseId: (library.items as Body[])[0]!.id,
        nextAction: 'Pick the paper',
        cadence: '3x30/week',
        successSignal: 'A summary in under an hour',
        reviewOn: addDays(day, 7),
        ...extra,
      });
    const practice = await plan('Summarise one paper a week', { ideaIds: [idea.id] });
    const process = await plan('Shut the door mornings', {
      kind: 'process',
      cadence: null,
      exerciseId: own.id,
    });
    const weekly = await plan('Plan the week on Mondays', {
      kind: 'process',
      cadence: null,
      exerciseId: null,
    });
    const at = (id: string, rest = '') => `/plans/${id}${rest}`;
    await ok('PATCH /plans/{id}', at(practice.id), { nextAction: 'Pick the shortest paper' });
    const block = await created('POST /practice', undefined, {
      planId: practice.id,
      minutes: 30,
      difficulty: 3,
      note: 'Hard going',
    });
    const extra = await created('POST /practice', undefined, { minutes: 15 });
    expect((await call('DELETE /practice/{id}', `/practice/${extra.id}`)).status).toBe(204);
    await ok('GET /practice', `/practice?planId=${practice.id}`);
    await created('POST /interruptions', undefined, { reason: 'Slack', durationMinutes: 5 });
    const bare = await created('POST /interruptions');
    await ok('GET /interruptions');
    expect((await call('DELETE /interruptions/{id}', `/interruptions/${bare.id}`)).status).toBe(204);
    await ok('POST /plans/{id}/steps', at(process.id, '/steps'), { action: 'startReview' });
    await ok('POST /plans/{id}/steps', at(process.id, '/steps'), { action: 'cancelReview' });
    const prompts = await ok('GET /reviews/prompts');
    const answers = [{ promptId: (prompts.plan as Body[])[0]!.id, text: 'It happened twice' }];
    expect(
      (await ok('POST /plans/{id}/review', at(process.id, '/review'), { answers, decision: 'adjust' })).state,
    ).toBe('adjusted');
    await ok('POST /plans/{id}/resume', at(process.id, '/resume'), { reviewOn: addDays(day, 14) });
    expect(
      (await call('POST /plans/{id}/resume', at(process.id, '/resume'), { reviewOn: addDays(day, 14) }))
        .status,
    ).toBe(409);
    await ok('POST /plans/{id}/review', at(practice.id, '/review'), { decision: 'keep' });
    await ok('GET /plans/{id}', at(practice.id));
    await ok('GET /plans', `/plans?ideaId=${idea.id}`);
    await ok('GET /plans', '/plans?state=all');
    expect((await call('GET /plans/{id}', '/plans/nosuchplan')).status).toBe(404);
    expect((await call('POST /plans', undefined, { kind: 'sideways' })).status).toBe(422);

    expect((await ok('GET /reviews/weekly')).summary).toBeDefined();
    const weekAnswers = [
      { promptId: ((await ok('GET /reviews/prompts')).weekly as Body[])[0]!.id, text: 'Mornings worked' },
    ];
    await created('POST /reviews/weekly', undefined, {
      weekOf: weekOf(day),
      answers: weekAnswers,
      decisions: [{ planId: weekly.id, decision: 'drop', note: 'Not needed' }],
    });
    expect((await ok('GET /reviews/weekly', `/reviews/weekly?week=${day}`)).review).not.toBeNull();
    await ok('GET /reviews');
    await ok('GET /dashboard');
    await ok('GET /dashboard', '/dashboard?weeks=4');
    expect(block.planId).toBe(practice.id);

    expect((await call('GET /calendar.ics')).status).toBe(200);
    const feed = await created('POST /calendar/feeds');
    const spare = await created('POST /calendar/feeds');
    expect((await ok('GET /calendar/feeds')).items).toHaveLength(2);
    expect((await call('GET /feeds/{token}.ics', `/feeds/${feed.token}.ics`)).status).toBe(200);
    expect((await call('DELETE /calendar/feeds/{id}', `/calendar/feeds/${spare.id}`)).status).toBe(204);
    expect((await call('GET /feeds/{token}.ics', `/feeds/${spare.token}.ics`)).status).toBe(404);
  });

  it('events, export and import', async () => {
    expect((await call('GET /events')).text).toContain('event: ready');
    for (const format of ['md', 'csv'])
      expect((await call('GET /export', `/export?format=${format}`)).status).toBe(200);
    const backup = await ok('GET /export', '/export?format=json');
    expect((await call('GET /export', '/export?format=pdf')).status).toBe(422);
    const summary = await ok('POST /import', undefined, backup);
    expect(summary.ideas).toMatchObject({ created: 0 });
    const dry = await ok('POST /import', '/import?dryRun=true', backup);
    expect(dry.ideas).toMatchObject({ created: 0 });
  });

  it('the look-ups of the terminal: ids from prefixes, areas from names, ideas from a file', async () => {
    const idea = await created('POST /ideas', undefined, { text: 'Look me up by a prefix' });
    const found = await ok('GET /ids', `/ids?kind=idea&prefix=${idea.id.slice(0, 6)}`);
    expect(found).toEqual({ id: idea.id });
    expect((await call('GET /ids', '/ids?kind=plan&prefix=zzzzzz')).status).toBe(404);
    expect((await call('GET /ids', '/ids?kind=idea&prefix=ab')).status).toBe(422);
    expect(await ok('GET /areas/resolve', '/areas/resolve?name=contract%20WRITING')).toEqual({
      id: expect.any(String),
    });
    expect((await call('GET /areas/resolve', '/areas/resolve?name=nowhere')).status).toBe(422);
    const text = '- Write the methods first #contract-writing\n- Batch email twice a day\n';
    const dryRun = await ok('POST /ideas/import', undefined, { format: 'md', text, dryRun: true });
    expect(dryRun).toMatchObject({ dryRun: true, alreadyThere: 0 });
    expect((await ok('POST /ideas/import', undefined, { format: 'md', text })).created).toHaveLength(2);
    expect((await call('POST /ideas/import', undefined, { format: 'pdf', text })).status).toBe(422);
  });

  it('called every operation of the document, each with a successful answer', () => {
    const unanswered = operationsOf(doc).filter(
      (op) => ![...(api.exercised.get(op) ?? [])].some((status) => status >= 200 && status < 300),
    );
    expect(unanswered).toEqual([]);
  });
});
