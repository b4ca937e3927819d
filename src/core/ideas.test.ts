import { describe, expect, it } from 'vitest';
import { areaIdFromName, areaNameKey } from './areas.js';
import { WhetstoneError } from './errors.js';
import { IdeaCreateInput, IdeaListQuery, newIdea } from './ideas.js';
import { IDEA_TEXT_MAX } from './limits.js';
import { parseInput } from './validation.js';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof WhetstoneError) return error.issues;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('idea input', () => {
  it('trims text and accepts the optional fields', () => {
    const input = parseInput(IdeaCreateInput, { text: '  Read one paper a day  ', value: 4, effort: 'S' });
    expect(input).toMatchObject({ text: 'Read one paper a day', value: 4, effort: 'S' });
  });

  it('names every offending field', () => {
    const issues = issuesOf(() =>
      parseInput(IdeaCreateInput, { text: ' ', value: 6, effort: 'XL', colour: 'red' }),
    );
    expect(issues.map((i) => i.field).sort()).toEqual(['colour', 'effort', 'text', 'value']);
    expect(issues.find((i) => i.field === 'text')?.message).toBe('must not be empty');
    expect(issues.find((i) => i.field === 'value')?.message).toBe('must be a whole number from 1 to 5');
    expect(issues.find((i) => i.field === 'effort')?.message).toBe('must be one of: S, M, L');
  });

  it('rejects text over the limit and fractional values', () => {
    expect(
      issuesOf(() => parseInput(IdeaCreateInput, { text: 'x'.repeat(IDEA_TEXT_MAX + 1) }))[0]?.message,
    ).toBe(`must be at most ${IDEA_TEXT_MAX} characters`);
    expect(issuesOf(() => parseInput(IdeaCreateInput, { text: 'x', value: 2.5 }))[0]?.field).toBe('value');
  });

  it('builds a new idea with status new and source noticed by default', () => {
    const idea = newIdea(
      parseInput(IdeaCreateInput, { text: 'x', context: '' }),
      'abcd1234',
      '2026-11-23T10:00:00.000Z',
    );
    expect(idea).toMatchObject({ status: 'new', source: 'noticed', context: null, areaId: null });
    expect(idea.createdAt).toBe(idea.statusChangedAt);
  });

  it('coerces and bounds the page size of a list query', () => {
    expect(parseInput(IdeaListQuery, { limit: '10' }).limit).toBe(10);
    expect(parseInput(IdeaListQuery, {}).limit).toBe(50);
    expect(issuesOf(() => parseInput(IdeaListQuery, { limit: '0' }))[0]?.field).toBe('limit');
  });
});

describe('area names', () => {
  it('derives readable ids from names', () => {
    expect(areaIdFromName('Grant writing')).toBe('grant-writing');
    expect(areaIdFromName('Work environment & focus')).toBe('work-environment-and-focus');
    expect(areaIdFromName('Café reading')).toBe('cafe-reading');
    expect(areaIdFromName('!!!')).toBe('area');
  });

  it('compares names without case or extra spaces', () => {
    expect(areaNameKey('  Deep   Work ')).toBe(areaNameKey('deep work'));
  });
});
