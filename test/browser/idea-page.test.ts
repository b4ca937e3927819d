/**
 * The idea page: open an idea from the inbox, edit it, walk it through its lifecycle and delete
 * it; every change is checked in the database through the CLI.
 */
import { describe, expect, it } from 'vitest';
import {
  captureWithCli,
  freshAppPerTest,
  ideaRows,
  listIdeas,
  openInbox,
  type Page,
  showIdea,
  UI_TIMEOUT_MS,
  waitForInbox,
} from './support.js';

const app = freshAppPerTest('whet-idea-page');

/** Resolves with the status of the next PATCH of this idea (call before the action). */
function nextPatch(p: Page, id: string): Promise<number> {
  return p
    .waitForResponse(
      (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/v1/ideas/${id}`,
    )
    .then((r) => r.status());
}

async function statusButtons(p: Page): Promise<string[]> {
  return p.getByRole('group', { name: 'Change status' }).getByRole('button').allTextContents();
}

describe('idea page', () => {
  it('edits an idea, moves it new -> planned -> trying -> adopted, then deletes it', async () => {
    const id = await captureWithCli(app.db, 'Batch email into two slots a day', ['--area', 'environment']);
    const otherId = await captureWithCli(app.db, 'Ask for feedback on drafts earlier', ['--area', 'writing']);

    await openInbox(app.page, app.server);
    await ideaRows(app.page)
      .filter({ hasText: 'Batch email into two slots a day' })
      .getByRole('link')
      .click();
    await app.page.waitForURL(`${app.server.url}ideas/${id}`);
    const text = app.page.getByLabel('Idea text');
    await text.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await text.inputValue()).toBe('Batch email into two slots a day');
    expect(await app.page.getByRole('heading', { name: 'Status: New' }).count()).toBe(1);
    expect(await app.page.getByRole('combobox', { name: 'Area' }).inputValue()).toBe('environment');

    // Text: Enter saves.
    let saved = nextPatch(app.page, id);
    await text.fill('Batch email into two fixed slots a day');
    await text.press('Enter');
    expect(await saved).toBe(200);
    expect((await showIdea(app.db, id)).text).toBe('Batch email into two fixed slots a day');

    // Value, effort, area and context.
    const value = app.page.getByRole('group', { name: 'Value' });
    saved = nextPatch(app.page, id);
    await value.getByRole('radio', { name: '5', exact: true }).check();
    expect(await saved).toBe(200);
    expect((await showIdea(app.db, id)).value).toBe(5);

    saved = nextPatch(app.page, id);
    await app.page.getByRole('group', { name: 'Effort' }).getByRole('radio', { name: 'Small' }).check();
    expect(await saved).toBe(200);

    saved = nextPatch(app.page, id);
    await app.page.getByRole('combobox', { name: 'Area' }).selectOption({ label: 'Prioritisation' });
    expect(await saved).toBe(200);

    saved = nextPatch(app.page, id);
    await app.page.getByLabel('Context').fill('inbox at 140 unread');
    await app.page.getByLabel('Context').press('Tab'); // leaving the field saves it
    expect(await saved).toBe(200);

    expect(await showIdea(app.db, id)).toMatchObject({
      text: 'Batch email into two fixed slots a day',
      value: 5,
      effort: 'S',
      areaId: 'prioritisation',
      context: 'inbox at 140 unread',
      status: 'new',
    });

    // The lifecycle, one button at a time; each step is in the database before the next.
    const steps = [
      { button: 'Mark planned', status: 'planned', heading: 'Status: Planned' },
      { button: 'Start trying', status: 'trying', heading: 'Status: Trying' },
      { button: 'Mark adopted', status: 'adopted', heading: 'Status: Adopted' },
    ] as const;
    for (const step of steps) {
      saved = nextPatch(app.page, id);
      await app.page.getByRole('button', { name: step.button, exact: true }).click();
      expect(await saved).toBe(200);
      await app.page.getByRole('heading', { name: step.heading }).waitFor({ timeout: UI_TIMEOUT_MS });
      expect((await showIdea(app.db, id)).status).toBe(step.status);
    }
    expect(await statusButtons(app.page)).toEqual(['Back to trying']);

    // A reload shows what was saved.
    await app.page.reload();
    await text.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await text.inputValue()).toBe('Batch email into two fixed slots a day');
    expect(await value.getByRole('radio', { name: '5', exact: true }).isChecked()).toBe(true);
    expect(await app.page.getByRole('heading', { name: 'Status: Adopted' }).count()).toBe(1);
    expect(await app.page.getByLabel('Context').inputValue()).toBe('inbox at 140 unread');

    // Delete: Cancel keeps it, "Delete for good" removes it and returns to the inbox.
    await app.page.getByRole('button', { name: 'Delete idea' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Delete this idea?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await showIdea(app.db, id)).toBeDefined();

    await app.page.getByRole('button', { name: 'Delete idea' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Batch email into two fixed slots a day');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await waitForInbox(app.page);
    expect(new URL(app.page.url()).pathname).toBe('/');
    await ideaRows(app.page).filter({ hasText: 'Ask for feedback on drafts earlier' }).waitFor();
    expect(await ideaRows(app.page).count()).toBe(1);
    expect((await listIdeas(app.db)).map((i) => i.id)).toEqual([otherId]);

    // Its address now says so.
    await app.page.goto(`${app.server.url}ideas/${id}`);
    await app.page.getByText('This idea does not exist (any more).').waitFor({ timeout: UI_TIMEOUT_MS });
    // That visit's 404 is expected; it is the only error allowed.
    const expected = `status of 404 (Not Found) (${app.server.url}api/v1/ideas/${id})`;
    expect(app.pageErrors.filter((e) => !e.endsWith(expected))).toEqual([]);
    app.pageErrors.length = 0;
  });

  it('drops and reopens an idea', async () => {
    const id = await captureWithCli(app.db, 'Try a standing desk', ['--area', 'energy']);
    await app.page.goto(`${app.server.url}ideas/${id}`);
    await app.page.getByRole('heading', { name: 'Status: New' }).waitFor({ timeout: UI_TIMEOUT_MS });

    let saved = nextPatch(app.page, id);
    await app.page.getByRole('button', { name: 'Drop', exact: true }).click();
    expect(await saved).toBe(200);
    await app.page.getByRole('heading', { name: 'Status: Dropped' }).waitFor();
    expect(await statusButtons(app.page)).toEqual(['Reopen']);
    expect((await showIdea(app.db, id)).status).toBe('dropped');

    saved = nextPatch(app.page, id);
    await app.page.getByRole('button', { name: 'Reopen' }).click();
    expect(await saved).toBe(200);
    await app.page.getByRole('heading', { name: 'Status: New' }).waitFor();
    expect((await showIdea(app.db, id)).status).toBe('new');
  });

  it('refuses to save empty text and keeps the saved text', async () => {
    const id = await captureWithCli(app.db, 'Keep a reading log');
    await app.page.goto(`${app.server.url}ideas/${id}`);
    const text = app.page.getByLabel('Idea text');
    await text.waitFor({ timeout: UI_TIMEOUT_MS });
    await text.fill('   ');
    await text.press('Enter');
    await app.page
      .getByRole('alert')
      .filter({ hasText: 'must not be empty' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect((await showIdea(app.db, id)).text).toBe('Keep a reading log');
  });

  // Regression: the blur that follows Escape once saved the edit being thrown away.
  it('Escape throws an unsaved text edit away (nothing is saved)', async () => {
    const id = await captureWithCli(app.db, 'Keep a reading log');
    await app.page.goto(`${app.server.url}ideas/${id}`);
    const text = app.page.getByLabel('Idea text');
    await text.waitFor({ timeout: UI_TIMEOUT_MS });
    const patches: string[] = [];
    app.page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push(request.postData() ?? '');
    });
    await text.fill('An edit I change my mind about');
    await text.press('Escape');
    expect(await text.inputValue()).toBe('Keep a reading log');
    // A save would have been sent from the key handler itself, before press() returned.
    expect(patches, 'Escape sent a save').toEqual([]);
    await app.page.reload();
    await text.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await text.inputValue()).toBe('Keep a reading log');
    expect((await showIdea(app.db, id)).text).toBe('Keep a reading log');
  });
});
