/**
 * A second, blind rater in the browser: the researcher invites from the experiment page and copies
 * the link shown once; the link opens a page with nothing but one idea text at a time, rated with
 * keys 1–5 and buttons, an undo, and a finish; the report then shows the agreement; a withdrawn
 * link gets a page that says so. The experiment is driven to rating through the API with the
 * server's clock moved forward (WHETSTONE_TEST_HOOKS=1).
 */
import { describe, expect, it } from 'vitest';
import type { WhetServer } from '../support/server.js';
import { advanceClock, apiJson, freshAppPerTest, poll } from './support.js';

const app = freshAppPerTest('whet-second-rater', /Failed to load resource: .*status of (404|409)/, {
  serverEnv: { WHETSTONE_TEST_HOOKS: '1' },
});

const TEXTS = [
  'Keep a list of objections',
  'Batch email twice a day',
  'Write methods first',
  'Automate plots',
];

/** An experiment through its triage, with four ideas, rated by the researcher (all 3s but one 5). */
async function ratedExperiment(server: WhetServer): Promise<string> {
  const { id } = await apiJson<{ id: string }>(server, 'POST', '/experiments', {
    templateId: 'week-vs-20-minutes',
    prediction: { text: 'Focused time wins', favoured: 'focused' },
    phases: { passive: { length: 1 } },
    start: true,
  });
  const step = (action: string) => apiJson(server, 'POST', `/experiments/${id}/steps`, { action });
  for (const text of TEXTS.slice(0, 2)) {
    await advanceClock(server, 3_600_000);
    await apiJson(server, 'POST', '/ideas', { text });
  }
  await advanceClock(server, 86_400_000);
  await step('startFocused');
  for (const text of TEXTS.slice(2)) {
    await advanceClock(server, 60_000);
    await apiJson(server, 'POST', '/ideas', { text });
  }
  await advanceClock(server, 60_000);
  await step('endFocused');
  await advanceClock(server, 60_000);
  await step('startRating');
  await step('finishTriage');
  type Queue = { next: { token: string; text: string } | null };
  let queue = await apiJson<Queue>(server, 'GET', `/experiments/${id}/rating`);
  while (queue.next)
    queue = await apiJson<Queue>(server, 'POST', `/experiments/${id}/rating`, {
      token: queue.next.token,
      value: queue.next.text === 'Write methods first' ? 5 : 3,
    });
  return id;
}

describe('second rater', () => {
  it('invites, rates blind on the public page with keys, finishes, and a withdrawn link says so', async () => {
    const { page, server } = app;
    const id = await ratedExperiment(server);
    await page.goto(`${server.url}experiments/${id}`);
    const card = page.getByRole('region', { name: 'Second rater' });
    await card.getByLabel('Their name (optional)').fill('Cora');
    await card.getByRole('button', { name: 'Invite a second rater' }).click();
    const linkField = card.getByLabel(/The link/);
    await poll(() => linkField.inputValue()).toMatch(/\/rate\/[A-Za-z0-9_-]+$/);
    const link = await linkField.inputValue();
    await poll(() => card.getByRole('status').textContent()).toMatch(/Cora: 0 of 4 rated/);

    // The rater's page: the text and nothing else about it; no sidebar, no banner.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Rate ideas, blind' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    const body = await page.locator('main').textContent();
    expect(body).not.toMatch(/passive|focused|week|20 minutes/i);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const text = (await page.locator('.blind__text').textContent()) ?? '';
      seen.push(text);
      await page.keyboard.press(i === 0 ? '1' : '4');
      if (i === 0) {
        // A slip: undo brings the same idea back.
        await page.getByRole('button', { name: 'Undo last rating' }).first().click();
        await poll(() => page.locator('.blind__text').textContent()).toBe(text);
        await page.getByRole('button', { name: /^3/ }).click();
      }
      if (i < 3) await poll(() => page.locator('.blind__text').textContent()).not.toBe(text);
    }
    expect([...seen].sort()).toEqual([...TEXTS].sort());
    await page.getByRole('button', { name: 'Finish and hand in the ratings' }).click();
    await page.getByText('Thank you — your ratings are handed in.').waitFor();

    // The researcher reports; the report shows the agreement.
    await apiJson(server, 'POST', `/experiments/${id}/steps`, { action: 'report' });
    await page.goto(`${server.url}experiments/${id}`);
    const section = page.getByRole('region', { name: 'The second rater’s ratings' });
    await section.waitFor();
    expect(await section.textContent()).toMatch(
      /weighted kappa \(quadratic\): -?\d\.\d\d \(4 ideas rated by both\)/,
    );
    expect(await section.getByRole('row').count()).toBe(3);

    await apiJson(server, 'DELETE', `/experiments/${id}/second-rater`);
    await page.goto(link);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  });
});
