/**
 * Plans in the browser: from an idea to a plan (the idea becomes planned), one-click practice
 * (trying, minutes on the plan), a review that keeps the plan (adopted), and bad input that is
 * refused at the field with nothing written. Every state is checked in the database too.
 */
import { describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  alertsFor,
  apiJson,
  captureWithCli,
  freshAppPerTest,
  type Locator,
  type Page,
  poll,
  screenshot,
  showIdea,
  shownText,
  UI_TIMEOUT_MS,
} from './support.js';

const app = freshAppPerTest('whet-plans', /Failed to load resource: .*status of 422/);

interface ApiPlan {
  id: string;
  title: string;
  state: string;
  kind: string;
  subSkill: string | null;
  exerciseId: string | null;
  cadence: { minutes: number; perWeek: number | null } | null;
  reviewOn: string;
  practice: { blocks: number; minutes: number };
}

const DAY_MS = 86_400_000;

async function plans(server: WhetServer): Promise<ApiPlan[]> {
  return (await apiJson<{ items: ApiPlan[] }>(server, 'GET', '/plans')).items;
}

async function openIdea(page: Page, server: WhetServer, id: string): Promise<void> {
  await page.goto(`${server.url}ideas/${id}`);
  await page.getByLabel('Idea text').waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Opens "Make a plan" on the idea page and fills every field of a practice routine but the cadence. */
async function startPracticePlan(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Make a plan' }).click();
  const form = page.getByRole('form', { name: 'Make a plan' });
  await form.waitFor();
  await form.getByRole('textbox', { name: 'What will change?' }).fill(title);
  await form.getByRole('radio', { name: /^Practice routine/ }).check();
  await form.getByRole('textbox', { name: /^Next action/ }).fill('Pick Thursday’s paper');
  await form.getByRole('textbox', { name: /^Success signal/ }).fill('A one-page summary in under an hour');
  return form;
}

const cadenceField = (form: Locator) => form.getByRole('textbox', { name: /^Cadence/ });
const reviewField = (form: Locator) => form.getByLabel('Review date');

describe('plans', () => {
  it('makes a plan from an idea, logs practice in one click and keeps the plan after its review', async () => {
    const { page, server, db } = app;
    const ideaId = await captureWithCli(db, 'Summarise each paper I read on one page', ['--area', 'reading']);
    await openIdea(page, server, ideaId);
    await page.getByText('No plan yet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Make a plan' }).click();
    const form = page.getByRole('form', { name: 'Make a plan' });
    // The title starts as the idea's text, the area as the idea's; the sub-skill follows the area.
    const title = form.getByRole('textbox', { name: 'What will change?' });
    expect(await title.inputValue()).toBe('Summarise each paper I read on one page');
    expect(await form.getByRole('combobox', { name: 'Area' }).inputValue()).toBe('reading');
    await title.fill('Read a paper a week and summarise it');
    await form.getByRole('radio', { name: /^Practice routine/ }).check();
    const subSkill = form.getByRole('combobox', { name: 'Sub-skill' });
    await poll(() => subSkill.inputValue()).toBe('reading');
    const reviewOn = await reviewField(form).inputValue();
    const daysAhead = (Date.parse(`${reviewOn}T12:00:00Z`) - Date.now()) / DAY_MS;
    expect(daysAhead).toBeGreaterThan(12.5);
    expect(daysAhead).toBeLessThan(15.5);

    // The exercise picker lists the library with instructions; choosing one suggests a cadence.
    const exercises = form.getByRole('group', { name: 'Exercise' });
    const onePage = exercises.getByRole('radio', { name: /^A paper on one page/ });
    await onePage.waitFor();
    expect(
      await exercises.getByText('Read one paper and write a one-page summary', { exact: false }).count(),
    ).toBe(1);
    await onePage.check();
    await poll(() => cadenceField(form).inputValue()).toBe('3x60/week');

    // The cadence is read back as it is typed, with the server's parser; examples fill it in.
    await form.getByRole('button', { name: 'Use the cadence MO,WE,FR 45' }).click();
    await poll(() => shownText(form.locator('.cadence-reading'))).toContain(
      'Reads as 3 × 45 min a week (Mon, Wed, Fri',
    );
    await cadenceField(form).fill('3x30/week');
    await poll(() => shownText(form.locator('.cadence-reading'))).toContain('Reads as 3 × 30 min a week');
    await form.getByRole('textbox', { name: /^Next action/ }).fill('Pick Thursday’s paper');
    await form.getByRole('textbox', { name: /^Success signal/ }).fill('A one-page summary in under an hour');
    await screenshot(page, 'plan-form-light');

    await form.getByRole('button', { name: 'Create plan' }).click();
    // The idea is planned now, and lists its plan.
    await page.getByRole('heading', { name: 'Status: Planned' }).waitFor();
    const ideaPlans = page.getByRole('list', { name: 'Plans for this idea' });
    await ideaPlans.getByRole('link', { name: /Read a paper a week and summarise it/ }).waitFor();
    expect((await showIdea(db, ideaId)).status).toBe('planned');
    const [stored] = await plans(server);
    expect(stored).toMatchObject({
      title: 'Read a paper a week and summarise it',
      kind: 'practice',
      subSkill: 'reading',
      exerciseId: 'reading-one-page-summary',
      cadence: { minutes: 30, perWeek: 3 },
      reviewOn,
      state: 'active',
    });

    // The plan page: every field, the linked idea with its status.
    await ideaPlans.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Read a paper a week and summarise it' }).waitFor();
    const card = page.getByRole('article');
    expect(await shownText(card)).toContain('3 × 30 min a week');
    expect(await shownText(card)).toContain('Pick Thursday’s paper');
    expect(await shownText(card)).toContain('A one-page summary in under an hour');
    expect(await shownText(card)).toContain('Exercise: A paper on one page');
    const linked = page.getByRole('list', { name: 'Linked ideas' });
    expect(await shownText(linked)).toContain('Planned');

    // One click logs a block of the cadence's length; the idea is now being tried.
    await page.getByRole('button', { name: 'Log 30 minutes' }).click();
    const log = page.getByRole('list', { name: 'Practice log' });
    await poll(async () => (await log.getByRole('listitem').count()) === 1).toBe(true);
    expect(await shownText(log)).toContain('30 min');
    await poll(() => shownText(card)).toContain('1 block · 30 min');
    // The first week expects the cadence's share of the days left in it (3 × 30 min on a Monday,
    // less later in the week), so only the logged part is fixed.
    await poll(() => shownText(page.locator('.practice-card'))).toMatch(
      /This week: 30 min of (1 h 30 min|1 h \d+ min|\d+ min)/,
    );
    await poll(() => shownText(linked)).toContain('Trying');
    expect((await showIdea(db, ideaId)).status).toBe('trying');

    // A block with details: minutes, difficulty at the edge, a note.
    const details = page.getByRole('form', { name: 'Log practice with details' });
    await details.getByRole('spinbutton', { name: 'Minutes' }).fill('45');
    await details.getByRole('radio', { name: '3 at the edge' }).check();
    await details.getByRole('textbox', { name: /^Note/ }).fill('The methods section took the longest');
    await details.getByRole('button', { name: 'Log practice' }).click();
    await poll(async () => log.getByRole('listitem').count()).toBe(2);
    expect(await shownText(log.getByRole('listitem').first())).toContain('45 min');
    expect(await shownText(log.getByRole('listitem').first())).toContain('3 · at the edge');
    expect(await shownText(log.getByRole('listitem').first())).toContain(
      'The methods section took the longest',
    );
    expect((await plans(server))[0]?.practice).toEqual({
      blocks: 2,
      minutes: 75,
      lastAt: expect.any(String),
    });
    await screenshot(page, 'plan-page-light');

    // The review: the plan's own questions, then keep. The idea is adopted.
    await page.getByRole('button', { name: 'Review now' }).click();
    const review = page.getByRole('form', { name: 'Review this plan' });
    await review
      .getByRole('textbox', { name: 'Did the success signal happen? What did you actually see?' })
      .fill('Two summaries came in under fifty minutes.');
    await review.getByRole('radio', { name: /^Keep/ }).check();
    await review.getByRole('button', { name: 'Save review' }).click();
    await page.getByText('Kept: this change is part of how you work now.', { exact: false }).waitFor();
    await poll(() => shownText(linked)).toContain('Adopted');
    const past = page.getByRole('list', { name: 'Past reviews' });
    expect(await shownText(past)).toContain('Keep');
    expect(await shownText(past)).toContain('Two summaries came in under fifty minutes.');
    expect((await showIdea(db, ideaId)).status).toBe('adopted');
    expect((await plans(server))[0]?.state).toBe('kept');

    // /plans lists it among the decided plans; the idea page shows it too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    const decided = page.getByRole('list', { name: 'Decided plans' });
    await decided.waitFor();
    expect(await shownText(decided)).toContain('Read a paper a week and summarise it');
    expect(await shownText(decided)).toContain('Kept');
  });

  it('refuses an unreadable cadence, a review date in the past and 2000 minutes at the field', async () => {
    const { page, server, db } = app;
    const ideaId = await captureWithCli(db, 'Write twenty minutes before email', ['--area', 'writing']);
    await openIdea(page, server, ideaId);
    const form = await startPracticePlan(page, 'Write before email');

    // An unreadable cadence: the live reading says so, and the server's error shows at the field.
    await cadenceField(form).fill('3 times weekly');
    await poll(() => shownText(form.locator('.cadence-reading'))).toContain(
      'Cannot read "3 times weekly" as a cadence',
    );
    await form.getByRole('button', { name: 'Create plan' }).click();
    await poll(() => alertsFor(cadenceField(form))).toEqual([
      expect.stringContaining('Cannot read "3 times weekly" as a cadence; write e.g. 3x30/week'),
    ]);
    expect(await cadenceField(form).getAttribute('aria-invalid')).toBe('true');

    // A review date in the past.
    await cadenceField(form).fill('weekdays 20');
    await reviewField(form).fill('2020-01-06');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await poll(() => alertsFor(reviewField(form))).toEqual([
      expect.stringMatching(/^The review date must not be in the past \(today is \d{4}-\d{2}-\d{2} in /),
    ]);
    expect(await alertsFor(cadenceField(form))).toEqual([]);
    // Nothing was written: no plan, and the idea is still new.
    expect(await plans(server)).toEqual([]);
    expect((await showIdea(db, ideaId)).status).toBe('new');
    await screenshot(page, 'plan-form-errors-light');

    // Fixed, the plan is made.
    const inAMonth = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
    await reviewField(form).fill(inAMonth);
    await form.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: 'Status: Planned' }).waitFor();
    const [plan] = await plans(server);
    expect(plan?.reviewOn).toBe(inAMonth);

    // 2000 minutes in one block is refused under Minutes; no block is logged.
    await page.goto(`${server.url}plans/${plan?.id}`);
    const details = page.getByRole('form', { name: 'Log practice with details' });
    const minutes = details.getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('2000');
    await details.getByRole('button', { name: 'Log practice' }).click();
    await poll(() => alertsFor(minutes)).toEqual([
      'Minutes must be at most 480 minutes (8 hours) in one block; log a longer stretch as several blocks.',
    ]);
    expect((await plans(server))[0]?.practice.blocks).toBe(0);
    expect((await showIdea(db, ideaId)).status).toBe('planned');
    await page.getByText('No practice logged yet.').waitFor();
  });
});
