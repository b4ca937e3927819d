/**
 * Self-experiments in the browser, with the server's clock moved forward instead of waiting a
 * week (WHETSTONE_TEST_HOOKS=1): "a week vs 20 minutes" from the locked prediction through blind
 * rating to the report and the result card, the banner on every page, abandoning, and a
 * baseline-vs-change experiment with a measurement.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import {
  advanceClock,
  freshAppPerTest,
  type Locator,
  type Page,
  poll,
  screenshot,
  shownText,
  waitForInbox,
} from './support.js';

const app = freshAppPerTest('whet-experiment', /Failed to load resource: .*status of (409|422)/, {
  serverEnv: { WHETSTONE_TEST_HOOKS: '1' },
});

const DAY_MS = 86_400_000;

interface ApiIdea {
  id: string;
  text: string;
  createdAt: string;
}

async function allIdeas(server: WhetServer): Promise<ApiIdea[]> {
  const response = await fetch(`${server.api}/ideas?limit=200`);
  return ((await response.json()) as { items: ApiIdea[] }).items;
}

const banner = (page: Page) => page.getByRole('complementary', { name: 'Experiment under way' });

/** Captures an idea with the inbox's ordinary capture box. */
async function captureInInbox(page: Page, idea: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Capture an idea' });
  await form.getByLabel('New idea').fill(idea);
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/ideas',
  );
  await form.getByLabel('New idea').press('Enter');
  expect((await saved).status()).toBe(201);
  await poll(() => form.getByLabel('New idea').inputValue()).toBe('');
}

async function openInboxByNav(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await waitForInbox(page);
}

/** The cells of a table as text, one array per body row (row header first). */
function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
    ),
  );
}

/** What the test rates each idea; none of the texts names a phase. */
const PASSIVE_IDEAS: Record<string, number> = {
  'Block Tuesday mornings for deep work, no meetings': 3,
  'Ask Priya to review the proof sketch before writing it up': 4,
  'Keep a running list of open questions in the lab notebook': 2,
  'Mute chat while coding': 3,
};
/** Noted in phase 1 and set aside in the triage: a task, not an improvement idea. */
const NOT_AN_IDEA = 'Buy printer toner';
const FOCUSED_IDEAS: Record<string, number> = {
  'Write down the one result that would change my plan each week': 5,
  'Pair-program the data loader with Sam once a week': 4,
  'Read one paper per day in the first hour, before email': 3,
  'Split the thesis chapter into three submittable pieces': 5,
  'Ask my advisor which of my three projects she would drop': 4,
};

function figures(values: number[]) {
  const total = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    total,
    mean: total / values.length,
    high: values.filter((v) => v >= 4).length,
    histogram: [1, 2, 3, 4, 5].map((r) => values.filter((v) => v === r).length),
  };
}

describe('self-experiment in the browser', () => {
  it('runs a week vs 20 minutes: prediction, two phases, blind rating, report, card', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}experiments`);
    await page.getByRole('heading', { level: 1, name: 'Experiments' }).waitFor();

    // Start: template, prediction (the form says it locks), phase lengths within bounds.
    const form = page.getByRole('form', { name: 'Start an experiment' });
    expect(await form.getByRole('radio', { name: 'A week vs 20 minutes' }).isChecked()).toBe(true);
    expect(await shownText(form)).toContain('Your prediction locks when the experiment starts.');
    const prediction = 'Twenty focused minutes will give me more valuable ideas than a week of noticing.';
    await form.getByLabel('What do you expect?').fill(prediction);
    await form.getByRole('radio', { name: 'One focused session' }).check();
    await form.getByLabel('By how much?').fill('twice the total value');
    const week = form.getByLabel('Phase 1: A week of noticing (days)');
    expect(await week.inputValue()).toBe('7');
    expect(await week.getAttribute('max')).toBe('28');
    expect(await form.getByLabel('Phase 2: One focused session (minutes)').inputValue()).toBe('20');
    await form.getByRole('button', { name: 'Lock prediction and start' }).click();

    await page.waitForURL(/\/experiments\/[^/]+$/);
    const experimentPath = new URL(page.url()).pathname;
    const experimentId = experimentPath.split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name: 'A week vs 20 minutes' }).waitFor();
    await page.getByRole('heading', { name: 'Phase 1 of 2: A week of noticing' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    expect(await shownText(timeline)).toMatch(/Phase 1: A week of noticing · 7 days\s?Now/);
    expect(await shownText(timeline)).toMatch(/6 days 23 h left|7 days left/);
    const predictionSection = page.getByRole('region', { name: 'Your prediction', exact: true });
    expect(await shownText(predictionSection)).toContain(prediction);
    expect(await shownText(predictionSection)).toContain('Locked');
    // The seal: open it to read the exact text; its SHA-256 is the digest shown beside it.
    await predictionSection.getByText('Sealed · SHA-256').click();
    const sealedText = (await predictionSection.locator('pre').textContent()) ?? '';
    expect(sealedText).toContain(`Prediction: ${prediction}\n`);
    const digest = createHash('sha256').update(sealedText, 'utf8').digest('hex');
    expect(await shownText(predictionSection)).toContain(digest);
    await page.getByRole('link', { name: 'Add the phase ends to your calendar (.ics)' }).waitFor();

    // Phase 1: ideas noted the usual way; the banner reminds without asking for ideas.
    await openInboxByNav(page);
    // The server rounds down: a week that has just begun has "6 days" left.
    await poll(() => shownText(banner(page))).toMatch(/^Experiment: A week of noticing — [67] days left/);
    expect(await shownText(banner(page))).not.toMatch(/idea/i);
    // Blinding: an idea noted now is valued only in the blind rating, so the value picker is gone.
    const captureForm = page.getByRole('form', { name: 'Capture an idea' });
    await captureForm.getByText('in the blind rating', { exact: true }).waitFor();
    expect(await captureForm.getByRole('group', { name: 'Value' }).count()).toBe(0);
    for (const idea of Object.keys(PASSIVE_IDEAS)) await captureInInbox(page, idea);
    // Not an improvement idea: the blind triage sets it aside.
    await captureInInbox(page, NOT_AN_IDEA);

    // A week later.
    await advanceClock(server, 7 * DAY_MS + 60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
    await poll(() => shownText(banner(page))).toContain('A week of noticing is over');
    await banner(page).getByRole('link', { name: 'Open the experiment' }).click();
    await page.waitForURL((url) => url.pathname === experimentPath);
    await poll(() => shownText(page.getByRole('region', { name: /Phase 1 of 2/ }))).toContain(
      'Noted so far: 5 ideas',
    );
    await page.getByRole('button', { name: 'Start phase 2: One focused session' }).click();
    await page.getByRole('heading', { name: 'Phase 2 of 2: One focused session' }).waitFor();
    // Phase 2: ideas in the inbox, then the focused session — which is the phase and ends it.
    const [sessionIdea, ...inboxIdeas] = Object.keys(FOCUSED_IDEAS) as [string, ...string[]];
    await openInboxByNav(page);
    await poll(() => shownText(banner(page))).toMatch(/One focused session — (20|19) minutes left/);
    for (const idea of inboxIdeas) await captureInInbox(page, idea);
    await banner(page).getByRole('link', { name: 'Open the experiment' }).click();
    await page.getByRole('button', { name: 'Open a 20-minute focused session' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    await page.getByLabel('New idea').fill(sessionIdea);
    await page.getByLabel('New idea').press('Enter');
    await poll(() => shownText(page.getByRole('list', { name: 'Ideas this session' }))).toContain(
      sessionIdea,
    );
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your ideas go to the blind rating' }).waitFor();
    expect(await shownText(page.getByRole('note'))).toContain(
      'This session’s idea counts to your running experiment, so it is not rated here',
    );
    expect(await page.getByRole('group', { name: 'Value' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Complete session' }).click();
    await page.waitForURL(/\/sessions\/[^/]+$/);

    // Ending the session ended phase 2: rating is next.
    await page.goto(`${server.url}${experimentPath.slice(1)}`);
    await page.getByRole('button', { name: 'Start blind rating' }).click();
    await page.waitForURL((url) => url.pathname === `${experimentPath}/rate`);

    // The blind triage: all 10 ideas, mixed; the one that is not an improvement idea is set aside.
    await page.getByRole('heading', { level: 1, name: 'Sort out, blind' }).waitFor();
    const triageItems = page.locator('.triage__item');
    await poll(() => triageItems.count()).toBe(10);
    const noIdea = triageItems.filter({ hasText: NOT_AN_IDEA });
    await noIdea.getByLabel('Keep or set aside').selectOption('A task, not an idea');
    await poll(() => noIdea.getAttribute('class')).toContain('triage__item--aside');
    await screenshot(page, 'experiment-triage');
    await page.getByRole('button', { name: 'Finish triage and rate 9 ideas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rate blind' }).waitFor();

    // Blind rating: one text at a time; nothing in the DOM tells phase, time, source or id.
    const ideas = await allIdeas(server);
    expect(ideas).toHaveLength(10);
    const ratings: Record<string, number> = { ...PASSIVE_IDEAS, ...FOCUSED_IDEAS };
    const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
    const forbidden = [
      'passive',
      'focused',
      'noticing',
      'one focused session',
      'phase',
      ...ideas.map((i) => i.id),
      ...ideas.map((i) => i.createdAt),
      ...ideas.map((i) => i.createdAt.slice(0, 10)),
      ...ideas.map((i) => monthDay.format(new Date(i.createdAt)).toLowerCase()),
    ];
    const tokens: string[] = [];
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.endsWith('/rating') || !response.ok()) return;
      // A body the page has already let go of cannot be read back (Chromium drops it); skip that one.
      const body = (await response.json().catch(() => null)) as {
        next: { token: string; text: string } | null;
      } | null;
      if (!body) return;
      expect(Object.keys(body).sort()).toEqual([
        'excluded',
        'next',
        'rated',
        'ratings',
        'stage',
        'total',
        'triage',
      ]);
      if (body.next) {
        expect(Object.keys(body.next).sort()).toEqual(['text', 'token']);
        tokens.push(body.next.token);
      }
    });
    const progress = page.getByRole('progressbar', { name: 'Rated' });
    const onScreen = () => shownText(page.locator('.blind__text'));
    // "Later" (key L) puts the first idea off: another one shows, and the first comes back last.
    await page.getByText('1 of 9', { exact: true }).waitFor();
    const putOff = await onScreen();
    await page.keyboard.press('l');
    await poll(onScreen).not.toBe(putOff);
    const shown: string[] = [];
    for (let i = 0; i < 9; i++) {
      await poll(() => progress.getAttribute('aria-valuenow')).toBe(String(i));
      await page.getByText(`${i + 1} of 9`, { exact: true }).waitFor();
      const ideaText = await onScreen();
      expect(Object.keys(ratings), `unknown idea on screen: ${ideaText}`).toContain(ideaText);
      shown.push(ideaText);
      const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
      const lower = html.toLowerCase();
      for (const secret of [...forbidden, ...tokens.map((t) => t.toLowerCase())])
        expect(lower.includes(secret.toLowerCase()), `the rating page shows "${secret}"`).toBe(false);
      if (i === 2) await screenshot(page, 'experiment-rating');
      const value = ratings[ideaText] as number;
      if (i === 3) {
        // A slip, taken back with U: the same idea is on screen again.
        await page.keyboard.press(String((value % 5) + 1));
        await poll(() => progress.getAttribute('aria-valuenow')).toBe(String(i + 1));
        await page.keyboard.press('u');
        await poll(() => progress.getAttribute('aria-valuenow')).toBe(String(i));
        expect(await onScreen()).toBe(ideaText);
      }
      // Half by key, half by button.
      if (i % 2 === 0) await page.keyboard.press(String(value));
      else await page.getByRole('button', { name: String(value), exact: true }).click();
    }
    expect(new Set(shown).size).toBe(9);
    expect(shown[8]).toBe(putOff);
    await page.getByText('All 9 ideas rated.').waitFor();
    // Until the rating is finished any rating can change: one changed and changed back.
    const firstRating = page.getByLabel(`Rating for: ${shown[0]}`);
    const right = String(ratings[shown[0] as string]);
    const wrong = right === '5' ? '4' : '5';
    await firstRating.selectOption(wrong);
    await poll(() => firstRating.inputValue()).toBe(wrong);
    await firstRating.selectOption(right);
    await poll(() => firstRating.inputValue()).toBe(right);
    await screenshot(page, 'experiment-rating-done');
    await page.getByRole('button', { name: 'Finish rating and see the report' }).click();

    // The report: numbers match the ratings given.
    await page.waitForURL((url) => url.pathname === experimentPath);
    const passive = figures(Object.values(PASSIVE_IDEAS));
    const focused = figures(Object.values(FOCUSED_IDEAS));
    const table = page.getByRole('table', { name: 'Figures by phase' });
    await table.waitFor();
    const mean = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(await tableRows(table)).toEqual([
      ['Ideas', String(passive.count), String(focused.count)],
      ['Set aside in the triage', '1', '0'],
      ['Rated', String(passive.count), String(focused.count)],
      ['Total value', String(passive.total), String(focused.total)],
      ['Mean value per idea', mean(passive.mean), mean(focused.mean)],
      ['Ideas valued 4 or 5', String(passive.high), String(focused.high)],
    ]);
    expect(await shownText(page.locator('.report-notes'))).toContain(
      'Set aside from A week of noticing: a task, not an idea (1).',
    );
    const verdict = page.getByRole('region', { name: 'Verdict' });
    expect(await shownText(verdict)).toContain(
      `One focused session produced more total value than A week of noticing (total value ${focused.total} vs ${passive.total})`,
    );
    expect(await shownText(verdict)).toContain('Trust: Low');
    const versus = page.getByRole('region', { name: 'Prediction beside result' });
    // The labels are upper-cased by CSS.
    expect(await shownText(versus)).toMatch(/You predicted One focused session · twice the total value/i);
    // Predicted "twice the total value" (≥ +100%); 21 / 12 = 1.75, +75%: the right direction,
    // but short of the predicted size.
    expect([passive.total, focused.total]).toEqual([12, 21]);
    expect(await shownText(versus)).toContain(
      'Right direction, smaller than predicted (predicted ≥ +100%, observed +75%).',
    );
    expect(await versus.locator('.versus__match--partly').count()).toBe(1);

    const chart = page.getByRole('figure', { name: 'Blind ratings by phase' });
    expect(await chart.locator('.chart__drawing').getAttribute('aria-label')).toBe(
      `A week of noticing: total value ${passive.total} from ${passive.count} rated ideas. ` +
        `One focused session: total value ${focused.total} from ${focused.count} rated ideas.`,
    );
    const histogram = await tableRows(chart.locator('table'));
    expect(histogram).toEqual([
      ...[1, 2, 3, 4, 5].map((r) => [
        String(r),
        String(passive.histogram[r - 1]),
        String(focused.histogram[r - 1]),
      ]),
      ['Total value', String(passive.total), String(focused.total)],
    ]);
    await poll(() => chart.locator('svg.recharts-surface').count()).toBe(2);
    const best = page.getByRole('list', { name: 'Best ideas: One focused session' }).getByRole('listitem');
    expect(await best.count()).toBe(3);
    expect(await shownText(best.first())).toMatch(/^(Write down the one result|Split the thesis chapter)/);
    await screenshot(page, 'experiment-report-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'experiment-report-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await banner(page).count(), 'a reported experiment has no banner').toBe(0);

    // The result card: numbers only, idea texts only when ticked.
    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download result card' }).click(),
      ]);
      return JSON.parse(await readFile(await file.path(), 'utf8'));
    };
    const card = await download();
    expect(card).toMatchObject({
      format: 'whetstone-result-card',
      templateId: 'week-vs-20-minutes',
      textsShared: false,
      phases: [
        { key: 'passive', count: passive.count, valueSum: passive.total, ratings: passive.histogram },
        { key: 'focused', count: focused.count, valueSum: focused.total, ratings: focused.histogram },
      ],
    });
    expect(card.texts).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('Priya');
    expect(JSON.stringify(card)).not.toContain(experimentId);
    await page.getByLabel('Include my idea texts in the card').check();
    const withTexts = await download();
    expect(withTexts.textsShared).toBe(true);
    expect((withTexts.texts as { text: string }[]).map((t) => t.text).sort()).toEqual(
      Object.keys(ratings).sort(),
    );
  }, 90_000);

  it('shows the banner on every page while it runs, and abandoning ends it after a confirmation', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}experiments`);
    const form = page.getByRole('form', { name: 'Start an experiment' });
    // The prediction is required before anything starts.
    await form.getByRole('button', { name: 'Lock prediction and start' }).click();
    await form.getByText('Write down what you expect before you start.').waitFor();
    await form.getByLabel('What do you expect?').fill('No difference at all.');
    await form.getByRole('radio', { name: 'No difference' }).check();
    await form.getByLabel('Phase 1: A week of noticing (days)').fill('40');
    await form.getByRole('button', { name: 'Lock prediction and start' }).click();
    // The server's bound, shown under the field.
    await form.getByText('must be from 1 to 28 days for this template', { exact: false }).waitFor();
    await form.getByLabel('Phase 1: A week of noticing (days)').fill('3');
    await form.getByRole('button', { name: 'Lock prediction and start' }).click();
    await page.waitForURL(/\/experiments\/[^/]+$/);

    for (const [link, heading] of [
      ['Inbox', 'Inbox'],
      ['Session', 'Focused session'],
      ['Pools', 'Pools'],
      ['Areas', 'Areas'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await shownText(banner(page)), `banner on ${link}`).toMatch(
        /^Experiment: A week of noticing — [23] days left/,
      );
    }
    // The experiments page offers the running one instead of a second start form.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
    await page.getByRole('heading', { name: 'Under way' }).waitFor();
    expect(await page.getByRole('form', { name: 'Start an experiment' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Open the experiment' }).first().click();

    await page.getByRole('button', { name: 'Abandon experiment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abandon this experiment?' });
    await dialog.getByRole('button', { name: 'Keep going' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await banner(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Abandon experiment' }).click();
    await dialog.getByRole('button', { name: 'Abandon for good' }).click();
    await page.getByText('Abandoned', { exact: false }).first().waitFor();
    await banner(page).waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Experiments' }).click();
    await page.getByRole('form', { name: 'Start an experiment' }).waitFor();
    expect(await shownText(page.getByRole('list', { name: 'Past experiments' }))).toContain('Abandoned');
  }, 60_000);

  it('compares a measurement between baseline and change, with a caveat instead of a p-value', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}experiments`);
    const form = page.getByRole('form', { name: 'Start an experiment' });
    await form.getByRole('radio', { name: 'Baseline vs change' }).check();
    await form.getByLabel('Measurement name').fill('interruptions');
    await form.getByLabel('Unit').fill('per day');
    await form.getByRole('radio', { name: 'Lower' }).check();
    await form
      .getByLabel('What do you expect?')
      .fill('Closing chat during focus blocks halves my interruptions.');
    await form.getByRole('radio', { name: 'With the change' }).check();
    await form.getByLabel('Phase 1: Baseline (days)').fill('3');
    await form.getByLabel('Phase 2: With the change (days)').fill('3');
    await form.getByRole('button', { name: 'Lock prediction and start' }).click();
    await page.waitForURL(/\/experiments\/[^/]+$/);

    const log = async (value: number) => {
      const measure = page.getByRole('form', { name: 'Log a measurement' });
      await measure.getByLabel('Interruptions (per day)').fill(String(value));
      await measure.getByRole('button', { name: 'Log measurement' }).click();
      await poll(() => measure.getByLabel('Interruptions (per day)').inputValue()).toBe('');
    };
    for (const value of [8, 9, 7]) {
      await log(value);
      await advanceClock(server, DAY_MS - 1000);
    }
    await advanceClock(server, 10_000);
    await page.reload();
    await page.getByRole('button', { name: 'Start phase 2: With the change' }).click();
    for (const value of [4, 3, 5]) {
      await log(value);
      await advanceClock(server, DAY_MS - 1000);
    }
    await advanceClock(server, 10_000);
    await page.reload();
    await page.getByRole('button', { name: 'Finish and see the report' }).click();

    const table = page.getByRole('table', { name: 'Figures by phase' });
    await table.waitFor();
    const rows = await tableRows(table);
    expect(rows[0]).toEqual(['Observations', '3', '3']);
    expect(rows[1]).toEqual(['Median', '8', '4']);
    const mannWhitney = page.locator('.test-result').filter({ hasText: 'Mann-Whitney U test' });
    expect(await shownText(mannWhitney)).toMatch(/Groups of 3 and 3 are too small.*no p-value is shown/);
    expect(await shownText(page.locator('.test-results'))).not.toContain('p =');
    const chart = page.getByRole('figure', { name: 'Interruptions (per day) over time' });
    expect(await chart.locator('.chart__drawing').getAttribute('aria-label')).toBe(
      'Baseline: 3 observations, median 8. With the change: 3 observations, median 4.',
    );
    await poll(() => chart.locator('.recharts-scatter-symbol').count()).toBe(6);
    await screenshot(page, 'experiment-measurement-report');
  }, 60_000);

  it('lets a draft made elsewhere revise its prediction until it is locked, then start', async () => {
    const { page, server } = app;
    const response = await fetch(`${server.api}/experiments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        templateId: 'week-vs-20-minutes',
        prediction: { text: 'A first guess.', favoured: 'passive' },
      }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await page.goto(`${server.url}experiments/${id}`);
    await page.getByRole('heading', { name: 'Experiment draft: write and lock your prediction' }).waitFor();

    await page.getByRole('button', { name: 'Edit prediction' }).click();
    const edit = page.getByRole('form', { name: 'Edit your prediction' });
    await edit.getByLabel('What do you expect?').fill('On second thought, the focused session wins.');
    await edit.getByRole('radio', { name: 'One focused session' }).check();
    await edit.getByRole('button', { name: 'Save prediction' }).click();
    const prediction = page.getByRole('region', { name: 'Your prediction', exact: true });
    await poll(() => shownText(prediction)).toContain('One focused session will win');
    expect(await shownText(prediction)).toContain('On second thought, the focused session wins.');

    await page.getByRole('button', { name: 'Lock my prediction' }).click();
    await poll(() => shownText(prediction)).toContain('Locked');
    expect(await page.getByRole('button', { name: 'Edit prediction' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start phase 1: A week of noticing' }).click();
    await page.getByRole('heading', { name: 'Phase 1 of 2: A week of noticing' }).waitFor();
    await poll(() => shownText(banner(page))).toContain('A week of noticing');
  });
});
