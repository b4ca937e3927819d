import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AREAS } from '../src/core/areas.js';
import type { Backup, BackupData } from '../src/core/backup.js';
import type { Idea } from '../src/core/ideas.js';
import { createServices } from '../src/services/app.js';
import { backupChecksum } from '../src/services/backup.service.js';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { ensureUser } from '../src/services/user.service.js';
import {
  expectError,
  fieldsOf,
  listAll,
  OTHER,
  openEnv,
  search,
  snapshot,
  type TestEnv,
} from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

describe.each(ENGINES)('store and services on %s', (engine) => {
  let env: TestEnv;
  const extra: TestEnv[] = [];
  /** A second, fresh store of the same engine (for restores); cleaned up after the test. */
  const freshEnv = async (): Promise<TestEnv> => {
    const made = await openEnv(engine);
    extra.push(made);
    return made;
  };

  beforeEach(async () => {
    env = await openEnv(engine);
  });
  afterEach(async () => {
    for (const made of extra.splice(0)) await made.cleanup();
    await env.cleanup();
  });

  const capture = (text: string, fields: Record<string, unknown> = {}): Promise<Idea> =>
    env.services.ideas.capture(ME, { text, ...fields });

  describe('areas', () => {
    it('seeds the ten default areas once per user', async () => {
      await ensureUser(env.store, ME, 'Me', env.clock);
      const areas = await env.services.areas.list(ME, { includeArchived: true });
      expect(areas.map((a) => a.id).sort()).toEqual(DEFAULT_AREAS.map((a) => a.id).sort());
      expect(areas).toHaveLength(10);
      expect(areas.every((a) => a.isDefault && a.archivedAt === null && a.ideaCount === 0)).toBe(true);
      expect((await env.services.areas.get(ME, 'coding')).name).toBe('Coding');
    });

    it('refuses a second area with the same name in any case or spacing', async () => {
      const made = await env.services.areas.create(ME, { name: 'Grant writing', description: 'NSF' });
      expect(made).toMatchObject({ id: 'grant-writing', name: 'Grant writing', description: 'NSF' });
      expect(made.isDefault).toBe(false);
      const clash = await expectError(
        env.services.areas.create(ME, { name: '  grant   WRITING ' }),
        'conflict',
      );
      expect(fieldsOf(clash)).toEqual(['name']);
      await expectError(env.services.areas.create(ME, { name: 'CODING' }), 'conflict');
      await expectError(env.services.areas.update(ME, 'grant-writing', { name: 'coding' }), 'conflict');
      expect(await env.services.areas.list(ME, { includeArchived: true })).toHaveLength(11);
    });

    it('keeps an area in use (conflict on delete) but lets it be archived', async () => {
      const idea = await capture('Pair on the parser', { areaId: 'coding' });
      const error = await expectError(env.services.areas.remove(ME, 'coding'), 'conflict');
      expect(fieldsOf(error)).toEqual(['id']);
      expect(error.message).toContain('has 1 idea;');
      expect((await env.services.areas.get(ME, 'coding')).ideaCount).toBe(1);

      const archived = await env.services.areas.update(ME, 'coding', { archived: true });
      expect(archived.archivedAt).not.toBeNull();
      expect((await env.services.areas.list(ME)).map((a) => a.id)).not.toContain('coding');
      const all = await env.services.areas.list(ME, { includeArchived: true });
      expect(all.find((a) => a.id === 'coding')).toMatchObject({ ideaCount: 1 });
      expect((await env.services.ideas.get(ME, idea.id)).areaId).toBe('coding');
    });

    it('deletes an unused area', async () => {
      await env.services.areas.create(ME, { name: 'Grant writing' });
      await env.services.areas.remove(ME, 'grant-writing');
      await env.services.areas.remove(ME, 'energy');
      await expectError(env.services.areas.get(ME, 'grant-writing'), 'not_found');
      const ids = (await env.services.areas.list(ME, { includeArchived: true })).map((a) => a.id);
      expect(ids).not.toContain('grant-writing');
      expect(ids).not.toContain('energy');
      expect(ids).toHaveLength(9);
    });

    it('refuses to file ideas under an archived area until it is restored', async () => {
      const idea = await capture('Write 200 words a day');
      await env.services.areas.update(ME, 'writing', { archived: true });
      const error = await expectError(capture('Outline first', { areaId: 'writing' }), 'validation');
      expect(fieldsOf(error)).toEqual(['areaId']);
      await expectError(env.services.ideas.update(ME, idea.id, { areaId: 'writing' }), 'validation');
      expect(await listAll(env.services)).toHaveLength(1);

      await env.services.areas.update(ME, 'writing', { archived: false });
      expect((await capture('Outline first', { areaId: 'writing' })).areaId).toBe('writing');
    });
  });

  describe('ideas', () => {
    it('captures an idea and reads back every field', async () => {
      const input = {
        text: '  Block two hours every morning for writing  ',
        areaId: 'writing',
        source: 'session',
        value: 4,
        effort: 'M',
        context: 'drafting the grant',
      };
      const made = await env.services.ideas.capture(ME, input);
      expect(made).toEqual({
        id: made.id,
        text: 'Block two hours every morning for writing',
        areaId: 'writing',
        source: 'session',
        status: 'new',
        value: 4,
        effort: 'M',
        context: 'drafting the grant',
        createdAt: made.createdAt,
        updatedAt: made.createdAt,
        statusChangedAt: made.createdAt,
        sessionId: null,
        questionId: null,
      });
      expect(made.id).toMatch(/^[0-9a-z]{10}$/);
      expect(Date.parse(made.createdAt)).toBeGreaterThan(Date.parse('2026-03-02T09:00:00.000Z'));
      expect(await env.services.ideas.get(ME, made.id)).toEqual(made);
      expect(await listAll(env.services)).toEqual([made]);

      const bare = await capture('Just a thought');
      expect(await env.services.ideas.get(ME, bare.id)).toMatchObject({
        areaId: null,
        source: 'noticed',
        value: null,
        effort: null,
        context: null,
      });
    });

    it('lists newest first and pages through every idea exactly once', async () => {
      const made: Idea[] = [];
      for (let n = 0; n < 25; n++) made.push(await capture(`Idea number ${n}`));
      const pages = [];
      let cursor: string | null = null;
      do {
        const page = await env.services.ideas.list(ME, cursor ? { limit: 10, cursor } : { limit: 10 });
        pages.push(page.items.map((i) => i.text));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
      expect(pages.flat()).toEqual(made.map((i) => i.text).reverse());
    });

    it('pages correctly when many ideas share one timestamp', async () => {
      const frozen = createServices(env.store, { clock: () => new Date('2026-03-01T12:00:00.000Z') });
      const ids = new Set<string>();
      for (let n = 0; n < 13; n++) ids.add((await frozen.ideas.capture(ME, { text: `Tie ${n}` })).id);
      const later = await capture('Later one');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await env.services.ideas.list(ME, cursor ? { limit: 4, cursor } : { limit: 4 });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen[0]).toBe(later.id);
      expect(seen.slice(1)).toEqual([...ids].sort().reverse());
    });

    it('filters by area, status, source and since', async () => {
      const a = await capture('Read abstracts first', { areaId: 'reading', source: 'conversation' });
      const b = await capture('Skim related work', { areaId: 'reading' });
      const c = await capture('Write tests first', { areaId: 'coding', source: 'review' });
      const d = await capture('No area at all', { source: 'conversation' });
      await env.services.ideas.update(ME, b.id, { status: 'planned' });
      const texts = async (query: Record<string, string>) =>
        (await listAll(env.services, query)).map((i) => i.text);

      expect(await texts({ area: 'reading' })).toEqual([b.text, a.text]);
      expect(await texts({ status: 'planned' })).toEqual([b.text]);
      expect(await texts({ status: 'new' })).toEqual([d.text, c.text, a.text]);
      expect(await texts({ source: 'conversation' })).toEqual([d.text, a.text]);
      expect(await texts({ area: 'reading', source: 'conversation' })).toEqual([a.text]);
      expect(await texts({ since: c.createdAt })).toEqual([d.text, c.text]);
      expect(await texts({ since: '2030-01-01T00:00:00Z' })).toEqual([]);
      expect(await texts({ area: 'writing' })).toEqual([]);
    });

    it('moves along the legal lifecycle and refuses illegal jumps', async () => {
      const idea = await capture('Weekly review on Fridays');
      const planned = await env.services.ideas.update(ME, idea.id, { status: 'planned' });
      expect(planned.statusChangedAt > idea.statusChangedAt).toBe(true);
      const edited = await env.services.ideas.update(ME, idea.id, {
        text: 'Weekly review on Fridays, 30 min',
      });
      expect(edited.statusChangedAt).toBe(planned.statusChangedAt);
      expect(edited.updatedAt > planned.updatedAt).toBe(true);
      await env.services.ideas.update(ME, idea.id, { status: 'trying' });
      const adopted = await env.services.ideas.update(ME, idea.id, { status: 'adopted' });
      expect(await env.services.ideas.get(ME, idea.id)).toEqual(adopted);
      expect(adopted.status).toBe('adopted');

      const fresh = await capture('Another idea');
      const error = await expectError(
        env.services.ideas.update(ME, fresh.id, { status: 'adopted' }),
        'illegal_transition',
      );
      expect(fieldsOf(error)).toEqual(['status']);
      expect(await env.services.ideas.get(ME, fresh.id)).toEqual(fresh);
    });

    it('rejects out-of-range values and unknown fields, naming the fields', async () => {
      for (const value of [0, 6, 2.5]) {
        const error = await expectError(capture('Rate me', { value }), 'validation');
        expect(fieldsOf(error)).toEqual(['value']);
      }
      const unknown = await expectError(capture('Colourful', { colour: 'red' }), 'validation');
      expect(fieldsOf(unknown)).toEqual(['colour']);
      const several = await expectError(
        env.services.ideas.capture(ME, { text: '   ', value: 9, effort: 'XL' }),
        'validation',
      );
      expect(fieldsOf(several).sort()).toEqual(['effort', 'text', 'value']);
      expect(await listAll(env.services)).toEqual([]);

      const idea = await capture('Valid');
      const bad = await expectError(
        env.services.ideas.update(ME, idea.id, { value: 7, owner: 'x' }),
        'validation',
      );
      expect(fieldsOf(bad).sort()).toEqual(['owner', 'value']);
      expect(await env.services.ideas.get(ME, idea.id)).toEqual(idea);
    });

    it("keeps each user's ideas to that user", async () => {
      const mine = await capture('My private idea', { areaId: 'coding' });
      await ensureUser(env.store, OTHER, 'Other', env.clock);
      const theirs = env.services;
      expect(await listAll(theirs, {}, OTHER)).toEqual([]);
      expect(await listAll(theirs, { q: 'private' }, OTHER)).toEqual([]);
      await expectError(theirs.ideas.get(OTHER, mine.id), 'not_found');
      await expectError(theirs.ideas.update(OTHER, mine.id, { text: 'hijacked' }), 'not_found');
      await expectError(theirs.ideas.remove(OTHER, mine.id), 'not_found');
      expect((await theirs.areas.get(OTHER, 'coding')).ideaCount).toBe(0);
      expect((await snapshot(theirs, OTHER)).ideas).toEqual([]);

      await theirs.ideas.capture(OTHER, { text: 'Their idea' });
      await theirs.areas.update(OTHER, 'coding', { archived: true });
      expect(await env.services.ideas.get(ME, mine.id)).toEqual(mine);
      expect((await listAll(env.services)).map((i) => i.id)).toEqual([mine.id]);
      expect((await env.services.areas.get(ME, 'coding')).archivedAt).toBeNull();
    });
  });

  describe('search', () => {
    beforeEach(async () => {
      await capture('Protect mornings for deep work');
      await capture('Working with a co-author weekly');
      await capture('Read one paper before lunch', { context: 'thesis chapter two' });
      await capture('Deep reading sessions on Fridays');
    });

    it('matches word prefixes, stems, and requires every term', async () => {
      expect(await search(env.services, 'morn')).toEqual(['Protect mornings for deep work']);
      expect(await search(env.services, 'MORNING')).toEqual(['Protect mornings for deep work']);
      expect(await search(env.services, 'working')).toEqual([
        'Protect mornings for deep work',
        'Working with a co-author weekly',
      ]);
      expect(await search(env.services, 'deep work')).toEqual(['Protect mornings for deep work']);
      expect(await search(env.services, 'deep lunch')).toEqual([]);
      expect(await search(env.services, 'thesis')).toEqual(['Read one paper before lunch']);
      expect(await search(env.services, 'orning')).toEqual([]);
    });

    it('treats query punctuation as plain text', async () => {
      const deep = ['Deep reading sessions on Fridays', 'Protect mornings for deep work'];
      for (const q of ['deep*', '"deep" (', 'deep:* |', "deep'", '-deep', '(deep) & !', '{deep}: ^']) {
        expect(await search(env.services, q), q).toEqual(deep);
      }
      expect(await search(env.services, '"deep" & (work)')).toEqual(['Protect mornings for deep work']);
      // Must not raise a syntax error. `or` is an ordinary term here (see the stop-word test).
      const odd = await search(env.services, '"deep" OR (');
      expect(odd.every((t) => /deep/i.test(t))).toBe(true);
      // Nothing but punctuation: no terms, so no search filter at all.
      expect(await search(env.services, '"(*)"')).toHaveLength(4);
    });

    it('follows edits and deletes', async () => {
      const idea = await capture('Try a pomodoro timer');
      expect(await search(env.services, 'pomodoro')).toEqual(['Try a pomodoro timer']);
      await env.services.ideas.update(ME, idea.id, { text: 'Try timeboxing' });
      expect(await search(env.services, 'pomodoro')).toEqual([]);
      expect(await search(env.services, 'timeboxing')).toEqual(['Try timeboxing']);
      await env.services.ideas.update(ME, idea.id, { context: 'grant deadline' });
      expect(await search(env.services, 'deadline')).toEqual(['Try timeboxing']);
      await env.services.ideas.update(ME, idea.id, { status: 'planned' });
      expect(await search(env.services, 'timeboxing deadline')).toEqual(['Try timeboxing']);
      await env.services.ideas.remove(ME, idea.id);
      expect(await search(env.services, 'timeboxing')).toEqual([]);
      expect(await search(env.services, 'deadline')).toEqual([]);
    });
  });

  describe('backup', () => {
    /** A varied account: renamed, archived and user-made areas; every field and status in use. */
    async function populate(target: TestEnv): Promise<void> {
      const s = target.services;
      await s.areas.create(ME, { name: 'Grant writing', description: 'NSF and ERC' });
      await s.areas.update(ME, 'coding', { name: 'Software craft', description: 'tests, tools' });
      await s.ideas.capture(ME, { text: 'Sleep before 23:00', areaId: 'energy', value: 5, effort: 'L' });
      await s.areas.update(ME, 'energy', { archived: true });
      const a = await s.ideas.capture(ME, {
        text: 'Draft aims page first',
        areaId: 'grant-writing',
        source: 'conversation',
        context: 'talk with PI',
      });
      await s.ideas.update(ME, a.id, { status: 'planned', value: 3 });
      await s.ideas.capture(ME, { text: 'Line one\nline two, "quoted" — ünïcode', effort: 'S' });
      const b = await s.ideas.capture(ME, {
        text: 'Property-based tests',
        areaId: 'coding',
        source: 'review',
      });
      await s.ideas.update(ME, b.id, { status: 'dropped' });
    }

    const exportJson = async (target: TestEnv): Promise<string> =>
      (await target.services.backup.export(ME, 'json')).body;

    it('restores into a fresh store exactly as exported', async () => {
      await populate(env);
      const before = await snapshot(env.services);
      expect(before.ideas).toHaveLength(4);
      expect(before.areas).toHaveLength(11);
      const restored = await freshEnv();
      const summary = await restored.services.backup.import(ME, await exportJson(env));
      expect(summary.ideas).toEqual({ created: 4, updated: 0, unchanged: 0 });
      expect(summary.areas.created).toBe(1);
      expect(await snapshot(restored.services)).toEqual(before);
      expect(await search(restored.services, 'aims')).toEqual(['Draft aims page first']);
    });

    it('changes nothing when the same backup is imported again', async () => {
      await populate(env);
      const json = await exportJson(env);
      const restored = await freshEnv();
      await restored.services.backup.import(ME, json);
      const after = await snapshot(restored.services);
      const again = await restored.services.backup.import(ME, json);
      expect(again).toEqual({
        areas: { created: 0, updated: 0, unchanged: 11 },
        ideas: { created: 0, updated: 0, unchanged: 4 },
        sessions: { created: 0, updated: 0, unchanged: 0 },
        decks: { created: 0, updated: 0, unchanged: 0 },
        experiments: { created: 0, updated: 0, unchanged: 0 },
        measurements: { created: 0, updated: 0, unchanged: 0 },
        pools: { created: 0, updated: 0, unchanged: 0 },
        plans: { created: 0, updated: 0, unchanged: 0 },
        exercises: { created: 0, updated: 0, unchanged: 0 },
        practice: { created: 0, updated: 0, unchanged: 0 },
        interruptions: { created: 0, updated: 0, unchanged: 0 },
        reviews: { created: 0, updated: 0, unchanged: 0 },
      });
      expect(await snapshot(restored.services)).toEqual(after);
      const self = await env.services.backup.import(ME, json);
      expect(self.ideas).toEqual({ created: 0, updated: 0, unchanged: 4 });
    });

    it('keeps a newer local edit over an older backup', async () => {
      const idea = await capture('Original text');
      const json = await exportJson(env);
      const edited = await env.services.ideas.update(ME, idea.id, { text: 'Edited after the backup' });
      const summary = await env.services.backup.import(ME, json);
      expect(summary.ideas).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(await env.services.ideas.get(ME, idea.id)).toEqual(edited);
    });

    it('refuses a tampered backup and writes nothing', async () => {
      await populate(env);
      const backup = JSON.parse(await exportJson(env)) as Backup;
      const first = backup.data.ideas[0];
      if (!first) throw new Error('populate made no ideas');
      first.text = 'Edited by hand';
      const target = await freshEnv();
      const before = await snapshot(target.services);
      const error = await expectError(
        target.services.backup.import(ME, JSON.stringify(backup)),
        'invalid_backup',
      );
      expect(error.message).toMatch(/checksum/);
      expect(await snapshot(target.services)).toEqual(before);
      expect(before.ideas).toEqual([]);
    });

    it('refuses a truncated file', async () => {
      await populate(env);
      const json = await exportJson(env);
      const target = await freshEnv();
      await expectError(
        target.services.backup.import(ME, json.slice(0, Math.floor(json.length / 2))),
        'invalid_backup',
      );
      await expectError(target.services.backup.import(ME, ''), 'invalid_backup');
      expect((await snapshot(target.services)).ideas).toEqual([]);
    });

    it('rolls back an import that fails half-way', async () => {
      await populate(env);
      await ensureUser(env.store, OTHER, 'Other', env.clock);
      const theirs = await env.services.ideas.capture(OTHER, { text: 'Belongs to someone else' });
      const mine = await snapshot(env.services);
      const others = await snapshot(env.services, OTHER);
      const template = mine.ideas[0];
      if (!template) throw new Error('populate made no ideas');
      const data: BackupData = {
        areas: [
          ...mine.areas.map((a) => (a.id === 'writing' ? { ...a, name: 'Renamed by import' } : a)),
          {
            id: 'from-import',
            name: 'From import',
            description: null,
            isDefault: false,
            archivedAt: null,
            createdAt: template.createdAt,
          },
        ],
        ideas: [
          { ...template, id: 'newidea0001', text: 'Would be created first', areaId: 'from-import' },
          { ...template, id: theirs.id, text: 'Claims a foreign id' },
        ],
      };
      const backup: Backup = {
        format: 'whetstone-backup',
        version: 1,
        exportedAt: '2026-03-02T10:00:00.000Z',
        checksum: backupChecksum(data),
        data,
      };
      await expectError(env.services.backup.import(ME, JSON.stringify(backup)), 'conflict');
      expect(await snapshot(env.services)).toEqual(mine);
      expect(await snapshot(env.services, OTHER)).toEqual(others);
      await expectError(env.services.ideas.get(ME, 'newidea0001'), 'not_found');
    });
  });

  /** Cases where the two engines once disagreed, or where backups from other tools differ. */
  describe('search and import edge cases', () => {
    // PostgreSQL's English configuration drops stop words ("over", "on", "the", "or"); every term
    // must still match as a word prefix, as it does on SQLite.
    it('treats stop words as word prefixes too', async () => {
      await capture('Overcommitting less');
      await capture('Online courses');
      await capture('Theory reading group');
      await capture('Organise deep reading notes');
      await capture('Protect mornings for deep work');
      expect(await search(env.services, 'over')).toEqual(['Overcommitting less']);
      expect(await search(env.services, 'on')).toEqual(['Online courses']);
      expect(await search(env.services, 'the')).toEqual(['Theory reading group']);
      expect(await search(env.services, 'deep or')).toEqual(['Organise deep reading notes']);
    });

    // SQLite's index folds diacritics (remove_diacritics 2); PostgreSQL must too (whet_fold).
    it('ignores accents in search', async () => {
      await capture('Café meetings');
      await capture('cafe hours');
      expect(await search(env.services, 'cafe')).toEqual(['Café meetings', 'cafe hours']);
      expect(await search(env.services, 'café')).toEqual(['Café meetings', 'cafe hours']);
    });

    /** A valid backup (e.g. from another tool) whose timestamps have no milliseconds. */
    const wholeSecondBackup = (): string => {
      const at = (time: string) => ({ createdAt: time, updatedAt: time, statusChangedAt: time });
      const base = {
        areaId: null,
        source: 'imported',
        status: 'new',
        value: null,
        effort: null,
        context: null,
        sessionId: null,
        questionId: null,
      } as const;
      const data: BackupData = {
        areas: [],
        ideas: [
          { ...base, id: 'aaaa0001', text: 'At the full second', ...at('2026-01-05T10:00:00Z') },
          { ...base, id: 'aaaa0002', text: 'Half a second later', ...at('2026-01-05T10:00:00.500Z') },
        ],
      };
      const backup: Backup = {
        format: 'whetstone-backup',
        version: 1,
        exportedAt: '2026-01-06T00:00:00Z',
        checksum: backupChecksum(data),
        data,
      };
      return JSON.stringify(backup);
    };

    // A backup may write "...00Z" where the store keeps "...00.000Z": re-importing must still see
    // the ideas as unchanged.
    it('re-imports a whole-second backup without changes', async () => {
      const json = wholeSecondBackup();
      await env.services.backup.import(ME, json);
      const again = await env.services.backup.import(ME, json);
      expect(again.ideas).toEqual({ created: 0, updated: 0, unchanged: 2 });
    });

    // Data-loss guard: a local edit at 10:00:00.400Z is newer than the backup's 10:00:00Z, although
    // "...00.400Z" < "...00Z" as text; times are compared as times.
    it('keeps a newer local edit over an older whole-second backup', async () => {
      const json = wholeSecondBackup();
      await env.services.backup.import(ME, json);
      const later = createServices(env.store, { clock: () => new Date('2026-01-05T10:00:00.400Z') });
      const edited = await later.ideas.update(ME, 'aaaa0001', { text: 'Edited locally' });
      await env.services.backup.import(ME, json);
      expect(await env.services.ideas.get(ME, 'aaaa0001')).toEqual(edited);
    });

    // SQLite orders and filters timestamps as text, so imported ones must be stored in the one
    // canonical form: otherwise "10:00:00Z" sorts after "10:00:00.500Z" ('Z' > '.').
    it('orders and filters imported whole-second timestamps by time', async () => {
      await env.services.backup.import(ME, wholeSecondBackup());
      const listed = await listAll(env.services);
      expect(listed.map((i) => i.id)).toEqual(['aaaa0002', 'aaaa0001']);
      const since = await listAll(env.services, { since: '2026-01-05T10:00:00.100Z' });
      expect(since.map((i) => i.id)).toEqual(['aaaa0002']);
    });
  });
});
