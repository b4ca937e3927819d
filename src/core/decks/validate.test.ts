import { describe, expect, it } from 'vitest';
import { DEFAULT_AREAS } from '../areas.js';
import { WhetstoneError } from '../errors.js';
import { DeckInput } from './deck.js';
import { validateDeck } from './validate.js';

const known = new Set(DEFAULT_AREAS.map((area) => area.id));

const question = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  text: `What happened with ${id} last week?`,
  areas: ['coding'],
  stage: 'exploring',
  ...over,
});

function failure(input: unknown, areas: ReadonlySet<string> = known): WhetstoneError {
  try {
    validateDeck(input, areas);
  } catch (error) {
    expect(error).toBeInstanceOf(WhetstoneError);
    return error as WhetstoneError;
  }
  return expect.unreachable('the deck was accepted');
}

describe('deck schema', () => {
  it('accepts a minimal deck and trims texts', () => {
    const deck = validateDeck(
      { name: '  Mine ', questions: [question('first', { text: '  What did you read today?  ' })] },
      known,
    );
    expect(deck.name).toBe('Mine');
    expect(deck.questions[0]?.text).toBe('What did you read today?');
    expect(deck.id).toBeUndefined();
  });

  it('accepts general questions with no areas', () => {
    expect(() =>
      validateDeck({ name: 'G', questions: [question('general', { areas: [] })] }, known),
    ).not.toThrow();
  });

  it('names every offending field', () => {
    const error = failure({
      id: '-bad',
      name: '',
      questions: [question('ok-one', { text: 'Short?', stage: 'middle' }), { id: 'x' }],
    });
    expect(error.code).toBe('validation');
    const fields = error.issues.map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'questions.0.text',
        'questions.0.stage',
        'questions.1.id',
        'questions.1.text',
        'questions.1.areas',
        'questions.1.stage',
      ]),
    );
    expect(error.issues.find((issue) => issue.field === 'questions.0.stage')?.message).toBe(
      'must be one of: opening, exploring, narrowing, planning',
    );
    expect(error.issues.find((issue) => issue.field === 'questions.0.text')?.message).toBe(
      'must be at least 10 characters',
    );
    expect(error.issues.find((issue) => issue.field === 'questions.1.text')?.message).toBe('is required');
    // Deck-level problems come first, and the message starts with the first issue.
    expect(error.message.startsWith(`${error.issues[0]?.field}: ${error.issues[0]?.message}`)).toBe(true);
    expect(error.message).toMatch(/\(and \d+ more problems\)$/);
  });

  it('needs at least one question and at most 500', () => {
    expect(failure({ name: 'Empty', questions: [] }).issues).toEqual([
      { field: 'questions', message: 'must hold at least one question' },
    ]);
    const many = Array.from({ length: 501 }, (_, i) => question(`q-${i}`));
    expect(failure({ name: 'Many', questions: many }).issues[0]).toEqual({
      field: 'questions',
      message: 'must hold at most 500 questions',
    });
  });

  it('rejects unknown fields one by one, naming the allowed ones', () => {
    const error = failure({
      name: 'X',
      colour: 'red',
      questions: [question('one', { hint: 'h', tip: 't' })],
    });
    expect(error.issues).toEqual([
      { field: 'colour', message: 'unknown field "colour" (allowed: id, name, description, questions)' },
      { field: 'questions.0.hint', message: 'unknown field "hint" (allowed: id, text, areas, stage)' },
      { field: 'questions.0.tip', message: 'unknown field "tip" (allowed: id, text, areas, stage)' },
    ]);
  });

  it('is the same schema the API can use directly', () => {
    expect(DeckInput.safeParse({ name: 'X', questions: [question('one')] }).success).toBe(true);
  });
});

describe('deck cross-checks', () => {
  it('reports a duplicate question id at the second occurrence, naming the first', () => {
    const questions = Array.from({ length: 8 }, (_, i) => question(`q-${i}`));
    questions[7] = question('q-2');
    const error = failure({ name: 'Dup', questions });
    expect(error.issues).toEqual([
      { field: 'questions.7.id', message: 'duplicate question id "q-2" (first used by questions.2)' },
    ]);
    expect(error.message).toBe('questions.7.id: duplicate question id "q-2" (first used by questions.2)');
  });

  it('reports unknown areas with their exact index and the known ones', () => {
    const questions = [question('a-one'), question('b-two'), question('c-three'), question('d-four')];
    questions[3] = question('d-four', { areas: ['coding', 'foo'] });
    const error = failure({ name: 'Areas', questions }, new Set(['coding', 'writing']));
    expect(error.issues).toEqual([
      { field: 'questions.3.areas.1', message: 'unknown area "foo" (known: coding, writing)' },
    ]);
  });

  it('suggests a near miss instead of the whole list', () => {
    const error = failure({ name: 'Areas', questions: [question('one', { areas: ['prioritization'] })] });
    expect(error.issues[0]?.message).toBe('unknown area "prioritization" (did you mean "prioritisation"?)');
  });

  it('reports an area listed twice in one question', () => {
    const error = failure({ name: 'Areas', questions: [question('one', { areas: ['coding', 'coding'] })] });
    expect(error.issues).toEqual([
      { field: 'questions.0.areas.1', message: 'area "coding" is listed twice (also at areas.0)' },
    ]);
  });

  it('reports all problems at once, schema and cross-checks together, in question order', () => {
    const error = failure({
      name: 'Everything',
      questions: [
        question('same', { areas: ['nope'] }),
        question('same', { stage: 'later' }),
        question('Bad Id', { areas: ['Not An Id'] }),
      ],
    });
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'questions.0.areas.0',
      'questions.1.stage',
      'questions.1.id',
      'questions.2.id',
      'questions.2.areas.0',
    ]);
    // A malformed area id is reported once, by the schema, not again as unknown.
    expect(error.issues[4]?.message).toMatch(/^must be an area id/);
  });
});
