import { describe, expect, it } from 'vitest';
import { DEFAULT_AREAS } from '../areas.js';
import { BUILTIN_DECKS, builtinDeck, DEFAULT_DECK_ID } from './builtin.js';
import { QUESTION_STAGES } from './deck.js';
import { drawQuestionQueue, seededRandom } from './draw.js';
import { validateDeck } from './validate.js';

const deck = builtinDeck('getting-better-at-research')!;
const known = new Set(DEFAULT_AREAS.map((area) => area.id));

describe('built-in decks', () => {
  it('are found by id and marked built-in', () => {
    expect(deck).toBeDefined();
    expect(DEFAULT_DECK_ID).toBe(deck.id);
    expect(builtinDeck('no-such-deck')).toBeUndefined();
    for (const each of BUILTIN_DECKS) {
      expect(each.builtin).toBe(true);
      expect(each.createdAt).toBeNull();
    }
  });

  it('validate against the default areas', () => {
    for (const each of BUILTIN_DECKS) {
      const { id, name, description, questions } = each;
      expect(validateDeck({ id, name, description: description ?? undefined, questions }, known)).toEqual({
        id,
        name,
        description: description ?? undefined,
        questions,
      });
    }
  });

  it('"Getting better at research" has at least 48 questions, every stage and ≥3 per default area', () => {
    expect(deck.name).toBe('Getting better at research');
    expect(deck.questions.length).toBeGreaterThanOrEqual(48);
    for (const stage of QUESTION_STAGES)
      expect(
        deck.questions.filter((question) => question.stage === stage).length,
        stage,
      ).toBeGreaterThanOrEqual(3);
    for (const area of DEFAULT_AREAS)
      expect(
        deck.questions.filter((question) => question.areas.includes(area.id)).length,
        area.id,
      ).toBeGreaterThanOrEqual(3);
  });

  it('asks questions and never prescribes', () => {
    const prescriptive =
      /\b(you should|you must|you need to|try to|make sure|don't|do not|always|never|remember to|start by)\b/i;
    for (const question of deck.questions) {
      expect(question.text, question.id).toMatch(/\?$/);
      expect(question.text, question.id).not.toMatch(prescriptive);
    }
    const texts = deck.questions.map((question) => question.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('gives a 10-question session that opens warmly and ends on planning', () => {
    const queue = drawQuestionQueue({
      questions: deck.questions,
      recentlyShown: [],
      random: seededRandom('x'),
      limit: 10,
    });
    const stage = (id: string) => deck.questions.find((question) => question.id === id)?.stage;
    expect(stage(queue[0]!)).toBe('opening');
    expect(stage(queue[9]!)).toBe('planning');
  });
});
