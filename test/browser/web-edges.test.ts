/**
 * The web app's rough edges of issue 10 (item 7), each as a person meets it: `#area` in a session
 * capture and the area the question suggests, one toast at a time and confirmations that clear,
 * prorated weekly targets that say so, session history in the navigation and a running session
 * shown on every page, empty dashboard panels that say what will appear, weekly-review answers
 * that become ideas, and plans edited on their page or made without an idea. The server runs with
 * WHETSTONE_TEST_HOOKS=1 so a test can move its clock to a Wednesday.
 */
import { describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  advanceClock,
  alertsFor,
  apiJson,
  freshAppPerTest,
  type Locator,
  listIdeas,
  type Page,
  poll,
  screenshot,
  shownText,
} from './support.js';

const app = freshAppPerTest('whet-web-edges', /Failed to load resource: .*status of (409|422)/, {
  serverEnv: { WHETSTONE_TEST_HOOKS: '1' },
});

const DAY_MS = 86_400_000;

interface ApiPlan {
  id: string;
  title: string;
  ideaIds: string[];
  nextAction: string;
  reviewOn: string;
  cadenceText: string | null;
}

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

/** Light and dark, desktop and phone, for a person to look at. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `edges-${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `edges-${name}-dark`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `edges-${name}-phone-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `edges-${name}-phone-light`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Days and weeks in UTC, and the server's clock moved forward to the next Wednesday (or left on one). */
async function utcWednesday(server: WhetServer): Promise<string> {
  await apiJson(server, 'PUT', '/settings', { timeZone: 'UTC' });
  const now = await advanceClock(server, 0);
  const isoWeekday = ((now.getUTCDay() + 6) % 7) + 1;
  const ahead = (3 - isoWeekday + 7) % 7;
  const wednesday = await advanceClock(server, ahead * DAY_MS);
  return wednesday.toISOString().slice(0, 10);
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function practicePlan(server: WhetServer, today: string, extra: object = {}): Promise<ApiPlan> {
  return apiJson<ApiPlan>(server, 'POST', '/plans', {
    title: 'Summarise a paper in under an hour',
    kind: 'practice',
    subSkill: 'reading',
    nextAction: 'Pick Thursday’s paper',
    cadence: '3x30/week',
    successSignal: 'A summary in under an hour',
    reviewOn: plusDays(today, 14),
    ...extra,
  });
}

describe('session capture', () => {
  it('files an idea under its #area, shows the area the question suggests, and refuses an unknown tag', async () => {
    const { page, server, db } = app;
    await apiJson(server, 'POST', '/sessions', { minutes: 20, areas: ['environment'] });
    await page.goto(`${server.url}session`);
    const capture = page.getByRole('form', { name: 'Capture an idea' });
    const box = capture.getByRole('textbox', { name: 'New idea' });
    const area = capture.getByRole('combobox', { name: 'Area' });
    await visible(box);

    // Before anything is typed: the question's area, saying where it comes from.
    await poll(() => area.inputValue()).toBe('environment');
    expect(await shownText(capture)).toContain('suggested by the question');

    // A tag at the end names the area; the select follows it before saving.
    await box.fill('Outline before drafting #writing');
    await poll(() => area.inputValue()).toBe('writing');
    expect(await shownText(capture)).toContain('from #writing');
    await box.press('Enter');
    await poll(async () => (await listIdeas(db)).map((i) => [i.text, i.areaId])).toEqual([
      ['Outline before drafting', 'writing'],
    ]);
    // The confirmation names the area it went to; the box is back on the question's area.
    await poll(() => shownText(page.locator('.toasts'))).toBe('Idea saved to Writing');
    await poll(() => box.inputValue()).toBe('');
    await poll(() => area.inputValue()).toBe('environment');

    // A tag at the start, by name, case ignored.
    await box.fill('#PRIORITISATION pick the one task first');
    await box.press('Enter');
    await poll(async () => (await listIdeas(db)).map((i) => [i.text, i.areaId])[0]).toEqual([
      'pick the one task first',
      'prioritisation',
    ]);

    // A tag that names no area is refused, and nothing is saved.
    await box.fill('Mute the phone #nosuch');
    await box.press('Enter');
    await poll(() => shownText(capture)).toContain('No area called “nosuch”');
    expect((await listIdeas(db)).length).toBe(2);

    // Picking an area in the select instead takes the tag out of the text.
    await area.selectOption('writing');
    await poll(() => box.inputValue()).toBe('Mute the phone');
    await box.press('Enter');
    await poll(async () => (await listIdeas(db)).map((i) => [i.text, i.areaId])[0]).toEqual([
      'Mute the phone',
      'writing',
    ]);
    await shots(page, 'session-capture');
  });
});

describe('confirmations', () => {
  it('shows one toast at a time, the newest', async () => {
    const { page, server } = app;
    await apiJson(server, 'POST', '/sessions', { minutes: 20 });
    await page.goto(`${server.url}session`);
    const box = page
      .getByRole('form', { name: 'Capture an idea' })
      .getByRole('textbox', { name: 'New idea' });
    for (const text of ['One #writing', 'Two #writing', 'Three #coding']) {
      await box.fill(text);
      await box.press('Enter');
      await poll(() => box.inputValue()).toBe('');
    }
    // Three saves within a second: one toast, the last one (not three stacked over the page).
    const toasts = page.locator('.toasts .toast');
    expect(await toasts.allTextContents()).toEqual(['Idea saved to Coding']);
    // And it goes away by itself.
    await toasts.waitFor({ state: 'detached', timeout: 6000 });
  });

  it('clears "Idea saved. Undo" when the next attempt fails', async () => {
    const { page, server } = app;
    await page.goto(server.url);
    const capture = page.getByRole('form', { name: 'Capture an idea' });
    const box = capture.getByRole('textbox', { name: 'New idea' });
    const saved = capture.locator('.capture__saved');
    await box.fill('Batch email into two slots');
    await box.press('Enter');
    await poll(() => shownText(saved)).toContain('Idea saved');
    // Saving an empty box is refused: the earlier confirmation must not stand next to that.
    await box.press('Enter');
    await poll(() => shownText(capture)).toContain('must not be empty');
    expect(await shownText(saved)).toBe('');
  });
});

describe('sessions in the navigation', () => {
  it('lists session history in the nav and shows a running session on every other page', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}plans`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Session history' }).click();
    await page.getByRole('heading', { level: 1, name: 'Session history' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Session history' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const indicator = page.getByRole('complementary', { name: 'Session under way' });
    expect(await indicator.count()).toBe(0);

    // A session started elsewhere (here: the API) shows up without a reload.
    const { id } = await apiJson<{ id: string }>(server, 'POST', '/sessions', { minutes: 20 });
    await poll(() => shownText(indicator)).toMatch(/^Session running · (20:00|19:\d\d) left Return →$/);
    await page.goto(`${server.url}dashboard`);
    await poll(() => shownText(indicator)).toMatch(/^Session running · (20:00|19:\d\d) left/);
    await shots(page, 'session-indicator');

    await apiJson(server, 'POST', `/sessions/${id}/pause`);
    await poll(() => shownText(indicator)).toMatch(/^Session paused · (20:00|19:\d\d) left/);
    await indicator.getByRole('link', { name: /Return/ }).click();
    await page.getByRole('timer', { name: 'Time left' }).waitFor();
    // On the session itself the indicator is not repeated.
    expect(await indicator.count()).toBe(0);

    await apiJson(server, 'POST', `/sessions/${id}/end`);
    await page.goto(`${server.url}plans`);
    await poll(() => shownText(indicator)).toContain('Session ended · your ideas are waiting to be rated');
    expect(await indicator.getByRole('link', { name: /Rate them/ }).getAttribute('href')).toBe('/session');
  });
});

describe('empty dashboard', () => {
  it('says what each panel will show and how to get data, instead of drawing blank axes', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}dashboard`);
    await page.getByRole('list', { name: 'At a glance' }).waitFor();
    const panel = (title: string) => page.getByRole('region', { name: title });
    await poll(() => shownText(panel('Ideas per week'))).toContain('No ideas in the last');
    expect(await shownText(panel('Ideas per week'))).toContain('Capture one in the inbox');
    expect(await shownText(panel('Follow-through'))).toContain('Make a plan');
    expect(await shownText(panel('Practice per area'))).toContain('No practice logged and none planned');
    expect(await shownText(panel('Streaks'))).toContain('No practice yet');
    expect(await shownText(panel('When focus breaks'))).toContain('No interruptions logged');
    // No chart and no empty grid is drawn.
    expect(await page.locator('figure, .recharts-surface, .heat-map').count()).toBe(0);
    await shots(page, 'dashboard-empty');
  });
});

describe('prorated weekly targets', () => {
  it('says why a plan started on a Wednesday asks less than its cadence this week', async () => {
    const { page, server } = app;
    const today = await utcWednesday(server);
    const plan = await practicePlan(server, today);
    await apiJson(server, 'POST', '/practice', { planId: plan.id, minutes: 30 });
    // Wednesday to Sunday is 5 of 7 days: 3 x 30 x 5/7 = 64 min.
    const why = 'prorated: the plan started on Wednesday (a whole week asks 1 h 30 min)';

    await page.goto(`${server.url}plans`);
    const row = page.getByRole('list', { name: 'Open plans' }).getByRole('listitem').first();
    await poll(() => shownText(row)).toContain(`This week: 30 min of 1 h 4 min ${why}`);
    await shots(page, 'plans-prorated');

    await page.goto(`${server.url}plans/${plan.id}`);
    await poll(() => shownText(page.locator('.practice-card'))).toContain(why);

    await page.goto(`${server.url}review`);
    const numbers = page.getByRole('list', { name: 'The week in numbers' });
    await poll(() => shownText(numbers)).toContain('cadence asks 1 h 4 min (prorated for 1 plan');
    expect(await shownText(page.getByRole('table', { name: 'Practice against cadence' }))).toContain(why);

    await page.goto(`${server.url}dashboard`);
    const glance = page.getByRole('list', { name: 'At a glance' }).getByRole('listitem').first();
    await poll(() => shownText(glance)).toContain(
      'of 1 h 4 min the cadences ask prorated: “Summarise a paper in under an hour” started on Wednesday',
    );
    await poll(() => shownText(page.getByRole('region', { name: 'Practice per area' }))).toContain(
      'Prorated targets: week of',
    );
    await shots(page, 'dashboard-prorated');
  });
});

describe('weekly-review answers', () => {
  it('turn into an idea with source "review", confirmed with a link, once', async () => {
    const { page, server, db } = app;
    const { weekOf } = (await apiJson<{ summary: { weekOf: string } }>(server, 'GET', '/reviews/weekly'))
      .summary as { weekOf: string };
    await apiJson(server, 'POST', '/reviews/weekly', {
      weekOf,
      answers: [
        { promptId: 'one-change', text: 'No meetings before eleven.' },
        { promptId: 'learned', text: 'I write best before lunch.' },
      ],
    });
    await page.goto(`${server.url}review`);
    const form = page.getByRole('form', { name: 'Weekly review' });
    const answer = form.locator('.weekly-answer').filter({ hasText: 'If you changed one thing' });
    await answer.getByRole('button', { name: 'Make this an idea' }).click();
    await poll(() => shownText(answer.getByRole('status'))).toBe(
      'Saved as an idea, from this review. Open the idea',
    );
    const ideas = await listIdeas(db);
    expect(ideas.map((i) => [i.text, i.source])).toEqual([['No meetings before eleven.', 'review']]);
    expect(ideas[0]?.context).toMatch(/^Weekly review, week of .+: If you changed one thing about next week/);
    // The other answer still offers it; the history's copy of this one knows it is an idea.
    expect(await form.getByRole('button', { name: 'Make this an idea' }).count()).toBe(1);
    await shots(page, 'review-answer-idea');

    await page.reload();
    await poll(() => shownText(answer.getByRole('status'))).toBe('Already an idea. Open the idea');
    await answer.getByRole('link', { name: 'Open the idea' }).click();
    await page.getByRole('heading', { level: 1, name: 'Idea' }).waitFor();
    await poll(() => page.getByRole('textbox', { name: 'Idea text' }).inputValue()).toBe(
      'No meetings before eleven.',
    );
    expect(new URL(page.url()).pathname).toBe(`/ideas/${ideas[0]?.id}`);
    expect((await listIdeas(db)).length).toBe(1);
  });
});

describe('plans', () => {
  it('are made without an idea from the plans page', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}plans`);
    await page.getByRole('button', { name: 'New plan' }).click();
    const form = page.getByRole('form', { name: 'Make a plan' });
    await form.getByRole('textbox', { name: 'What will change?' }).fill('Close Slack until noon');
    await form.getByRole('textbox', { name: /^Next action/ }).fill('Set Slack to quit at 9:00');
    await form.getByRole('textbox', { name: /^Success signal/ }).fill('Two uninterrupted mornings a week');
    await shots(page, 'plan-new');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Close Slack until noon' }).waitFor();
    expect(await shownText(page.getByRole('main'))).toContain(
      'No linked ideas: this plan was made on its own.',
    );
    const plans = await apiJson<{ items: ApiPlan[] }>(server, 'GET', '/plans');
    expect(plans.items.map((p) => [p.title, p.ideaIds])).toEqual([['Close Slack until noon', []]]);
  });

  it('are edited on their page; a refused field says why, and only what changed is sent', async () => {
    const { page, server } = app;
    const today = await utcWednesday(server);
    const plan = await practicePlan(server, today, { cadence: 'MO,WE,FR 30 at 07:30' });
    await page.goto(`${server.url}plans/${plan.id}`);
    await page.getByRole('button', { name: 'Edit plan' }).click();
    const form = page.getByRole('form', { name: 'Edit plan' });
    await page.getByRole('heading', { level: 1, name: 'Edit plan' }).waitFor();
    // The stored values, the cadence written as the field reads it.
    const cadence = form.getByRole('textbox', { name: /^Cadence/ });
    expect(await cadence.inputValue()).toBe('MO,WE,FR 30 at 07:30');
    expect(await form.getByRole('textbox', { name: /^Next action/ }).inputValue()).toBe(
      'Pick Thursday’s paper',
    );

    // The server's refusal lands on the field.
    await cadence.fill('9x30/day');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => cadence.getAttribute('aria-invalid')).toBe('true');
    expect((await alertsFor(cadence)).join(' ')).toMatch(/\S/);

    await cadence.fill('3x45/week');
    await form.getByRole('textbox', { name: /^Next action/ }).fill('Pick Friday’s paper');
    const reviewOn = plusDays(today, 21);
    await form.getByLabel('Review date').fill(reviewOn);
    await shots(page, 'plan-edit');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    const card = page.getByRole('article', { name: plan.title });
    await poll(() => shownText(card)).toContain('Pick Friday’s paper');
    expect(await shownText(card)).toContain('3 × 45 min a week');
    const saved = await apiJson<ApiPlan>(server, 'GET', `/plans/${plan.id}`);
    expect([saved.nextAction, saved.reviewOn, saved.cadenceText]).toEqual([
      'Pick Friday’s paper',
      reviewOn,
      '3 × 45 min a week',
    ]);
    expect(await shownText(page.locator('.toasts'))).toBe('Plan saved');
  });
});
