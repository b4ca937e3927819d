/**
 * Plans and deliberate practice in the CLI, end to end: the real built `whet` against a temp
 * SQLite file, its clock set to a known Monday noon (UTC) through the test hooks. An idea becomes
 * a plan, practice makes it "trying", a kept review adopts it; bad input changes nothing.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Idea } from '../src/core/ideas.js';
import type { Dashboard } from '../src/core/plans/dashboard.js';
import type { Exercise } from '../src/core/plans/exercises.js';
import type { Interruption } from '../src/core/plans/interruptions.js';
import type { PracticeLog } from '../src/core/plans/practice.js';
import type { PlanView } from '../src/services/plan.service.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';
import { WhetLab } from './support/whet-lab.js';

const dirs = tempDirs();
beforeAll(() => assertCliBuilt());
afterAll(() => dirs.cleanup());

/** A Monday, so a new 3x30/week plan expects the whole week's 90 minutes. */
const MONDAY_NOON = '2026-03-02T12:00:00Z';

async function capture(lab: WhetLab, text: string): Promise<Idea> {
  return lab.json<Idea>(['idea', text, '--area', 'reading']);
}

function planArgs(ideaRef: string, ...extra: string[]): string[] {
  return [
    'plan',
    'create',
    '--from',
    ideaRef,
    '--title',
    'Summarise one paper a week',
    '--kind',
    'practice',
    '--sub-skill',
    'reading',
    '--next',
    'Pick this week’s paper',
    '--signal',
    'A summary in under an hour',
    ...extra,
  ];
}

describe('from an idea to an adopted change', () => {
  const lab = new WhetLab(dirs, MONDAY_NOON);
  let idea: Idea;
  let plan: PlanView;

  it('whet plan create --from PREFIX makes a plan and the idea planned', async () => {
    idea = await capture(lab, 'Read papers deliberately instead of skimming');
    const exercise = 'reading-one-page-summary';
    plan = await lab.json<PlanView>(
      planArgs(idea.id.slice(0, 6), '--cadence', '3x30/week', '--review-in', '2w', '--exercise', exercise),
    );
    expect(plan).toMatchObject({
      state: 'active',
      ideaIds: [idea.id],
      reviewOn: '2026-03-16',
      exerciseId: exercise,
    });
    expect(plan.cadenceText).toBe('3 × 30 min a week');
    expect((await lab.json<Idea>(['idea', 'show', idea.id])).status).toBe('planned');

    const text = await lab.ok(['plan', 'list']);
    expect(text.stdout).toContain(plan.id);
    expect(text.stdout).toContain('Summarise one paper a week');
  });

  it('whet practice 30 --plan logs a block, says the week against the cadence, and the idea is trying', async () => {
    const result = await lab.ok([
      'practice',
      '30',
      '--plan',
      plan.id.slice(0, 5),
      '--difficulty',
      '4',
      '--note',
      'slow on the methods section',
    ]);
    expect(result.stdout).toBe(
      'logged 30 min, difficulty 4 (hard) for "Summarise one paper a week": 30 of 90 min this week (3 × 30 min a week)\n',
    );
    expect((await lab.json<Idea>(['idea', 'show', idea.id])).status).toBe('trying');

    const logs = await lab.json<PracticeLog[]>(['practice', 'list', '--plan', plan.id]);
    expect(logs).toMatchObject([
      { planId: plan.id, minutes: 30, difficulty: 4, note: 'slow on the methods section' },
    ]);

    const shown = await lab.ok(['plan', 'show', plan.id]);
    expect(shown.stdout).toContain('this week  30 of 90 min (3 × 30 min a week)');
    expect(shown.stdout).toMatch(new RegExp(`${idea.id}\\s+trying`));
  });

  it('whet plan review --decision keep adopts the idea; the review is kept with its answer', async () => {
    const result = await lab.ok([
      'plan',
      'review',
      plan.id,
      '--decision',
      'keep',
      '--answer',
      'signal=Two summaries took under an hour',
      '--note',
      'worth keeping',
    ]);
    expect(result.stdout).toBe(`Kept "Summarise one paper a week". Ideas: ${idea.id} adopted.\n`);
    expect((await lab.json<Idea>(['idea', 'show', idea.id])).status).toBe('adopted');
    const kept = await lab.json<PlanView>(['plan', 'show', plan.id]);
    expect(kept.state).toBe('kept');
    expect(kept.reviews).toMatchObject([
      {
        decision: 'keep',
        note: 'worth keeping',
        answers: [{ promptId: 'signal', text: 'Two summaries took under an hour' }],
      },
    ]);
    // Kept plans are no longer open; --state all still lists them.
    expect(await lab.json<PlanView[]>(['plan', 'list'])).toEqual([]);
    expect((await lab.json<PlanView[]>(['plan', 'list', '--state', 'all'])).map((p) => p.id)).toEqual([
      plan.id,
    ]);
    await lab.fails(['plan', 'review', plan.id, '--decision', 'drop'], 'kept');
  });

  it('whet dashboard --json counts the practice minutes and the follow-through', async () => {
    const dashboard = await lab.json<Dashboard>(['dashboard', '--weeks', '4']);
    expect(dashboard.weeks).toHaveLength(4);
    const thisWeek = dashboard.practiceByArea.at(-1)!;
    expect(thisWeek).toMatchObject({ weekOf: '2026-03-02', minutes: 30 });
    expect(thisWeek.areas).toContainEqual(expect.objectContaining({ areaId: 'reading', minutes: 30 }));
    expect(dashboard.followThrough).toEqual({ ideas: 1, withPlan: 1, adopted: 1, rate: 1, planRate: 1 });
    const text = await lab.ok(['dashboard', '--weeks', '4']);
    expect(text.stdout).toContain(
      '1 idea; 1 turned into a plan (100%); 1 adopted (100% of those with a plan)',
    );
    expect(text.stdout).toMatch(/2026-03-02\s+30 \/ 90/);
  });
});

describe('bad input: one line naming the flag, exit 1, nothing written', () => {
  const lab = new WhetLab(dirs, MONDAY_NOON);

  it('refuses an unreadable cadence, a past review date, an unknown idea, 2000 minutes and difficulty 9', async () => {
    const idea = await capture(lab, 'Practise reading');
    await lab.fails(
      planArgs(idea.id, '--cadence', 'whenever I can'),
      '--cadence',
      'cannot read "whenever I can"',
    );
    await lab.fails(
      planArgs(idea.id, '--cadence', '3x30/week', '--review', '2026-02-27'),
      '--review',
      'past',
    );
    await lab.fails(planArgs('zzzzzzzz', '--cadence', '3x30/week'), '--from', 'no idea zzzzzzzz');
    await lab.fails(planArgs(idea.id), '--cadence', 'a practice routine needs a cadence');
    await lab.fails(planArgs(idea.id, '--cadence', '3x30/week', '--review-in', 'soon'), '--review-in');
    await lab.fails(['practice', '2000'], 'minutes', '480');
    await lab.fails(['practice', '-5'], 'minutes');
    await lab.fails(['practice', '30', '--difficulty', '9'], '--difficulty', '1 (easy) to 5');
    await lab.fails(['practice', '30', '--plan', 'nosuchplan'], '--plan', 'no plan nosuchplan');
    await lab.fails(['interrupt', '--minutes', '0'], '--minutes');
    await lab.fails(['dashboard', '--weeks', '60'], '--weeks');
    await lab.fails(['settings', '--time-zone', 'Mars/Olympus'], '--time-zone');

    expect(await lab.json<PlanView[]>(['plan', 'list', '--state', 'all'])).toEqual([]);
    expect(await lab.json<PracticeLog[]>(['practice', 'list'])).toEqual([]);
    expect(await lab.json<Interruption[]>(['interruptions'])).toEqual([]);
    expect((await lab.json<Idea>(['idea', 'show', idea.id])).status).toBe('new');
  });
});

describe('interruptions, listings and the calendar', () => {
  const lab = new WhetLab(dirs, MONDAY_NOON);

  it('whet interrupt logs in one line; whet interruptions --json has it and the text shows a heat map', async () => {
    const logged = await lab.ok(['interrupt', 'Slack', 'ping', '--minutes', '10']);
    expect(logged.stdout).toMatch(/^interruption logged at 2026-03-02 12:0\d \(Slack ping, 10 min\)\n$/);
    await lab.ok(['interrupt', '--at', '2026-03-01T09:15:00Z']);
    const all = await lab.json<Interruption[]>(['interruptions']);
    expect(all).toMatchObject([
      { at: '2026-03-01T09:15:00.000Z', reason: null, durationMinutes: null },
      { reason: 'Slack ping', durationMinutes: 10 },
    ]);
    const text = (await lab.ok(['interruptions'])).stdout;
    // Monday's row has its one interruption in hour 12; Sunday's in hour 9.
    expect(text).toMatch(/^ {2}Mon {2}(?:· ){12}█/m);
    expect(text).toMatch(/^ {2}Sun {2}(?:· ){9}█/m);
  });

  it('every listing has --json', async () => {
    const idea = await capture(lab, 'Read more carefully');
    const plan = await lab.json<PlanView>(
      planArgs(idea.id, '--cadence', 'MO,WE,FR 30 at 07:30', '--review', '2026-03-20'),
    );
    await lab.ok(['practice', '25', '--plan', plan.id]);
    expect(await lab.json<PlanView[]>(['plan', 'list'])).toHaveLength(1);
    expect(await lab.json<PracticeLog[]>(['practice', 'list'])).toHaveLength(1);
    const reading = await lab.json<Exercise[]>(['exercises', '--sub-skill', 'reading']);
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((e) => e.subSkill === 'reading')).toBe(true);
    const own = await lab.json<Exercise>([
      'exercises',
      'add',
      '--sub-skill',
      'statistics',
      '--title',
      'Re-derive a test',
      '--instructions',
      'Derive the test statistic on paper, then check it in code.',
    ]);
    expect(own).toMatchObject({ subSkill: 'statistics', builtin: false, minutes: 30 });
    expect((await lab.json<Exercise[]>(['exercises'])).map((e) => e.id)).toContain(own.id);
    expect(await lab.json<{ weekly: unknown[]; plans: unknown[] }>(['review', 'history'])).toEqual({
      weekly: [],
      plans: [],
    });
    expect(await lab.json<{ timeZone: string }>(['settings'])).toEqual({
      timeZone: 'UTC',
      timeZoneSource: 'system',
    });
    expect(await lab.json<unknown[]>(['calendar', 'feed', 'list'])).toEqual([]);
  });

  it('whet calendar export writes an ICS that ical.js reads, with the review date and the practice blocks', async () => {
    const out = lab.file('plans.ics');
    const result = await lab.ok(['calendar', 'export', '--out', out]);
    expect(result.stdout).toMatch(/^wrote .*plans\.ics: \d+ events/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const review = events.find((e) => e.summary === 'Review plan: Summarise one paper a week');
    expect(review?.startDate.isDate).toBe(true);
    expect(review?.startDate.toString()).toBe('2026-03-20');
    const blocks = events.filter((e) => e.summary === 'Practice: Summarise one paper a week');
    expect(blocks.length).toBeGreaterThan(5);
    // A one-off file stops the blocks at the review date (the subscription feed rolls on).
    expect(blocks.every((b) => b.startDate.toString().slice(0, 10) <= '2026-03-20')).toBe(true);
    // Monday, Wednesday and Friday at 07:30 in the (UTC) time zone.
    expect(blocks.every((b) => b.startDate.toJSDate().toISOString().endsWith('T07:30:00.000Z'))).toBe(true);
    expect(new Set(blocks.map((b) => b.startDate.toJSDate().getUTCDay()))).toEqual(new Set([1, 3, 5]));
  });

  it('whet calendar feed create shows the link once; list and revoke manage it', async () => {
    const created = await lab.ok(['calendar', 'feed', 'create']);
    const [path] = created.stdout.split('\n');
    expect(path).toMatch(/^\/feeds\/[\w-]{20,}\.ics$/);
    expect(created.stdout).toContain('shown only once');
    const [feed] = await lab.json<{ id: string; revokedAt: string | null }[]>(['calendar', 'feed', 'list']);
    expect(feed?.revokedAt).toBeNull();
    expect((await lab.ok(['calendar', 'feed', 'list'])).stdout).not.toContain(path!.slice(7, 20));
    await lab.ok(['calendar', 'feed', 'revoke', feed!.id]);
    const [revoked] = await lab.json<{ revokedAt: string | null }[]>(['calendar', 'feed', 'list']);
    expect(revoked?.revokedAt).not.toBeNull();
    await lab.fails(['calendar', 'feed', 'revoke', 'nosuchfeed'], 'not found');
  });
});

describe('the experiment reminder', () => {
  const lab = new WhetLab(dirs, MONDAY_NOON);

  it('plan and practice commands end with it while an experiment runs (never after --json)', async () => {
    await lab.ok(['experiment', 'start', '--predict', 'Focused time wins', '--favour', 'focused']);
    const practised = await lab.ok(['practice', '20']);
    expect(practised.stdout).toBe('logged 20 min, outside any plan\n');
    expect(practised.stderr).toMatch(/\(whet experiment status\)\n$/);
    expect((await lab.ok(['plan', 'list'])).stderr).toMatch(/\(whet experiment status\)\n$/);
    expect((await lab.ok(['plan', 'list', '--json'])).stderr).toBe('');
  });
});
