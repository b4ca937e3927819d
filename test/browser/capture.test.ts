/**
 * Capturing ideas in the web app and with the CLI, against one real `whet serve` and the same
 * SQLite file: what one side writes, the other sees.
 */
import { describe, expect, it } from 'vitest';
import {
  captureWithCli,
  freshAppPerTest,
  ideaRows,
  listIdeas,
  openInbox,
  type Page,
  UI_TIMEOUT_MS,
  waitForInbox,
} from './support.js';

const app = freshAppPerTest('whet-capture');

/** Is `locator`'s element the document's focused element? */
async function isFocused(locator: ReturnType<Page['getByLabel']>): Promise<boolean> {
  return locator.evaluate((el) => el === el.ownerDocument.activeElement);
}

describe('capture', () => {
  it('saves an idea typed in the web app; the list shows it at the top and the CLI sees it', async () => {
    const olderId = await captureWithCli(app.db, 'Older idea captured from the terminal', [
      '--area',
      'writing',
    ]);
    await openInbox(app.page, app.server);
    const rows = ideaRows(app.page);
    await rows.first().getByText('Older idea captured from the terminal').waitFor();
    // Marks this document: a full reload would lose the mark.
    await app.page.evaluate('window.__whetNoReload = true');

    const box = app.page.getByLabel('New idea');
    const text = 'Mute Slack notifications during deep-work blocks';
    await box.fill(text);
    const capture = app.page.getByRole('form', { name: 'Capture an idea' });
    await capture.getByLabel('Area').selectOption({ label: 'Work environment & focus' });
    await capture
      .getByRole('group', { name: 'Value' })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    const created = app.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/ideas',
    );
    await box.press('Enter');
    expect((await created).status()).toBe(201);

    await capture
      .getByRole('status')
      .getByText('Idea saved to Work environment & focus.')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    const top = rows.first();
    await top.getByText(text, { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await top.getByText('Work environment & focus', { exact: true }).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Older idea captured from the terminal');
    expect(await app.page.evaluate('window.__whetNoReload === true'), 'the page was reloaded').toBe(true);

    // Ready for the next idea: empty, still focused, value reset, area remembered.
    expect(await box.inputValue()).toBe('');
    expect(await isFocused(box), 'the capture box lost focus after saving').toBe(true);
    expect(await capture.getByRole('radio', { name: 'No value' }).isChecked()).toBe(true);
    expect(await capture.getByLabel('Area').inputValue()).toBe('environment');

    const ideas = await listIdeas(app.db);
    expect(ideas).toHaveLength(2);
    const saved = ideas.find((i) => i.text === text);
    expect(saved).toMatchObject({
      text,
      areaId: 'environment',
      value: 4,
      effort: null,
      context: null,
      source: 'noticed',
      status: 'new',
    });
    // Newest first in the CLI too.
    expect(ideas.map((i) => i.id)).toEqual([saved?.id, olderId]);
  });

  it('saves optional effort, source and context from the "More" panel', async () => {
    await openInbox(app.page, app.server);
    const capture = app.page.getByRole('form', { name: 'Capture an idea' });
    const more = capture.getByRole('button', { name: 'More' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await capture.getByLabel('Context').isVisible()).toBe(false);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');

    await app.page.getByLabel('New idea').fill('Write the related-work section first');
    await capture.getByRole('group', { name: 'Effort' }).getByRole('radio', { name: 'Medium' }).check();
    await capture.getByLabel('Source').selectOption({ label: 'Conversation' });
    await capture.getByLabel('Context').fill('drafting the workshop paper');
    await capture.getByRole('button', { name: 'Save idea' }).click();
    await capture.getByRole('status').getByText('Idea saved.').waitFor({ timeout: UI_TIMEOUT_MS });

    const [idea] = await listIdeas(app.db);
    expect(idea).toMatchObject({
      text: 'Write the related-work section first',
      areaId: null,
      value: null,
      effort: 'M',
      source: 'conversation',
      context: 'drafting the workshop paper',
    });
  });

  it('Shift+Enter adds a new line instead of saving', async () => {
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');
    await box.click();
    await app.page.keyboard.type('First line');
    await app.page.keyboard.press('Shift+Enter');
    await app.page.keyboard.type('second line');
    expect(await box.inputValue()).toBe('First line\nsecond line');
    await app.page.keyboard.press('Enter');
    await app.page
      .getByRole('form', { name: 'Capture an idea' })
      .getByRole('status')
      .getByText('Idea saved')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    const ideas = await listIdeas(app.db);
    expect(ideas.map((i) => i.text)).toEqual(['First line\nsecond line']);
  });

  it('shows an idea captured with the CLI after a reload, with its area name', async () => {
    await openInbox(app.page, app.server);
    await app.page.getByText('No ideas yet — what slowed you down today?').waitFor();

    const text = 'Pin the random seed in every experiment script';
    const id = await captureWithCli(app.db, text, ['--area', 'coding']);
    await app.page.reload();
    await waitForInbox(app.page);
    const row = ideaRows(app.page).filter({ hasText: text });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await ideaRows(app.page).count()).toBe(1);
    await row.getByText('Coding', { exact: true }).waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toBe(`/ideas/${id}`);

    // Another one, seen after navigating away and back (no reload).
    await captureWithCli(app.db, 'Read one paper before lunch', ['--area', 'reading', '--value', '2']);
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Areas' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Areas' }).waitFor();
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    const reading = ideaRows(app.page).filter({ hasText: 'Read one paper before lunch' });
    await reading.waitFor({ timeout: UI_TIMEOUT_MS });
    await reading.getByText('Reading papers', { exact: true }).waitFor();
    expect(await ideaRows(app.page).count()).toBe(2);
  });
});

describe('live inbox and undo', () => {
  it('an idea captured with the CLI appears in an open inbox without a reload', async () => {
    await captureWithCli(app.db, 'Already here before the page opened');
    await openInbox(app.page, app.server);
    await ideaRows(app.page).first().getByText('Already here before the page opened').waitFor();
    await app.page.evaluate('window.__whetNoReload = true');

    await captureWithCli(app.db, 'Captured in the terminal while the inbox is open', ['--area', 'learning']);
    const top = ideaRows(app.page).first();
    await top
      .getByText('Captured in the terminal while the inbox is open')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await top.getByText('Learning', { exact: true }).waitFor();
    expect(await ideaRows(app.page).count()).toBe(2);
    expect(await app.page.evaluate('window.__whetNoReload === true'), 'the page was reloaded').toBe(true);
  });

  it('"Undo" after saving deletes the idea and puts its text back in the box', async () => {
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');
    await box.fill('Turn off email on the phone');
    await box.press('Enter');
    const status = app.page.getByRole('form', { name: 'Capture an idea' }).getByRole('status');
    await status.getByText('Idea saved.').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await listIdeas(app.db)).toHaveLength(1);

    await status.getByRole('button', { name: 'Undo' }).click();
    await ideaRows(app.page).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(await box.inputValue()).toBe('Turn off email on the phone');
    expect(await listIdeas(app.db)).toEqual([]);
  });
});

describe('keyboard', () => {
  it('"n" focuses the capture box and a whole capture works without the mouse', async () => {
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');
    expect(await isFocused(box)).toBe(false);

    await app.page.keyboard.press('n');
    await expect.poll(() => isFocused(box), { timeout: UI_TIMEOUT_MS }).toBe(true);
    // The shortcut key itself is not typed into the box.
    expect(await box.inputValue()).toBe('');

    await app.page.keyboard.type('Keep a lab notebook of dead ends');
    await app.page.keyboard.press('Tab');
    const area = app.page.getByRole('form', { name: 'Capture an idea' }).getByLabel('Area');
    expect(await isFocused(area), 'Tab from the capture box should reach the Area select').toBe(true);
    await area.press('ArrowDown'); // the first area after "No area"
    const chosenArea = await area.inputValue();
    expect(chosenArea).not.toBe('');

    await app.page.keyboard.press('Tab'); // into the Value radio group, on "No value"
    const noValue = app.page.getByRole('radio', { name: 'No value' });
    expect(await isFocused(noValue)).toBe(true);
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    expect(await app.page.getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(true);

    await app.page.keyboard.press('Shift+Tab');
    await app.page.keyboard.press('Shift+Tab');
    expect(await isFocused(box)).toBe(true);
    await app.page.keyboard.press('Enter');
    await app.page
      .getByRole('form', { name: 'Capture an idea' })
      .getByRole('status')
      .getByText('Idea saved to')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await ideaRows(app.page).first().getByText('Keep a lab notebook of dead ends').waitFor();

    const [idea] = await listIdeas(app.db);
    expect(idea).toMatchObject({ text: 'Keep a lab notebook of dead ends', areaId: chosenArea, value: 2 });
  });

  it('"/" also focuses the capture box, but not while typing in another field', async () => {
    await openInbox(app.page, app.server);
    const box = app.page.getByLabel('New idea');
    const search = app.page.getByLabel('Search ideas');
    await search.click();
    await app.page.keyboard.type('n/');
    expect(await search.inputValue()).toBe('n/');
    expect(await isFocused(search)).toBe(true);

    await search.press('Escape'); // clears the search
    await search.evaluate((el) => (el as unknown as { blur(): void }).blur());
    await app.page.keyboard.press('/');
    await expect.poll(() => isFocused(box), { timeout: UI_TIMEOUT_MS }).toBe(true);
    expect(await box.inputValue()).toBe('');
  });

  it('"n" on another page goes to the inbox capture box', async () => {
    await app.page.goto(`${app.server.url}areas`);
    await app.page.getByRole('heading', { level: 1, name: 'Areas' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await app.page.keyboard.press('n');
    await app.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const box = app.page.getByLabel('New idea');
    await expect.poll(() => isFocused(box), { timeout: UI_TIMEOUT_MS }).toBe(true);
  });
});
