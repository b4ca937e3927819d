/**
 * The conversation room over real HTTP on a real `whet serve --team`, on each engine: a member
 * books a coach, and both open the room. The coach moves the guide and both see the question; both
 * type into the shared notes at the same moment (two Yjs documents, as two browsers hold them) and
 * both typings survive in both copies and on the server; the other's change reaches a person's
 * live stream; either may propose ideas, only the researcher decides, and only accepted ideas
 * enter the researcher's log, with source "conversation". The coach's notes and the coded culture
 * answer stay the coach's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BookingConfirmation, SlotList } from '../src/core/coaching/booking.js';
import type { ClientList, GuideStatList } from '../src/core/coaching/clients.js';
import type {
  ConversationIdea,
  ConversationList,
  ConversationRoom,
  NoteUpdates,
} from '../src/core/coaching/conversation.js';
import type { Idea } from '../src/core/ideas.js';
import { ENGINES } from './harness/stores.js';
import { cliEnv } from './support/cli.js';
import { conversationType, everyDay } from './support/coaching.js';
import { type Contract, contract, type OpenApiDocument } from './support/contract.js';
import type { ApiResponse, CallOptions } from './support/http.js';
import { recipientOf } from './support/invitations.js';
import { type Mailbox, startMailbox, waitForMail } from './support/mailbox.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
  teamDatabase,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

/** A person's copy of the shared notes, as the room page keeps it. */
class NotesCopy {
  readonly doc = new Y.Doc();
  seq = 0;
  private pending: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') this.pending.push(update);
    });
  }

  type(text: string): void {
    const notes = this.doc.getText('notes');
    notes.insert(notes.length, text);
  }

  /** The local edits since the last call, as one base64 update. */
  takeUpdate(): string {
    const update = Y.mergeUpdates(this.pending);
    this.pending = [];
    return Buffer.from(update).toString('base64');
  }

  apply(updates: NoteUpdates): void {
    for (const { seq, update } of updates.updates) {
      Y.applyUpdate(this.doc, Buffer.from(update, 'base64'), 'server');
      this.seq = seq;
    }
  }

  text(): string {
    return this.doc.getText('notes').toString();
  }
}

describe.each(ENGINES)('the conversation room on %s', (engine) => {
  let server: TeamServer;
  let mailbox: Mailbox;
  let drop: () => Promise<void> = async () => {};
  let coach: TeamClient;
  let rhea: TeamClient;
  let otto: TeamClient;
  let api: Contract;
  let id = '';

  async function send<T>(
    client: TeamClient,
    method: string,
    template: string,
    options: CallOptions = {},
    params: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    let path = template.replace('{id}', id);
    for (const [name, value] of Object.entries(params)) path = path.replace(`{${name}}`, value);
    const res = await client.call<T>(method, path, options);
    api.check(method, template, res);
    return res;
  }
  const room = async (client: TeamClient) => {
    const res = await send<ConversationRoom>(client, 'GET', '/conversations/{id}');
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const pull = async (client: TeamClient, copy: NotesCopy) =>
    copy.apply((await send<NoteUpdates>(client, 'GET', `/conversations/{id}/notes`, {}, {})).body);

  beforeAll(async () => {
    assertCliBuilt();
    const root = dirs.make(`whet-room-${engine}`);
    const database = await teamDatabase(engine, root);
    drop = database.drop;
    mailbox = await startMailbox();
    server = await startTeamServer({
      db: database.db,
      env: cliEnv({
        XDG_DATA_HOME: join(root, 'xdg'),
        HOME: root,
        WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        WHETSTONE_TEST_HOOKS: '1',
      }),
    });
    const admin = await setUpOrganisation(server);
    coach = await inviteAndJoin(
      admin,
      { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' },
      ['coach'],
    );
    rhea = await inviteAndJoin(admin, {
      name: 'Rhea Researcher',
      email: 'rhea@example.org',
      password: 'rhea has ideas',
    });
    otto = await inviteAndJoin(admin, {
      name: 'Otto Other',
      email: 'otto@example.org',
      password: 'otto is curious',
    });
    api = contract((await coach.call<OpenApiDocument>('GET', '/openapi.json')).body, {
      api: server.api,
      site: server.url,
    });
    await coach.call('PUT', '/coach/profile', {
      json: { handle: 'cora', displayName: 'Cora Coach', introduction: '', timeZone: 'Europe/Berlin' },
    });
    await coach.call('PUT', '/coach/availability', { json: everyDay('00:00', '24:00') });
    await coach.call('POST', '/coach/types', { json: conversationType({ horizonDays: 14 }) });
    const visitor = new TeamClient(server, 'visitor');
    const slots = await visitor.call<SlotList>('GET', '/public/book/cora/debug/slots?timeZone=UTC');
    // Rhea books with her account's address, so the booking is hers.
    const booked = await visitor.call<BookingConfirmation>('POST', '/public/book/cora/debug/bookings', {
      json: {
        start: slots.body.days[1]?.slots[0]?.start,
        name: 'Rhea Researcher',
        email: 'rhea@example.org',
        timeZone: 'UTC',
        answers: {},
      },
    });
    expect(booked.status, booked.text).toBe(201);
    const list = await coach.call<{ items: { id: string }[] }>('GET', '/coach/bookings');
    id = list.body.items[0]?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.close();
    await drop();
  });

  it('is open to its coach and its researcher only, each with their own view', async () => {
    const asCoach = await room(coach);
    const asResearcher = await room(rhea);
    expect([asCoach.role, asResearcher.role]).toEqual(['coach', 'researcher']);
    expect(asCoach.guide.questions.length).toBeGreaterThan(5);
    expect(asCoach.guide.questions.every((q) => q.text.trim().endsWith('?'))).toBe(true);
    expect((await send(otto, 'GET', '/conversations/{id}')).status).toBe(404);
    expect((await send(new TeamClient(server), 'GET', '/conversations/{id}')).status).toBe(401);
    expect((await send(coach, 'GET', '/conversations/{id}', {}, {})).status).toBe(200);
  });

  it('lets the coach move the guide and keep private notes; both see the question', async () => {
    const question = (await room(coach)).guide.questions[0]?.id ?? '';
    const moved = await send<ConversationRoom>(coach, 'PUT', '/conversations/{id}/guide', {
      json: { questionId: question },
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await room(rhea)).guide.currentQuestionId).toBe(question);
    expect(
      (await send(rhea, 'PUT', '/conversations/{id}/guide', { json: { questionId: null } })).status,
    ).toBe(403);
    expect(
      (await send(coach, 'PUT', '/conversations/{id}/guide', { json: { questionId: 'nope' } })).status,
    ).toBe(422);

    const saved = await send(coach, 'PUT', '/conversations/{id}/coach-notes', {
      json: { text: 'Seems to avoid drafting.' },
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await room(coach)).coachNotes).toBe('Seems to avoid drafting.');
    const theirs = await room(rhea);
    expect(theirs.coachNotes).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('avoid drafting');
    expect((await send(rhea, 'PUT', '/conversations/{id}/coach-notes', { json: { text: 'x' } })).status).toBe(
      403,
    );
  });

  it('merges two people typing at once in the shared notes, and tells the other one live', async () => {
    const mine = new NotesCopy();
    const theirs = new NotesCopy();
    await pull(coach, mine);
    await pull(rhea, theirs);
    const events = await liveStream(server, rhea);
    // Both type before either has seen the other's words.
    mine.type('Coach: what slowed you down this week? ');
    theirs.type('Researcher: the literature search. ');
    const [a, b] = await Promise.all([
      send<{ seq: number }>(coach, 'POST', '/conversations/{id}/notes', {
        json: { update: mine.takeUpdate() },
      }),
      send<{ seq: number }>(rhea, 'POST', '/conversations/{id}/notes', {
        json: { update: theirs.takeUpdate() },
      }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    await events.changed();
    events.close();
    await pull(coach, mine);
    await pull(rhea, theirs);
    expect(mine.text()).toBe(theirs.text());
    for (const copy of [mine, theirs]) {
      expect(copy.text()).toContain('Coach: what slowed you down this week?');
      expect(copy.text()).toContain('Researcher: the literature search.');
    }
    expect((await room(rhea)).sharedNotes.text).toBe(mine.text());
    const garbage = await send(rhea, 'POST', '/conversations/{id}/notes', {
      json: { update: Buffer.from('plain words, not an update').toString('base64') },
    });
    expect(garbage.status).toBe(422);
  });

  it('puts only the ideas the researcher accepts into their log', async () => {
    const propose = (client: TeamClient, text: string) =>
      send<ConversationIdea>(client, 'POST', '/conversations/{id}/ideas', { json: { text } });
    const fromCoach = (await propose(coach, 'Block two mornings a week for writing')).body;
    const fromRhea = (await propose(rhea, 'Read abstracts before whole papers')).body;
    expect([fromCoach.proposedBy, fromRhea.proposedBy]).toEqual(['coach', 'researcher']);
    expect(fromCoach.guideQuestionId).not.toBeNull();
    const decide = (client: TeamClient, idea: ConversationIdea, verb: 'accept' | 'reject') =>
      send<ConversationIdea>(
        client,
        'POST',
        `/conversations/{id}/ideas/{ideaId}/${verb}`,
        {},
        { ideaId: idea.id },
      );
    // The coach cannot write into the researcher's log, not even an idea of the researcher's.
    expect((await decide(coach, fromRhea, 'accept')).status).toBe(403);
    const accepted = await decide(rhea, fromCoach, 'accept');
    expect(accepted.status, accepted.text).toBe(200);
    expect((await decide(rhea, fromRhea, 'reject')).body.status).toBe('rejected');
    expect((await decide(rhea, fromCoach, 'accept')).status).toBe(409);
    const log = (await rhea.call<{ items: Idea[] }>('GET', '/ideas')).body.items;
    const texts = log.map((idea) => idea.text);
    expect(texts).toContain('Block two mornings a week for writing');
    expect(texts).not.toContain('Read abstracts before whole papers');
    const entered = log.find((idea) => idea.id === accepted.body.ideaId);
    expect(entered?.source).toBe('conversation');
    // Nothing entered the coach's own log.
    const coachLog = (await coach.call<{ items: Idea[] }>('GET', '/ideas')).body.items;
    expect(coachLog.map((idea) => idea.text)).not.toContain('Block two mornings a week for writing');
  });

  it('records the coded culture answer for the coach only', async () => {
    const coded = await send(coach, 'PUT', '/conversations/{id}/culture', {
      json: { answer: 'just-do-the-work', note: 'Said it twice' },
    });
    expect(coded.status, coded.text).toBe(200);
    expect((await room(coach)).culture).toEqual({ answer: 'just-do-the-work', note: 'Said it twice' });
    expect((await room(rhea)).culture).toBeNull();
    expect(
      (await send(rhea, 'PUT', '/conversations/{id}/culture', { json: { answer: 'no-answer' } })).status,
    ).toBe(403);
    expect(
      (await send(coach, 'PUT', '/conversations/{id}/culture', { json: { answer: 'shrug' } })).status,
    ).toBe(422);
  });

  it('ends with a summary to both and a follow-up to book; exports Markdown for each of them', async () => {
    const accepted = (await room(rhea)).ideas.find((idea) => idea.status === 'accepted');
    const plan = await rhea.call('POST', '/plans', {
      json: {
        title: 'Writing mornings',
        kind: 'process',
        ideaIds: [accepted?.ideaId],
        nextAction: 'Block Tuesday and Thursday',
        successSignal: 'Two drafts a month',
        reviewOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(plan.status, plan.text).toBe(201);
    const offered = (
      await new TeamClient(server).call<SlotList>('GET', '/public/book/cora/debug/slots?timeZone=UTC')
    ).body.days[5]?.slots[0]?.start;
    const wrong = await send(coach, 'PUT', '/conversations/{id}/follow-up', {
      json: { typeSlug: 'nope', starts: [] },
    });
    expect(wrong.status).toBe(422);
    expect((await send(rhea, 'POST', '/conversations/{id}/end', { json: {} })).status).toBe(403);
    const before = mailbox.received.length;
    const ended = await send<ConversationRoom>(coach, 'POST', '/conversations/{id}/end', {
      json: { followUp: { typeSlug: 'debug', starts: [offered], note: 'In about three weeks?' } },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body.endedAt).not.toBeNull();
    expect(ended.body.followUp).toMatchObject({
      typeSlug: 'debug',
      bookUrl: `${server.origin}/book/cora/debug`,
      starts: [offered],
      note: 'In about three weeks?',
    });
    const summaries = (await waitForMail(mailbox, before + 2)).slice(before);
    expect(summaries.map(recipientOf).sort()).toEqual(['cora@example.org', 'rhea@example.org']);
    const toRhea = summaries.find((mail) => recipientOf(mail) === 'rhea@example.org');
    expect(toRhea?.subject).toBe('Summary: Debugging conversation with Cora Coach');
    for (const words of [
      'Block two mornings a week for writing',
      'Writing mornings',
      'Researcher: the literature search.',
      `${server.origin}/book/cora/debug`,
    ])
      expect(toRhea?.text).toContain(words);
    expect(toRhea?.text).not.toContain('Read abstracts before whole papers');
    expect(toRhea?.text).not.toContain('avoid drafting');
    // Ending again sends nothing more.
    await send(coach, 'POST', '/conversations/{id}/end');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.length).toBe(before + 2);

    const exported = await send(rhea, 'GET', '/conversations/{id}/export.md');
    expect(exported.contentType).toMatch(/^text\/markdown/);
    expect(exported.headers.get('content-disposition')).toContain('.md');
    expect(exported.text).toMatch(
      /^---\ntitle: "Debugging conversation with Cora Coach"\ndate: \d{4}-\d{2}-\d{2}\n/,
    );
    expect(exported.text).toContain('- [x] Block two mornings a week for writing');
    expect(exported.text).toContain('- [ ] Read abstracts before whole papers _(not taken up)_');
    expect(exported.text).toContain('## Plans\n\n- Writing mornings');
    expect(exported.text).not.toContain('avoid drafting');
    const coachCopy = await send(coach, 'GET', '/conversations/{id}/export.md');
    expect(coachCopy.text).toContain('Seems to avoid drafting.');
    expect(coachCopy.text).toContain('“Just do the work and keep your eyes open” — Said it twice');
  });

  it('lists each person’s conversations, as coach or as researcher', async () => {
    const list = async (client: TeamClient) =>
      (await send<ConversationList>(client, 'GET', '/conversations')).body.items;
    expect((await list(coach)).map((c) => [c.bookingId, c.role, c.with, c.ideasAccepted])).toEqual([
      [id, 'coach', 'Rhea Researcher', 1],
    ]);
    expect((await list(rhea)).map((c) => [c.bookingId, c.role, c.with])).toEqual([
      [id, 'researcher', 'Cora Coach'],
    ]);
    expect(await list(otto)).toEqual([]);
  });

  it('shows the coach the guide’s yield and, two weeks after the last conversation, a follow-up due', async () => {
    const stats = (await send<GuideStatList>(coach, 'GET', '/coach/guide-stats')).body.items;
    const first = stats[0];
    expect([first?.shown, first?.ideas, first?.accepted, first?.planned, first?.adopted]).toEqual([
      1, 2, 1, 1, 0,
    ]);
    expect(stats.slice(1).every((s) => s.shown === 0 && s.ideas === 0)).toBe(true);
    const clients = async () => (await send<ClientList>(coach, 'GET', '/coach/clients')).body.items;
    const before = await clients();
    expect(
      before.map((c) => [c.name, c.past, c.upcoming, c.followUpDue, c.ideasAccepted, c.ideasPlanned]),
    ).toEqual([['Rhea Researcher', 0, 1, false, 1, 1]]);
    expect((await send(rhea, 'GET', '/coach/clients')).status).toBe(403);
    // Three weeks on, the conversation is past and nothing else is booked: a follow-up is due.
    await coach.call('POST', '/test/clock', { json: { advanceMs: 21 * 86_400_000 } });
    const after = await clients();
    expect(after.map((c) => [c.past, c.upcoming, c.followUpDue])).toEqual([[1, 0, true]]);
    expect(after[0]?.dueSince).not.toBeNull();
  });
});

/** A person's `/events` stream, resolved when a `changed` event arrives. */
async function liveStream(server: TeamServer, client: TeamClient) {
  const abort = new AbortController();
  const res = await fetch(`${server.api}/events`, {
    headers: { cookie: client.cookieHeader() },
    signal: abort.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  const read = async (pattern: RegExp) => {
    while (!pattern.test(seen)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before ${pattern}`);
      seen += decoder.decode(value);
    }
  };
  await read(/event: ready/);
  return {
    changed: () => read(/event: changed/),
    close: () => abort.abort(),
  };
}
