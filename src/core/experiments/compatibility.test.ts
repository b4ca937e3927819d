import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-support.js';
import { buildResultCard, type ResultCard } from './card.js';
import { assertCardFitsPool, cardFingerprint } from './compatibility.js';

const POOL = { templateId: 'week-vs-20-minutes', templateVersion: 1 };

function card(patch: Partial<ResultCard> = {}): ResultCard {
  const built = buildResultCard({
    participant: 'participant-1',
    templateId: 'week-vs-20-minutes',
    templateVersion: 1,
    phases: [
      { key: 'passive', unit: 'days', length: 7 },
      { key: 'focused', unit: 'minutes', length: 20 },
    ],
    ideas: [
      { phase: 'passive', text: 'Keep a lab notebook index', value: 3 },
      { phase: 'focused', text: 'Pre-register analyses', value: 5 },
    ],
    shareTexts: true,
  });
  return { ...built, ...patch };
}

function withPhase(index: 0 | 1, patch: Partial<ResultCard['phases'][number]>): ResultCard {
  const c = card();
  const phases = [...c.phases] as ResultCard['phases'];
  phases[index] = { ...phases[index], ...patch };
  return { ...c, phases };
}

describe('assertCardFitsPool', () => {
  it('accepts a card of the pool’s template and version', () => {
    expect(() => assertCardFitsPool(card(), POOL)).not.toThrow();
  });

  it.each([
    [
      'another template',
      card({ templateId: 'reading-vs-writing' }),
      POOL,
      'is a result of reading-vs-writing; this pool holds week-vs-20-minutes cards',
    ],
    [
      'another version',
      card({ templateVersion: 2 }),
      POOL,
      'made with version 2 of week-vs-20-minutes; this pool holds version 1 cards',
    ],
    [
      'a template this app does not know',
      card({ templateId: 'reading-vs-writing' }),
      { templateId: 'reading-vs-writing', templateVersion: 1 },
      'uses template reading-vs-writing, which this app does not know',
    ],
    [
      'a measurement template',
      card({ templateId: 'baseline-vs-change' }),
      { templateId: 'baseline-vs-change', templateVersion: 1 },
      'uses template baseline-vs-change, which compares a measurement, not blind-rated ideas; result cards hold rated ideas',
    ],
    [
      'a version this app does not know',
      card({ templateVersion: 3 }),
      { templateId: 'week-vs-20-minutes', templateVersion: 3 },
      'made with version 3 of week-vs-20-minutes; this app knows version 1',
    ],
    [
      'another phase key',
      withPhase(1, { key: 'sprint' }),
      POOL,
      'has phases passive (in days) then sprint (in minutes); week-vs-20-minutes version 1 has passive (in days) then focused (in minutes)',
    ],
    [
      'another phase unit',
      withPhase(0, { unit: 'minutes' }),
      POOL,
      'has phases passive (in minutes) then focused (in minutes); week-vs-20-minutes version 1 has passive (in days) then focused (in minutes)',
    ],
    [
      'a phase length outside the template’s bounds',
      withPhase(0, { length: 40 }),
      POOL,
      'has a passive phase of 40 days; week-vs-20-minutes allows 1 to 28 days',
    ],
  ])('refuses %s, saying why', (_, c, pool, message) => {
    const error = errorOf(() => assertCardFitsPool(c, pool, 'cards.3'));
    expect(error?.code).toBe('validation');
    expect(error?.issues).toEqual([{ field: 'cards.3', message }]);
    expect(error?.message).toBe(`cards.3: ${message}`);
  });

  it('names the field "card" unless told otherwise', () => {
    expect(errorOf(() => assertCardFitsPool(card({ templateVersion: 2 }), POOL))?.issues[0]?.field).toBe(
      'card',
    );
  });
});

describe('cardFingerprint', () => {
  it('is the same for the same card whatever the key order, at every depth', () => {
    const c = card();
    const reordered = JSON.parse(
      JSON.stringify({
        texts: c.texts?.map(({ value, text, phase }) => ({ value, text, phase })),
        secondRater: c.secondRater && Object.fromEntries(Object.entries(c.secondRater).reverse()),
        textsShared: c.textsShared,
        phases: c.phases.map((p) => Object.fromEntries(Object.entries(p).reverse())),
        ratingScale: { max: c.ratingScale.max, min: c.ratingScale.min },
        templateVersion: c.templateVersion,
        templateId: c.templateId,
        participant: c.participant,
        version: c.version,
        format: c.format,
      }),
    ) as ResultCard;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(c));
    expect(cardFingerprint(reordered)).toBe(cardFingerprint(c));
  });

  it('is canonical JSON with sorted keys', () => {
    const fingerprint = cardFingerprint(card());
    expect(
      fingerprint.startsWith(
        '{"format":"whetstone-result-card","participant":"participant-1","phases":[{"count":1,"key":"passive","length":7,',
      ),
    ).toBe(true);
    expect(JSON.parse(fingerprint)).toEqual(card());
  });

  it('differs when any content differs, including the order of list items', () => {
    const c = card();
    expect(cardFingerprint(withPhase(0, { length: 8 }))).not.toBe(cardFingerprint(c));
    expect(cardFingerprint(card({ participant: 'participant-2' }))).not.toBe(cardFingerprint(c));
    expect(cardFingerprint(card({ texts: [...(c.texts ?? [])].reverse() }))).not.toBe(cardFingerprint(c));
  });

  it('leaves out absent optional fields, as JSON would', () => {
    const { texts: _, ...withoutTexts } = card({ textsShared: false });
    expect(cardFingerprint({ ...withoutTexts, texts: undefined })).toBe(cardFingerprint(withoutTexts));
  });
});
