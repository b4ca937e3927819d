import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { parseInput } from '../validation.js';
import { CULTURE_ANSWERS } from './answers.js';
import {
  type CodebookInput,
  CodebookInput as CodebookInputSchema,
  checkAnswerCode,
  DEFAULT_CODEBOOK,
  nextCodebook,
  sameCode,
} from './codebook.js';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof WhetstoneError) return error.issues?.[0]?.field;
    throw error;
  }
  return undefined;
};

const edit = (change: (input: CodebookInput) => void): CodebookInput => {
  const input = structuredClone({
    categories: DEFAULT_CODEBOOK.categories,
    subCodes: DEFAULT_CODEBOOK.subCodes,
  });
  change(input);
  return input;
};

describe('the codebook', () => {
  it('starts at version 1 with the five categories in their fixed order and seven kinds of practice', () => {
    expect(DEFAULT_CODEBOOK.version).toBe(1);
    expect(DEFAULT_CODEBOOK.categories.map((c) => c.code)).toEqual([...CULTURE_ANSWERS]);
    expect(DEFAULT_CODEBOOK.subCodes.map((s) => s.code)).toEqual([
      'deliberate-practice',
      'environment',
      'collaboration',
      'prioritisation',
      'decomposition',
      'reading-learning',
      'other',
    ]);
    expect(
      parseInput(
        CodebookInputSchema,
        edit(() => {}),
      ),
    ).toBeDefined();
  });

  it('makes each edit a new version, keeping the categories in the fixed order whatever order they came in', () => {
    const input = edit((i) => {
      i.categories.reverse();
      i.categories[0]!.label = 'A practice they named';
      i.subCodes.unshift({ code: 'writing', label: 'Writing to think', description: '' });
    });
    const next = nextCodebook(DEFAULT_CODEBOOK, input);
    expect(next.version).toBe(2);
    expect(next.categories.map((c) => c.code)).toEqual([...CULTURE_ANSWERS]);
    expect(next.categories.at(-1)?.label).toBe('A practice they named');
    expect(next.subCodes[0]?.code).toBe('writing');
    expect(DEFAULT_CODEBOOK.subCodes[0]?.code, 'the old version is untouched').toBe('deliberate-practice');
  });

  it('refuses a missing or repeated category, a repeated sub-code, and dropping “other”', () => {
    expect(
      fieldOf(() =>
        nextCodebook(
          DEFAULT_CODEBOOK,
          edit((i) => i.categories.pop()),
        ),
      ),
    ).toBe('categories');
    expect(
      fieldOf(() =>
        nextCodebook(
          DEFAULT_CODEBOOK,
          edit((i) => i.categories.push(i.categories[0]!)),
        ),
      ),
    ).toBe('categories');
    expect(
      fieldOf(() =>
        nextCodebook(
          DEFAULT_CODEBOOK,
          edit((i) => i.subCodes.push({ code: 'environment', label: 'Again', description: '' })),
        ),
      ),
    ).toBe('subCodes.7.code');
    expect(
      fieldOf(() =>
        nextCodebook(
          DEFAULT_CODEBOOK,
          edit((i) => i.subCodes.splice(-1)),
        ),
      ),
    ).toBe('subCodes');
    expect(
      fieldOf(() =>
        parseInput(
          CodebookInputSchema,
          edit((i) => {
            i.subCodes[0]!.code = 'Not A Slug';
          }),
        ),
      ),
    ).toBe('subCodes.0.code');
    expect(
      fieldOf(() =>
        parseInput(
          CodebookInputSchema,
          edit((i) => {
            i.categories[0]!.label = '   ';
          }),
        ),
      ),
    ).toBe('categories.0.label');
  });

  it('asks a concrete practice for its kind from the version in use, and no kind of the other categories', () => {
    expect(
      checkAnswerCode(DEFAULT_CODEBOOK, { category: 'concrete-practice', subCode: 'environment' }),
    ).toEqual({
      category: 'concrete-practice',
      subCode: 'environment',
    });
    expect(
      fieldOf(() => checkAnswerCode(DEFAULT_CODEBOOK, { category: 'concrete-practice', subCode: null })),
    ).toBe('subCode');
    expect(
      fieldOf(() => checkAnswerCode(DEFAULT_CODEBOOK, { category: 'concrete-practice', subCode: 'writing' })),
    ).toBe('subCode');
    expect(
      fieldOf(() => checkAnswerCode(DEFAULT_CODEBOOK, { category: 'no-answer', subCode: 'other' })),
    ).toBe('subCode');
    expect(
      sameCode(
        { category: 'concrete-practice', subCode: 'other' },
        { category: 'concrete-practice', subCode: 'environment' },
      ),
    ).toBe(false);
    expect(
      sameCode({ category: 'long-pause', subCode: null }, { category: 'long-pause', subCode: null }),
    ).toBe(true);
  });
});
