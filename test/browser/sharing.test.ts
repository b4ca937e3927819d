/**
 * Sharing with a coach in the browser, against a real `whet serve --team`: a researcher shares
 * plans and the ideas of one area from the Sharing page, the coach (in another browser) finds
 * them under Shared with me and reads them, the researcher's access log lists the reads, and
 * after the researcher revokes, the coach's page says the access ended. Axe and screenshots of
 * the new pages in light and dark, at desktop and phone width.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../src/core/team/grants.js';
import { inviteAndJoin, setUpOrganisation, type TeamClient } from '../support/team-server.js';
import { alertsFor, type Page, poll, SHOTS_DIR, screenshot, shownText } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs refused requests: 401 before sign-in, 404 for the coach's reads after the revocation, the 422 of a past date. */
const EXPECTED_ERRORS = /status of (401|404|422)\b/;

const OLIVE = { name: 'Olive Owner', email: 'olive@example.org', password: 'olive shares carefully' };
const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const DAY_MS = 86_400_000;

// The test clock lets an experiment run its week in a moment.
const team = teamAppPerTest('whet-sharing', EXPECTED_ERRORS, {
  serverEnv: () => ({ WHETSTONE_TEST_HOOKS: '1' }),
});
const person = team.person;

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(new URL('/sign-in', team.server.url).toString());
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await settled(page);
}

/**
 * Nothing on the page is loading. Polled from the test, not with waitForFunction: the team
 * server's CSP refuses the string evaluation that a repeated page-side check needs.
 */
async function settled(page: Page): Promise<void> {
  await poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

async function created<T extends { id: string }>(
  client: TeamClient,
  path: string,
  json: unknown,
): Promise<T> {
  const res = await client.call<T>('POST', path, { json });
  expect(res.status, `${path}: ${res.text}`).toBe(201);
  return res.body;
}

/** An organisation with Olive (researcher: two areas, an idea in each, a plan) and Cora (coach). */
async function organisation(): Promise<{ olive: TeamClient; cora: TeamClient; writingArea: string }> {
  const admin = await setUpOrganisation(team.server);
  const olive = await inviteAndJoin(admin, OLIVE);
  const cora = await inviteAndJoin(admin, CORA, ['coach']);
  const writing = await created(olive, '/areas', { name: 'Grant proposals' });
  const reading = await created(olive, '/areas', { name: 'Literature search' });
  await created(olive, '/ideas', { text: 'Outline before drafting', areaId: writing.id, value: 4 });
  await created(olive, '/ideas', { text: 'Skim the figures first', areaId: reading.id });
  await created(olive, '/plans', {
    title: 'Draft before noon',
    kind: 'process',
    nextAction: 'Block the mornings',
    successSignal: 'Three drafts a week',
    cadence: '3x30/week',
    reviewOn: new Date(Date.now() + 14 * DAY_MS).toISOString().slice(0, 10),
  });
  return { olive, cora, writingArea: writing.id };
}

/** A week-vs-20-minutes experiment of the client's, run through to its report on the test clock. */
async function reportedExperiment(client: TeamClient): Promise<{ id: string; title: string }> {
  const advance = (ms: number) => client.call('POST', '/test/clock', { json: { advanceMs: ms } });
  const step = async (id: string, action: string) => {
    const res = await client.call('POST', `/experiments/${id}/steps`, { json: { action } });
    expect(res.status, `${action}: ${res.text}`).toBe(200);
  };
  const { id, title } = await created<{ id: string; title: string }>(client, '/experiments', {
    templateId: 'week-vs-20-minutes',
    prediction: { text: 'The focused minutes win', favoured: 'focused' },
    phases: { passive: { length: 1 } },
    start: true,
  });
  await advance(60_000);
  await created(client, '/ideas', { text: 'Keep referee objections in one list' });
  await advance(DAY_MS);
  await step(id, 'startFocused');
  await advance(60_000);
  await created(client, '/ideas', { text: 'Write the methods before the pilot' });
  await advance(60_000);
  await step(id, 'endFocused');
  await step(id, 'startRating');
  await step(id, 'finishTriage');
  type Queue = { next: { token: string } | null };
  let queue = (await client.call<Queue>('GET', `/experiments/${id}/rating`)).body;
  while (queue.next)
    queue = (
      await client.call<Queue>('POST', `/experiments/${id}/rating`, {
        json: { token: queue.next.token, value: 4 },
      })
    ).body;
  await step(id, 'report');
  return { id, title };
}

describe('sharing with a coach in the browser', () => {
  it('a researcher shares plans and one area’s ideas; the coach reads them until the researcher revokes', async () => {
    await organisation();
    const olivePage = await person();
    await signIn(olivePage, OLIVE);
    const oliveNav = olivePage.getByRole('navigation', { name: 'Main' });
    expect(await oliveNav.getByRole('link', { name: 'Shared with me' }).count(), 'no coach nav').toBe(0);
    await oliveNav.getByRole('link', { name: 'Sharing' }).click();
    await olivePage.getByRole('heading', { level: 1, name: 'Sharing' }).waitFor();
    await olivePage.getByText('You share nothing.').waitFor();
    await olivePage.getByText('No coach has opened anything of yours yet.').waitFor();

    const form = olivePage.getByRole('form', { name: 'Share with a coach' });
    // Nothing ticked: the error is on the scopes' group, and nothing is sent.
    await form.getByRole('button', { name: 'Share' }).click();
    const scopes = form.getByRole('group', { name: 'What they may read' });
    await poll(() => alertsFor(scopes)).toEqual(['What you share must name at least one thing to share.']);
    expect(await form.getByLabel('Coach').inputValue()).not.toBe('');
    expect(await form.getByLabel('Coach').locator('option').allInnerTexts()).toEqual([CORA.name]);
    await scopes.getByRole('checkbox', { name: /^Plans and practice/ }).check();
    await scopes.getByRole('checkbox', { name: /^Ideas/ }).check();
    // A date in the past: the server's refusal lands on the field.
    await form.getByLabel('Until (optional)').fill('2001-01-01');
    await form
      .getByRole('group', { name: 'Ideas of these areas only' })
      .getByLabel('Grant proposals')
      .check();
    await form.getByRole('button', { name: 'Share' }).click();
    await poll(() => alertsFor(form.getByLabel('Until (optional)'))).toEqual([
      'The end date must be today or later.',
    ]);
    await screenshot(olivePage, 'sharing/share-form-refused');
    await form.getByLabel('Until (optional)').fill('');
    await form.getByRole('button', { name: 'Share' }).click();
    const grants = olivePage.getByRole('list', { name: 'Your grants' });
    const row = grants.getByRole('listitem').filter({ hasText: CORA.name });
    await row.getByText('Active').waitFor();
    expect(await shownText(row)).toContain('Ideas (Grant proposals), plans and practice');
    expect(await shownText(row)).toContain('until you revoke it');

    // The coach, in their own browser: Shared with me lists Olive; her view shows what she shares.
    const coraPage = await person();
    await signIn(coraPage, CORA);
    await coraPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Shared with me' })
      .click();
    const researchers = coraPage.getByRole('list', { name: 'Researchers who share with you' });
    await researchers.getByRole('link', { name: new RegExp(OLIVE.name) }).click();
    await coraPage.getByRole('heading', { level: 1, name: OLIVE.name }).waitFor();
    await coraPage.getByText('Shared with you · read only').waitFor();
    const plans = coraPage.getByRole('list', { name: `Plans of ${OLIVE.name}` });
    await plans.getByText('Draft before noon').waitFor();
    const ideas = coraPage.getByRole('list', { name: `Ideas of ${OLIVE.name}` });
    await ideas.getByText('Outline before drafting').waitFor();
    expect(await ideas.getByText('Skim the figures first').count(), 'only the shared area').toBe(0);
    await settled(coraPage);
    // Read only: nothing to press or type in on the page.
    const main = coraPage.getByRole('main');
    expect(await main.getByRole('button').count()).toBe(0);
    expect(await main.getByRole('textbox').count()).toBe(0);
    expect(await main.getByRole('checkbox').count()).toBe(0);
    expect(await coraPage.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Ideas',
      'Plans and practice',
    ]);

    // Olive's access log lists Cora's reads.
    await olivePage.reload();
    const log = olivePage.getByRole('list', { name: 'Access log' });
    await log.getByText(/your plans/).waitFor();
    // One visit of the coach's, one line: the listings opened together, in the scopes' order.
    expect((await log.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      `${CORA.name} opened your ideas and your plans just now`,
    ]);

    // Olive revokes (with a confirm); Cora's next look says the access ended, and the plan is gone.
    await row.getByRole('button', { name: /^Revoke: Cora Coach/ }).click();
    await row.getByRole('button', { name: /^Confirm revoke: Cora Coach/ }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    await coraPage.reload();
    await coraPage.getByText(`${OLIVE.name} no longer shares this with you.`).waitFor();
    expect(await coraPage.getByText('Draft before noon').count()).toBe(0);
    expect(await coraPage.getByText('Outline before drafting').count()).toBe(0);
    await coraPage.getByRole('link', { name: 'Shared with me' }).first().click();
    await coraPage.getByText('Nobody shares anything with you yet.').waitFor();
  }, 90_000);

  it('an open shared view says so when the access ends under it, and a researcher has no coach pages', async () => {
    const { olive, cora } = await organisation();
    const grant = await created<Grant>(olive, '/grants', {
      coachId: (await cora.call<{ user: { id: string } }>('GET', '/me')).body.user.id,
      scopes: ['plans'],
    });
    const coraPage = await person();
    await signIn(coraPage, CORA);
    await coraPage.goto(new URL(`/shared/${grant.researcher.id}`, team.server.url).toString());
    await coraPage
      .getByRole('list', { name: `Plans of ${OLIVE.name}` })
      .getByText('Draft before noon')
      .waitFor();
    expect((await olive.call('DELETE', `/grants/${grant.id}`)).status).toBe(200);
    // The next navigation inside the app (away and back) reads again and is refused.
    await coraPage.getByRole('link', { name: 'Shared with me' }).first().click();
    await coraPage.getByText('Nobody shares anything with you yet.').waitFor();
    await coraPage.goBack();
    await coraPage.getByText(`${OLIVE.name} no longer shares this with you.`).waitFor();
    await screenshot(coraPage, 'sharing/shared-view-ended');
    expect(await coraPage.getByText('Draft before noon').count()).toBe(0);

    const olivePage = await person();
    await signIn(olivePage, OLIVE);
    await olivePage.goto(new URL('/shared', team.server.url).toString());
    await olivePage.getByRole('heading', { level: 1, name: 'Nothing here.' }).waitFor();
    expect(await olivePage.title()).toBe('Not found · Whetstone');
  }, 60_000);

  it('a coach reads a shared experiment’s report, read only; the researcher’s log links the report', async () => {
    const { olive, cora } = await organisation();
    const experiment = await reportedExperiment(olive);
    const coraId = (await cora.call<{ user: { id: string } }>('GET', '/me')).body.user.id;
    await created<Grant>(olive, '/grants', { coachId: coraId, scopes: ['experiments'] });

    const coraPage = await person();
    await signIn(coraPage, CORA);
    await coraPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Shared with me' })
      .click();
    await coraPage.getByRole('link', { name: new RegExp(OLIVE.name) }).click();
    const list = coraPage.getByRole('list', { name: `Experiments of ${OLIVE.name}` });
    await list.getByRole('link', { name: `Read the report: ${experiment.title}` }).click();
    await coraPage.getByRole('heading', { level: 1, name: experiment.title }).waitFor();
    await coraPage.getByRole('region', { name: 'Verdict' }).waitFor();
    await coraPage.getByText('Shared by Olive Owner · read only').waitFor();
    await settled(coraPage);
    expect(await coraPage.getByRole('link', { name: 'Download result card' }).count()).toBe(0);
    expect(await coraPage.getByRole('main').locator('a[href^="/ideas/"]').count(), 'no links to ideas').toBe(
      0,
    );
    await screenshot(coraPage, 'sharing/shared-report');

    const olivePage = await person();
    await signIn(olivePage, OLIVE);
    await olivePage.goto(new URL('/sharing', team.server.url).toString());
    const report = olivePage
      .getByRole('list', { name: 'Access log' })
      .getByRole('link', { name: experiment.title });
    await report.click();
    expect(new URL(olivePage.url()).pathname).toBe(`/experiments/${experiment.id}`);
  }, 90_000);

  it('the Sharing page and the coach’s pages pass axe in light and dark, at desktop and phone width', async () => {
    const { olive, cora, writingArea } = await organisation();
    const coraId = (await cora.call<{ user: { id: string } }>('GET', '/me')).body.user.id;
    const ended = await created<Grant>(olive, '/grants', { coachId: coraId, scopes: ['sessions'] });
    await olive.call('DELETE', `/grants/${ended.id}`);
    const grant = await created<Grant>(olive, '/grants', {
      coachId: coraId,
      scopes: ['ideas', 'plans', 'experiments'],
      areaIds: [writingArea],
      until: new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10),
    });
    const olivePath = `/shared/${grant.researcher.id}`;
    for (const scope of ['ideas', 'plans', 'experiments']) await cora.call('GET', `${olivePath}/${scope}`);
    // After the reads: the experiment moves the server's clock a day on, and the log would say "tomorrow".
    const experiment = await reportedExperiment(olive);

    const variants = [
      { name: 'light-desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
      { name: 'dark-desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
      { name: 'light-phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
      { name: 'dark-phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
    ] as const;
    mkdirSync(SHOTS, { recursive: true });
    const findings: string[] = [];
    for (const variant of variants) {
      const olivePage = await person({ colorScheme: variant.colorScheme });
      await olivePage.setViewportSize(variant.viewport);
      await signIn(olivePage, OLIVE);
      await check(olivePage, '/sharing', 'sharing', variant.name, findings, (p) =>
        p.getByRole('list', { name: 'Access log' }).waitFor(),
      );
    }
    // The coach's pages after every Sharing page: their reads would join the access log.
    for (const variant of variants) {
      const coraPage = await person({ colorScheme: variant.colorScheme });
      await coraPage.setViewportSize(variant.viewport);
      await signIn(coraPage, CORA);
      await check(coraPage, '/shared', 'shared-with-me', variant.name, findings, (p) =>
        p.getByRole('list', { name: 'Researchers who share with you' }).waitFor(),
      );
      await check(coraPage, olivePath, 'shared-view', variant.name, findings, (p) =>
        p.getByRole('list', { name: `Plans of ${OLIVE.name}` }).waitFor(),
      );
      await check(
        coraPage,
        `${olivePath}/experiments/${experiment.id}`,
        'shared-report',
        variant.name,
        findings,
        (p) => p.getByRole('region', { name: 'Verdict' }).waitFor(),
      );
    }
    expect(findings).toEqual([]);
  }, 180_000);
});

/** Screenshots of the sharing pages for a person to look at. */
const SHOTS = join(SHOTS_DIR, 'sharing');

async function check(
  page: Page,
  path: string,
  name: string,
  variant: string,
  findings: string[],
  ready: (p: Page) => Promise<unknown>,
): Promise<void> {
  await page.goto(new URL(path, team.server.url).toString());
  await ready(page);
  await settled(page);
  await page.screenshot({
    path: join(SHOTS, `${name}-${variant}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  for (const v of results.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      for (const node of v.nodes) findings.push(`${name} [${variant}] ${v.id}: ${node.target.join(' ')}`);
}
