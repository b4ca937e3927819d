/**
 * Invalid input is explained next to the field it concerns (role=alert, referenced by the
 * field's aria-describedby) and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { IDEA_TEXT_MAX } from '../../src/core/limits.js';
import {
  alertsFor,
  captureWithCli,
  freshAppPerTest,
  ideaRows,
  listIdeas,
  openInbox,
  type Page,
  showIdea,
  UI_TIMEOUT_MS,
} from './support.js';

// A refused request is logged by Chromium as a failed resource load; anything else is a bug.
const app = freshAppPerTest('whet-validation', /status of (409|422)/);

/** Statuses of the page's POST /api/v1/ideas responses, in order. */
function recordCaptures(p: Page): number[] {
  const statuses: number[] = [];
  p.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().method() === 'POST' && url.pathname === '/api/v1/ideas') {
      statuses.push(response.status());
    }
  });
  return statuses;
}

describe('capture box', () => {
  it('explains text over the limit under the box, saves nothing, and accepts exactly the limit', async () => {
    await captureWithCli(app.db, 'An idea that was already there');
    const captures = recordCaptures(app.page);
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');

    const tooLong = `${'a'.repeat(IDEA_TEXT_MAX - 4)} end!`; // 2001 characters
    expect(tooLong).toHaveLength(IDEA_TEXT_MAX + 1);
    await box.fill(tooLong);
    const alert = app.page.getByRole('alert').filter({ hasText: `at most ${IDEA_TEXT_MAX} characters` });
    await alert.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alertsFor(box)).toEqual(['Text must be at most 2000 characters.']);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await app.page.getByText('2,001 / 2,000').waitFor();

    await box.press('Enter');
    await app.page.getByRole('button', { name: 'Save idea' }).and(app.page.locator(':enabled')).waitFor();
    await alert.waitFor();
    expect(await alertsFor(box)).toEqual(['Text must be at most 2000 characters.']);
    expect(await box.inputValue(), 'the rejected text must stay in the box').toBe(tooLong);
    expect(await ideaRows(app.page).count()).toBe(1);

    // Exactly at the limit is fine, and the error goes away.
    const atLimit = tooLong.slice(0, IDEA_TEXT_MAX);
    await box.fill(atLimit);
    await alert.waitFor({ state: 'detached' });
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    expect(await alertsFor(box)).toEqual([]);
    await box.press('Enter');
    await app.page
      .getByRole('form', { name: 'Capture an idea' })
      .getByRole('status')
      .getByText('Idea saved.')
      .waitFor({ timeout: UI_TIMEOUT_MS });

    const ideas = await listIdeas(app.db);
    expect(ideas.map((i) => i.text.length)).toEqual([IDEA_TEXT_MAX, 'An idea that was already there'.length]);
    // The over-long attempt, if it reached the server at all, was refused.
    expect(captures.slice(0, -1).every((s) => s === 422)).toBe(true);
    expect(captures.at(-1)).toBe(201);
  });

  it('refuses an empty idea with a message under the box', async () => {
    const captures = recordCaptures(app.page);
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');
    await box.fill('   ');
    await box.press('Enter');
    await app.page
      .getByRole('alert')
      .filter({ hasText: 'must not be empty' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alertsFor(box)).toEqual(['Text must not be empty.']);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // Typing clears the message.
    await box.pressSequentially('x');
    expect(await alertsFor(box)).toEqual([]);
    expect(captures.filter((s) => s < 300)).toEqual([]);
    expect(await listIdeas(app.db)).toEqual([]);
  });
});

describe('areas page', () => {
  it('explains a duplicate area name next to "Area name" and adds nothing', async () => {
    const before = await app.db.cliJson<{ id: string; name: string }[]>(['areas', '--all', '--json']);
    await app.page.goto(`${app.server.url}areas`);
    const active = app.page.getByRole('list', { name: 'Active areas' });
    await active.getByText('Coding', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });

    const name = app.page.getByLabel('Area name');
    await name.fill('  coding ');
    await app.page.getByRole('button', { name: 'Add area' }).click();
    await app.page
      .getByRole('alert')
      .filter({ hasText: 'already exists' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    const alerts = await alertsFor(name);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/an area called .Coding. already exists/i);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.inputValue()).toBe('  coding ');
    expect(await active.getByRole('listitem').count()).toBe(before.length);

    const after = await app.db.cliJson<{ id: string }[]>(['areas', '--all', '--json']);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());

    // A new name goes through and clears the error.
    await name.fill('Grant writing');
    expect(await alertsFor(name)).toEqual([]);
    await app.page.getByLabel('Description').fill('Proposals, reports, budgets');
    await app.page.getByRole('button', { name: 'Add area' }).click();
    await active.getByText('Grant writing', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await name.inputValue()).toBe('');
    const added = await app.db.cliJson<{ id: string; name: string; description: string | null }[]>([
      'areas',
      '--json',
    ]);
    expect(added.find((a) => a.id === 'grant-writing')).toMatchObject({
      name: 'Grant writing',
      description: 'Proposals, reports, budgets',
    });
  });
});

describe('status changes', () => {
  it('offers only the allowed changes, and explains a change the server refuses', async () => {
    const id = await captureWithCli(app.db, 'Review my week every Friday', ['--area', 'prioritisation']);
    await app.page.goto(`${app.server.url}ideas/${id}`);
    const actions = app.page.getByRole('group', { name: 'Change status' });
    await actions.getByRole('button', { name: 'Mark planned' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await actions.getByRole('button').allTextContents()).toEqual([
      'Mark planned',
      'Start trying',
      'Drop',
    ]);
    expect(await app.page.getByRole('button', { name: 'Mark adopted' }).count()).toBe(0);
    expect(await app.page.getByRole('button', { name: 'Reopen' }).count()).toBe(0);

    // Someone drops the idea from the terminal while the page still shows it as new.
    await app.db.cli(['idea', 'status', id, 'dropped']);
    await actions.getByRole('button', { name: 'Mark planned' }).click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'cannot go from dropped to planned' });
    await alert.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alertsFor(actions)).toEqual([(await alert.textContent())?.trim()]);
    expect((await showIdea(app.db, id)).status).toBe('dropped');
  });
});
