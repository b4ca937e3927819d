import { afterEach, describe, expect, it } from 'vitest';
import { backupChecksum } from '../src/services/backup.service.js';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { openEnv, steppingClock, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

const DECK_YAML = `name: Writing check-in
questions:
  - id: stuck
    stage: opening
    areas: [writing]
    text: Where did your last draft get stuck?
  - id: reader
    stage: planning
    areas: []
    text: Who could read your next draft this week?
`;

describe.each(ENGINES)('backups with sessions and decks on %s', (engine) => {
  const envs: TestEnv[] = [];
  afterEach(async () => {
    for (const env of envs.splice(0)) await env.cleanup();
  });
  const open = async () => {
    const env = await openEnv(engine, steppingClock());
    envs.push(env);
    return env;
  };

  it('round-trips sessions, their questions, ideas and own decks exactly, and only once', async () => {
    const a = await open();
    const deck = await a.services.decks.importFile(ME, DECK_YAML, 'writing.yaml');
    const done = await a.services.sessions.start(ME, { minutes: 10, deckId: deck.id });
    const idea = await a.services.sessions.capture(ME, done.id, { text: 'Send the draft to Ana on Friday' });
    await a.services.sessions.next(ME, done.id);
    await a.services.sessions.end(ME, done.id);
    await a.services.sessions.rate(ME, done.id, idea.id, { value: 4 });
    await a.services.sessions.complete(ME, done.id, { note: 'short but useful' });
    const open2 = await a.services.sessions.start(ME, { minutes: 5 });
    await a.services.sessions.capture(ME, open2.id, { text: 'Read one methods section a day' });
    await a.services.sessions.pause(ME, open2.id);

    const backup = await a.services.backup.createBackup(ME);
    expect(backup.data.sessions).toHaveLength(2);
    expect(backup.data.decks?.map((d) => d.id)).toEqual([deck.id]);
    expect(backup.data.sessions?.[0]?.questions.map((q) => q.questionId)).toEqual(['stuck', 'reader']);

    const b = await open();
    const first = await b.services.backup.import(ME, JSON.stringify(backup));
    expect(first.sessions).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.decks).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const restored = await b.services.backup.createBackup(ME);
    expect(restored.data).toEqual(backup.data);

    const again = await b.services.backup.import(ME, JSON.stringify(backup));
    expect(again.sessions).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.decks).toEqual({ created: 0, updated: 0, unchanged: 1 });
    // The paused session is active again on the new machine, with its idea and question.
    const active = await b.services.sessions.active(ME);
    expect(active?.id).toBe(open2.id);
    expect(active?.ideas.map((i) => i.text)).toEqual(['Read one methods section a day']);
  });

  it('refuses to bring in an active session while another one is active here', async () => {
    const a = await open();
    const there = await a.services.sessions.start(ME, {});
    const backup = await a.services.backup.createBackup(ME);
    const b = await open();
    const here = await b.services.sessions.start(ME, {});
    await expect(b.services.backup.import(ME, JSON.stringify(backup))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await b.services.sessions.active(ME))?.id).toBe(here.id);
    expect((await b.services.sessions.list(ME)).map((s) => s.id)).not.toContain(there.id);
  });
});

describe.each(ENGINES)('editing an own deck by re-importing it on %s', (engine) => {
  it('replaces the deck with --replace, and refuses a silent overwrite without it', async () => {
    const env = await openEnv(engine, steppingClock());
    try {
      const deck = await env.services.decks.importFile(ME, DECK_YAML, 'writing.yaml');
      const edited = (await env.services.decks.export(ME, deck.id, 'yaml')).replace(
        'Where did your last draft get stuck?',
        'Where did your last draft stall, and why?',
      );
      await expect(env.services.decks.importFile(ME, edited, 'writing.yaml')).rejects.toMatchObject({
        code: 'conflict',
      });
      const replaced = await env.services.decks.importFile(ME, edited, 'writing.yaml', { replace: true });
      expect(replaced.questions[0]?.text).toBe('Where did your last draft stall, and why?');
      expect(replaced.createdAt).toBe(deck.createdAt);
      expect((await env.services.decks.list(ME)).filter((d) => !d.builtin)).toHaveLength(1);
    } finally {
      await env.cleanup();
    }
  });
});

describe('backups written before focused sessions', () => {
  it('still import: ideas without session links get none', async () => {
    const env = await openEnv('sqlite', steppingClock());
    try {
      const idea = await env.services.ideas.capture(ME, { text: 'An idea from an early version' });
      const backup = await env.services.backup.createBackup(ME);
      const { sessions: _s, decks: _d, ...older } = backup.data;
      const ideas = older.ideas.map(({ sessionId: _sid, questionId: _qid, ...rest }) => rest);
      const data = { ...older, ideas };
      const file = { ...backup, data, checksum: backupChecksum(data as never) };
      await env.services.ideas.remove(ME, idea.id);
      const summary = await env.services.backup.import(ME, JSON.stringify(file));
      expect(summary.ideas.created).toBe(1);
      expect(await env.services.ideas.get(ME, idea.id)).toMatchObject({ sessionId: null, questionId: null });
    } finally {
      await env.cleanup();
    }
  });
});
