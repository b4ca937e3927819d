/**
 * Reviews in the CLI, end to end with the real built `whet`: the weekly review and a plan review
 * answered through piped stdin, the history that keeps them, and the time zone setting that
 * decides which local week a late-evening practice block belongs to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Idea } from '../src/core/ideas.js';
import type { PlanReview, WeeklyReview } from '../src/core/plans/review.js';
import type { WeekSummary } from '../src/core/plans/week-summary.js';
import type { PlanView } from '../src/services/plan.service.js';
import { describeRun } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { tempDirs } from './support/temp.js';
import { WhetLab } from './support/whet-lab.js';

const dirs = tempDirs();
beforeAll(() => assertCliBuilt());
afterAll(() => dirs.cleanup());

type History = { weekly: WeeklyReview[]; plans: PlanReview[] };

/** An idea and a practice plan from it, reviewed `reviewIn` from today. */
async function ideaAndPlan(lab: WhetLab, title: string, reviewIn: string): Promise<[Idea, PlanView]> {
  const idea = await lab.json<Idea>(['idea', `Practise: ${title}`]);
  const plan = await lab.json<PlanView>([
    'plan',
    'create',
    '--from',
    idea.id,
    '--title',
    title,
    '--kind',
    'practice',
    '--sub-skill',
    'writing',
    '--next',
    'Open the draft',
    '--cadence',
    '3x30/week',
    '--signal',
    'A clean page in one block',
    '--review-in',
    reviewIn,
  ]);
  return [idea, plan];
}

describe('the weekly review through piped answers', () => {
  // A Wednesday noon in UTC: the week under review runs from Monday 2026-03-02.
  const lab = new WhetLab(dirs, '2026-03-04T12:00:00Z');
  let idea: Idea;
  let plan: PlanView;

  it('shows the week, asks the questions, decides on the plan due, and saves it all', async () => {
    [idea, plan] = await ideaAndPlan(lab, 'Write every morning', '0d');
    await lab.ok(['practice', '30', '--plan', plan.id, '--difficulty', '3']);
    await lab.ok(['interrupt', 'phone']);
    const answers = ['The morning block held three times', '', 'It slid into the comfortable', '', ''];
    const result = await lab.ok(['review'], `${answers.join('\n')}\nmaybe\nkeep\n`);
    const shown = result.stdout;
    expect(shown).toContain('Week of 2026-03-02 to 2026-03-08 (UTC)');
    expect(shown).toMatch(/Practice {7}1 block, 30 min\n/);
    expect(shown).toContain('Write every morning');
    // The plan started on Wednesday: this week expects 5/7 of 3 × 30 min.
    expect(shown).toContain('30 of 64 min this week (3 × 30 min a week)');
    expect(shown).toMatch(/Interruptions {2}1\n/);
    expect(shown).toContain('1/5 What went better this week');
    expect(shown).toContain('› The morning block held three times');
    // "maybe" is not a decision: the question is asked again.
    expect(shown).toContain('Type keep, adjust or drop');
    expect(shown).toContain(
      'Saved the review of the week of 2026-03-02: 2 answers; keep "Write every morning".',
    );

    expect((await lab.json<PlanView>(['plan', 'show', plan.id])).state).toBe('kept');
    expect((await lab.json<Idea>(['idea', 'show', idea.id])).status).toBe('adopted');
  });

  it('whet review history shows it, as text and as JSON', async () => {
    const history = await lab.json<History>(['review', 'history']);
    expect(history.weekly).toMatchObject([
      {
        weekOf: '2026-03-02',
        answers: [
          { promptId: 'went-well', text: 'The morning block held three times' },
          { promptId: 'edge', text: 'It slid into the comfortable' },
        ],
        decisions: [{ planId: plan.id, decision: 'keep', note: null }],
      },
    ]);
    const text = (await lab.ok(['review', 'history'])).stdout;
    expect(text).toContain('week of 2026-03-02');
    expect(text).toContain('keep "Write every morning"');
    expect(text).toContain('The morning block held three times');
  });

  it('input that ends before the last answer saves nothing', async () => {
    const args = ['review'];
    const result = await lab.run(args, 'Only one answer\n');
    expect(result.code, describeRun(args, result)).toBe(1);
    expect(result.stdout).toContain('saving again replaces it');
    expect(result.stderr).toBe(
      'whet: weekly review: the input ended before the last answer; nothing was saved\n',
    );
    const history = await lab.json<History>(['review', 'history']);
    expect(history.weekly).toHaveLength(1);
    expect(history.weekly[0]!.answers[0]!.text).toBe('The morning block held three times');
  });

  it('refuses a week that is not a date or lies ahead', async () => {
    await lab.fails(['review', '--week', '2026-13-01'], '--week');
    await lab.fails(['review', '--week', '2026-03-10'], '--week', 'future week');
    const earlier = await lab.json<WeekSummary>(['review', '--week', '2026-02-25']);
    expect(earlier).toMatchObject({ weekOf: '2026-02-23', practice: { minutes: 0 } });
  });

  it('whet plan review asks the plan questions; adjust takes a new date and cadence', async () => {
    const [, other] = await ideaAndPlan(lab, 'Outline before drafting', '7d');
    const replies = ['Two outlines, one draft', '', 'Yes', 'a', 'yesterday', '21d', 'often', '2x45/week', ''];
    const result = await lab.ok(['plan', 'review', other.id], `${replies.join('\n')}\n`);
    expect(result.stdout).toContain('1/3 Did the success signal happen?');
    expect(result.stdout).toContain('Type a date like 2026-12-07');
    expect(result.stdout).toContain('cannot read "often" as a cadence');
    expect(result.stdout).toContain(
      'Adjusted "Outline before drafting": back at work (2 × 45 min a week), next review on 2026-03-25.',
    );
    const adjusted = await lab.json<PlanView>(['plan', 'show', other.id]);
    expect(adjusted).toMatchObject({
      state: 'active',
      reviewOn: '2026-03-25',
      cadenceText: '2 × 45 min a week',
    });
    expect(adjusted.reviews).toMatchObject([
      {
        decision: 'adjust',
        newReviewOn: '2026-03-25',
        answers: [
          { promptId: 'signal', text: 'Two outlines, one draft' },
          { promptId: 'worth-it', text: 'Yes' },
        ],
      },
    ]);
    // This plan's review, and the weekly review's keep decision recorded on its plan.
    const planReviews = (await lab.json<History>(['review', 'history'])).plans;
    expect(planReviews.map((r) => [r.planId, r.decision])).toEqual([
      [other.id, 'adjust'],
      [plan.id, 'keep'],
    ]);
  });
});

describe('the time zone decides the local day and week', () => {
  // Monday 00:30 UTC, which is already Monday 09:30 in Tokyo.
  const lab = new WhetLab(dirs, '2026-03-09T00:30:00Z');

  it('a block at Sunday 23:30 UTC is last week in UTC and this week (Monday 08:30) in Asia/Tokyo', async () => {
    expect((await lab.ok(['settings', '--time-zone', 'UTC'])).stdout).toContain('UTC (chosen)');
    await lab.ok(['practice', '30', '--at', '2026-03-08T23:30:00Z']);

    const utcWeek = await lab.json<WeekSummary>(['review']);
    expect(utcWeek).toMatchObject({ weekOf: '2026-03-09', timeZone: 'UTC', practice: { minutes: 0 } });
    const utcLastWeek = await lab.json<WeekSummary>(['review', '--week', '2026-03-08']);
    expect(utcLastWeek).toMatchObject({ weekOf: '2026-03-02', practice: { minutes: 30 } });
    expect((await lab.ok(['practice', 'list'])).stdout).toContain('2026-03-08 23:30   30 min');

    const tokyo = await lab.json<{ timeZone: string }>(['settings', '--time-zone', 'asia/tokyo']);
    expect(tokyo).toEqual({ timeZone: 'Asia/Tokyo', timeZoneSource: 'chosen' });
    const tokyoWeek = await lab.json<WeekSummary>(['review']);
    expect(tokyoWeek).toMatchObject({
      weekOf: '2026-03-09',
      timeZone: 'Asia/Tokyo',
      practice: { minutes: 30 },
    });
    expect((await lab.ok(['practice', 'list'])).stdout).toContain('2026-03-09 08:30   30 min');

    // "system" goes back to the zone of the machine (UTC in these tests).
    const reset = await lab.json<{ timeZoneSource: string }>(['settings', '--time-zone', 'system']);
    expect(reset).toEqual({ timeZone: 'UTC', timeZoneSource: 'system' });
  });
});
