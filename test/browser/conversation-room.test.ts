/**
 * The conversation room in two browsers against a real `whet serve --team`: a researcher has
 * booked her coach; both open the room. The coach moves the guide and the researcher's page shows
 * the question; both type into the shared notes at the same time and both pages end with both
 * typings; each proposes an idea, the researcher accepts one and turns down the other, and only
 * the accepted one reaches her inbox (source conversation); the coach codes the culture answer
 * with one click. After the end: the researcher's take-away with "Make a plan" and the follow-up
 * the coach proposed. Axe and screenshots of both people's rooms, light and dark, desktop and phone.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BookingConfirmation, SlotList } from '../../src/core/coaching/booking.js';
import type { ConversationRoom } from '../../src/core/coaching/conversation.js';
import type { Idea } from '../../src/core/ideas.js';
import { inviteAndJoin, setUpOrganisation, TeamClient } from '../support/team-server.js';
import { type Page, poll, SHOTS_DIR, shownText } from './support.js';
import { teamAppPerTest } from './team-app.js';

/** Chromium logs the refused requests before sign-in. */
const EXPECTED_ERRORS = /status of 401\b/;

const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const RHEA = { name: 'Rhea Researcher', email: 'rhea@example.org', password: 'rhea has ideas' };
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const WEEK = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ALL_DAY]));
/** Two browsers' events and requests interleave: waits are generous, never timings. */
const SLOW_MS = 20_000;

const team = teamAppPerTest('whet-room', EXPECTED_ERRORS);

interface Room {
  id: string;
  cora: TeamClient;
  rhea: TeamClient;
}

/** Cora coaches (profile, all-day hours, one video type); Rhea books her with her account's address. */
async function bookedRoom(): Promise<Room> {
  const admin = await setUpOrganisation(team.server);
  const cora = await inviteAndJoin(admin, CORA, ['coach']);
  const rhea = await inviteAndJoin(admin, RHEA);
  await cora.call('PUT', '/coach/profile', {
    json: { handle: 'cora', displayName: CORA.name, introduction: '', timeZone: 'Europe/Berlin' },
  });
  await cora.call('PUT', '/coach/availability', { json: { weekly: WEEK, overrides: [], timeOff: [] } });
  const type = await cora.call('POST', '/coach/types', {
    json: {
      slug: 'debug',
      title: 'Debugging conversation',
      description: '',
      durationMinutes: 60,
      locationKind: 'video',
      location: 'https://meet.example.org/cora',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      horizonDays: 14,
      dailyLimit: null,
      weeklyLimit: null,
      slotIncrementMinutes: 60,
      questions: [],
      active: true,
    },
  });
  expect(type.status, type.text).toBe(201);
  const visitor = new TeamClient(team.server, 'visitor');
  const slots = await visitor.call<SlotList>('GET', '/public/book/cora/debug/slots?timeZone=UTC');
  const booked = await visitor.call<BookingConfirmation>('POST', '/public/book/cora/debug/bookings', {
    json: {
      start: slots.body.days[1]?.slots[0]?.start,
      name: RHEA.name,
      email: RHEA.email,
      timeZone: 'UTC',
      answers: {},
    },
  });
  expect(booked.status, booked.text).toBe(201);
  const list = await cora.call<{ items: { id: string }[] }>('GET', '/coach/bookings');
  return { id: list.body.items[0]?.id ?? '', cora, rhea };
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(new URL('/sign-in', team.server.url).toString());
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Password').fill(who.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
}

async function openRoom(page: Page, id: string): Promise<void> {
  await page.goto(new URL(`/conversations/${id}`, team.server.url).toString());
  await page.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();
  await notesSaved(page);
}

/** The shared notes are loaded and nothing typed is unsent. */
async function notesSaved(page: Page): Promise<void> {
  const status = page.getByRole('region', { name: 'Shared notes' }).getByText('Saved', { exact: true });
  await expect.poll(() => status.count(), { timeout: SLOW_MS, interval: 100 }).toBe(1);
}

const notesOf = (page: Page) => page.getByRole('textbox', { name: 'Shared notes' });
const ideasOf = (page: Page) => page.getByRole('list', { name: 'Proposed ideas' });
const slow = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: SLOW_MS, interval: 100 });

describe('the conversation room in the browser', () => {
  it('two people share the guide, the notes and the ideas; only accepted ideas reach the researcher', async () => {
    const { id, cora, rhea } = await bookedRoom();
    const questions = (await cora.call<ConversationRoom>('GET', `/conversations/${id}`)).body.guide.questions;
    const coraPage = await team.person();
    const rheaPage = await team.person();
    await signIn(coraPage, CORA);
    await signIn(rheaPage, RHEA);

    // The coach finds the conversation in the navigation's list.
    await coraPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Conversations' })
      .click();
    const upcoming = coraPage.getByRole('list', { name: 'Upcoming conversations' });
    await upcoming.getByRole('link', { name: `Debugging conversation with ${RHEA.name}` }).click();
    await coraPage.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();
    await openRoom(rheaPage, id);
    expect(await rheaPage.getByRole('button', { name: 'End conversation' }).count()).toBe(0);
    expect(await rheaPage.getByLabel('Your private notes').count()).toBe(0);

    // The guide: the coach starts and moves on; the researcher's page follows and announces it.
    await coraPage.getByRole('button', { name: 'Start' }).click();
    await rheaPage.getByText(questions[0]?.text ?? '?', { exact: true }).waitFor({ timeout: SLOW_MS });
    await coraPage.getByRole('button', { name: 'Next question' }).click();
    await rheaPage.getByText(questions[1]?.text ?? '?', { exact: true }).waitFor({ timeout: SLOW_MS });
    await slow(() => shownText(rheaPage.locator('[aria-live="polite"]').first())).toContain(
      'The coach moved to the next question: 2 of',
    );
    expect(await rheaPage.getByRole('button', { name: 'Next question' }).count()).toBe(0);
    expect(await rheaPage.getByText(questions[2]?.text ?? '?').count(), 'only the current question').toBe(0);

    // Both type into the shared notes at the same time; both pages end with both typings.
    const coachWords = 'Coach: what slowed you down this week? ';
    const researcherWords = 'Researcher: the literature search. ';
    await notesOf(coraPage).click();
    await notesOf(rheaPage).click();
    await Promise.all([
      notesOf(coraPage).pressSequentially(coachWords, { delay: 15 }),
      notesOf(rheaPage).pressSequentially(researcherWords, { delay: 15 }),
    ]);
    for (const page of [coraPage, rheaPage]) {
      await slow(() => notesOf(page).inputValue()).toContain(coachWords.trim());
      await slow(() => notesOf(page).inputValue()).toContain(researcherWords.trim());
    }
    for (const page of [coraPage, rheaPage]) await notesSaved(page);
    await slow(
      async () => (await notesOf(coraPage).inputValue()) === (await notesOf(rheaPage).inputValue()),
    ).toBe(true);
    await slow(
      async () => (await rhea.call<ConversationRoom>('GET', `/conversations/${id}`)).body.sharedNotes.text,
    ).toBe(await notesOf(rheaPage).inputValue());

    // Each proposes an idea; each page shows both, with who proposed it.
    const proposeOn = async (page: Page, text: string) => {
      const form = page.getByRole('form', { name: 'Propose an idea' });
      await form.getByLabel('Propose an idea').fill(text);
      await form.getByRole('button', { name: 'Propose' }).click();
    };
    await proposeOn(coraPage, 'Block two mornings a week for writing');
    await proposeOn(rheaPage, 'Read abstracts before whole papers');
    for (const page of [coraPage, rheaPage])
      for (const text of ['Block two mornings a week for writing', 'Read abstracts before whole papers'])
        await ideasOf(page).getByText(text).waitFor({ timeout: SLOW_MS });
    const rheasRow = (text: string) => ideasOf(rheaPage).getByRole('listitem').filter({ hasText: text });
    expect(await shownText(rheasRow('Block two mornings'))).toContain(`Proposed by ${CORA.name}`);
    expect(await shownText(rheasRow('Read abstracts'))).toContain('Proposed by you');
    expect(await ideasOf(coraPage).getByRole('button').count(), 'the coach does not decide').toBe(0);

    await rheasRow('Block two mornings').getByRole('button', { name: 'Accept' }).click();
    await rheasRow('Block two mornings').getByRole('link', { name: 'In your inbox' }).waitFor();
    await rheasRow('Read abstracts').getByRole('button', { name: 'Not for me' }).click();
    await rheasRow('Read abstracts').getByText('Not for you').waitFor();
    const coachesRow = (text: string) => ideasOf(coraPage).getByRole('listitem').filter({ hasText: text });
    await coachesRow('Block two mornings').getByText('Accepted').waitFor({ timeout: SLOW_MS });
    await coachesRow('Read abstracts').getByText('Not taken').waitFor({ timeout: SLOW_MS });

    // Only the accepted idea is in her log, with source "conversation"; her inbox shows it.
    const log = (await rhea.call<{ items: Idea[] }>('GET', '/ideas')).body.items;
    expect(log.map((idea) => [idea.text, idea.source])).toEqual([
      ['Block two mornings a week for writing', 'conversation'],
    ]);
    await rheasRow('Block two mornings').getByRole('link', { name: 'In your inbox' }).click();
    await rheaPage.getByText('Block two mornings a week for writing').first().waitFor();
    await rheaPage.goto(new URL('/', team.server.url).toString());
    await rheaPage
      .getByRole('list', { name: 'Ideas' })
      .getByText('Block two mornings a week for writing')
      .waitFor();
    expect(await rheaPage.getByText('Read abstracts before whole papers').count()).toBe(0);

    // The coach codes the culture answer with one click; a reload shows it kept.
    const culture = coraPage.getByRole('group', { name: 'How do you get better at research at the moment?' });
    await culture.getByRole('radio', { name: 'A concrete practice' }).click();
    await slow(
      async () => (await cora.call<ConversationRoom>('GET', `/conversations/${id}`)).body.culture?.answer,
    ).toBe('concrete-practice');
    await coraPage.reload();
    await coraPage.getByRole('heading', { level: 1, name: 'Debugging conversation' }).waitFor();
    expect(
      await coraPage
        .getByRole('group', { name: 'How do you get better at research at the moment?' })
        .getByRole('radio', { name: 'A concrete practice' })
        .isChecked(),
    ).toBe(true);
    expect((await rhea.call<ConversationRoom>('GET', `/conversations/${id}`)).body.culture).toBeNull();
  }, 120_000);

  it('after the end the researcher takes her ideas to a plan and sees the follow-up the coach proposed', async () => {
    const { id, cora, rhea } = await bookedRoom();
    const idea = await rhea.call<{ id: string }>('POST', `/conversations/${id}/ideas`, {
      json: { text: 'Outline before drafting' },
    });
    await rhea.call('POST', `/conversations/${id}/ideas/${idea.body.id}/accept`);
    const coraPage = await team.person();
    const rheaPage = await team.person();
    await signIn(coraPage, CORA);
    await signIn(rheaPage, RHEA);
    await openRoom(coraPage, id);
    await openRoom(rheaPage, id);

    await coraPage.getByRole('button', { name: 'End conversation' }).click();
    await coraPage.getByRole('button', { name: 'End now' }).click();
    const followUp = coraPage.getByRole('form', { name: 'Propose a follow-up' });
    await followUp.getByLabel('Conversation').selectOption({ label: 'Debugging conversation' });
    const times = followUp.getByRole('group', { name: /Times to offer/ });
    await times.getByRole('checkbox').first().check();
    await followUp.getByLabel('Note').fill('Tell me how the outlines went.');
    await followUp.getByRole('button', { name: 'Propose the follow-up' }).click();
    await coraPage.getByRole('form', { name: 'The follow-up you proposed' }).waitFor();
    expect(
      (await cora.call<ConversationRoom>('GET', `/conversations/${id}`)).body.followUp?.starts,
    ).toHaveLength(1);

    await rheaPage.getByRole('heading', { name: 'What you take away' }).waitFor({ timeout: SLOW_MS });
    await rheaPage
      .getByText(`${CORA.name} suggests a follow-up: Debugging conversation`)
      .waitFor({ timeout: SLOW_MS });
    await rheaPage.getByText('Tell me how the outlines went.').waitFor();
    const book = rheaPage.getByRole('link', { name: 'Book the follow-up' });
    expect(new URL((await book.getAttribute('href')) ?? '', team.server.url).pathname).toBe(
      '/book/cora/debug',
    );
    expect(await rheaPage.getByRole('list', { name: 'Offered times' }).getByRole('link').count()).toBe(1);
    await shot(coraPage, 'room-ended-coach');
    await shot(rheaPage, 'room-ended-researcher');

    await rheaPage
      .getByRole('list', { name: 'Accepted ideas' })
      .getByRole('link', { name: 'Make a plan' })
      .click();
    await rheaPage.getByRole('button', { name: 'Make a plan' }).click();
    const planForm = rheaPage.getByRole('form', { name: 'Make a plan' });
    await planForm.getByRole('textbox', { name: /^Next action/ }).fill('Outline tomorrow’s section');
    await planForm.getByRole('textbox', { name: /^Success signal/ }).fill('A draft that follows its outline');
    await planForm.getByRole('button', { name: 'Create plan' }).click();
    await rheaPage.getByRole('status').getByText('Plan created').waitFor();

    // The coach's clients page counts her accepted idea as made into a plan.
    await coraPage.goto(new URL('/coach/clients', team.server.url).toString());
    const row = coraPage
      .getByRole('table', { name: 'All clients' })
      .getByRole('row')
      .filter({ hasText: RHEA.name });
    await poll(async () => (await shownText(row)).replace(/\s+/g, ' ')).toMatch(/1 → 1 → 0$/);
  }, 90_000);

  it('the list and both people’s rooms pass axe in light and dark, at desktop and phone width', async () => {
    const { id, cora, rhea } = await bookedRoom();
    const questions = (await cora.call<ConversationRoom>('GET', `/conversations/${id}`)).body.guide.questions;
    await cora.call('PUT', `/conversations/${id}/guide`, { json: { questionId: questions[2]?.id } });
    await cora.call('PUT', `/conversations/${id}/coach-notes`, {
      json: { text: 'Avoids drafting; ask about mornings.' },
    });
    await cora.call('PUT', `/conversations/${id}/culture`, {
      json: { answer: 'just-do-the-work', note: 'Said it twice' },
    });
    const proposed = await cora.call<{ id: string }>('POST', `/conversations/${id}/ideas`, {
      json: { text: 'Block two mornings a week for writing' },
    });
    await rhea.call('POST', `/conversations/${id}/ideas`, {
      json: { text: 'Read abstracts before whole papers' },
    });
    await rhea.call('POST', `/conversations/${id}/ideas/${proposed.body.id}/accept`);
    await rhea.call('POST', `/conversations/${id}/ideas`, {
      json: { text: 'Keep a list of the referees’ objections' },
    });

    const variants = [
      { name: 'light-desktop', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
      { name: 'dark-desktop', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
      { name: 'light-phone', colorScheme: 'light', viewport: { width: 390, height: 844 } },
      { name: 'dark-phone', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
    ] as const;
    const findings: string[] = [];
    let typed = false;
    for (const variant of variants) {
      for (const [who, role] of [
        [CORA, 'coach'],
        [RHEA, 'researcher'],
      ] as const) {
        const page = await team.person({ colorScheme: variant.colorScheme });
        await page.setViewportSize(variant.viewport);
        await signIn(page, who);
        await page.goto(new URL('/conversations', team.server.url).toString());
        await page.getByRole('list', { name: 'Upcoming conversations' }).waitFor();
        await check(page, `conversations-${role}-${variant.name}`, findings);
        await openRoom(page, id);
        if (!typed) {
          // Notes typed through the page once, so every screenshot shows some.
          await notesOf(page).pressSequentially('What slowed you down: the literature search.\n- Skim first');
          await notesSaved(page);
          typed = true;
        }
        await slow(() => notesOf(page).inputValue()).toContain('Skim first');
        await check(page, `room-${role}-${variant.name}`, findings);
      }
    }
    copyFileSync(join(SHOTS, 'room-coach-light-desktop.png'), 'docs/screenshot-conversation-room.png');
    expect(findings).toEqual([]);
  }, 240_000);
});

/** Screenshots of the room for a person to look at. */
const SHOTS = join(SHOTS_DIR, 'conversation');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({
    path: join(SHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}

async function check(page: Page, name: string, findings: string[]): Promise<void> {
  await poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await shot(page, name);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  for (const v of results.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      for (const node of v.nodes) findings.push(`${name} ${v.id}: ${node.target.join(' ')}`);
}
