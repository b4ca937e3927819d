import * as z from 'zod/mini';
import { validationError } from '../errors.js';
import { CULTURE_ANSWER_LABELS, CULTURE_ANSWERS, type CultureAnswer } from './answers.js';

/**
 * The codebook coders use for answers to "How do you personally go about getting better at
 * research?": the five categories the organisation dashboard counts, and, for a concrete
 * practice, what kind of practice. It is data: an organisation edits it, each edit is a new
 * version, and a survey round keeps the version it was coded with so rounds stay comparable.
 * The five category codes are fixed — the dashboard compares rounds by them — while their
 * wording and the sub-codes are the organisation's.
 */

export const CODE_LABEL_MAX = 80;
export const CODE_DESCRIPTION_MAX = 600;
export const SUB_CODES_MAX = 20;
/** The sub-code every codebook keeps, for a practice that fits no other. */
export const OTHER_SUB_CODE = 'other';

const slugMessage = 'must be 1–40 lower-case letters, digits and single hyphens';
const Slug = z
  .string(slugMessage)
  .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, slugMessage), z.maxLength(40, slugMessage));
const Label = z
  .string('must be text')
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(CODE_LABEL_MAX, `must be at most ${CODE_LABEL_MAX} characters`),
  );
const Description = z
  .string('must be text')
  .check(z.trim(), z.maxLength(CODE_DESCRIPTION_MAX, `must be at most ${CODE_DESCRIPTION_MAX} characters`));

export const CategoryEntry = z.strictObject({
  code: z.enum(CULTURE_ANSWERS),
  label: Label,
  description: Description,
});
export type CategoryEntry = z.infer<typeof CategoryEntry>;

export const SubCodeEntry = z.strictObject({ code: Slug, label: Label, description: Description });
export type SubCodeEntry = z.infer<typeof SubCodeEntry>;

/** What an editor sends: the whole codebook's wording; the server numbers the version. */
export const CodebookInput = z.strictObject({
  categories: z.array(CategoryEntry),
  subCodes: z.array(SubCodeEntry).check(z.maxLength(SUB_CODES_MAX, `must be at most ${SUB_CODES_MAX}`)),
});
export type CodebookInput = z.infer<typeof CodebookInput>;

export const Codebook = z.object({
  version: z.number(),
  categories: z.array(CategoryEntry),
  subCodes: z.array(SubCodeEntry),
});
export type Codebook = z.infer<typeof Codebook>;

/** One coder's code for one answer: the category, and the kind of practice for a concrete one. */
export const AnswerCode = z.strictObject({
  category: z.enum(CULTURE_ANSWERS),
  subCode: z.nullable(Slug),
});
export type AnswerCode = z.infer<typeof AnswerCode>;

const DESCRIPTIONS: Record<CultureAnswer, string> = {
  'no-answer': 'Says they have no way of getting better, or answers a different question.',
  'long-pause': 'Thinks for a long while and still gives no way of getting better.',
  'cannot-be-improved': 'Holds that this kind of work cannot be improved directly, only by talent or luck.',
  'just-do-the-work':
    'Getting better comes from doing the work and keeping one’s eyes open; nothing deliberate.',
  'concrete-practice': 'Names something they deliberately do to get better. Choose the kind of practice too.',
};

/** The codebook an organisation starts with (version 1). */
export const DEFAULT_CODEBOOK: Codebook = {
  version: 1,
  categories: CULTURE_ANSWERS.map((code) => ({
    code,
    label: CULTURE_ANSWER_LABELS[code],
    description: DESCRIPTIONS[code],
  })),
  subCodes: [
    {
      code: 'deliberate-practice',
      label: 'Deliberate practice of a sub-skill',
      description: 'Practises one part of research on purpose, e.g. timed paper summaries, proof drills.',
    },
    {
      code: 'environment',
      label: 'Environment change',
      description: 'Changes surroundings, tools or schedule, e.g. blocks mornings, turns off notifications.',
    },
    {
      code: 'collaboration',
      label: 'Collaboration',
      description: 'Learns from others: feedback, pairing, asking how someone else works.',
    },
    {
      code: 'prioritisation',
      label: 'Prioritisation',
      description: 'Chooses better what to work on: weekly reviews, dropping low-value work.',
    },
    {
      code: 'decomposition',
      label: 'Problem decomposition',
      description: 'Breaks problems into smaller ones, writes down sub-questions.',
    },
    {
      code: 'reading-learning',
      label: 'Reading and learning',
      description: 'Reads or takes courses about how to do research, or about the field’s methods.',
    },
    {
      code: OTHER_SUB_CODE,
      label: 'Other practice',
      description: 'A deliberate practice that fits none of the above.',
    },
  ],
};

/**
 * The next version of `current` with `input`'s wording. Every one of the five categories must be
 * there once, in any order (they are stored in the fixed order); sub-codes must be unique and
 * keep `other`.
 */
export function nextCodebook(current: Codebook, input: CodebookInput): Codebook {
  const byCode = new Map(input.categories.map((entry) => [entry.code, entry]));
  if (byCode.size !== input.categories.length)
    throw validationError('categories', 'must name each category once');
  for (const code of CULTURE_ANSWERS)
    if (!byCode.has(code)) throw validationError('categories', `must include “${code}”`);
  const seen = new Set<string>();
  input.subCodes.forEach((entry, index) => {
    if (seen.has(entry.code)) throw validationError(`subCodes.${index}.code`, 'is used by another sub-code');
    seen.add(entry.code);
  });
  if (!seen.has(OTHER_SUB_CODE)) throw validationError('subCodes', `must keep “${OTHER_SUB_CODE}”`);
  return {
    version: current.version + 1,
    categories: CULTURE_ANSWERS.map((code) => byCode.get(code) as CategoryEntry),
    subCodes: input.subCodes,
  };
}

/**
 * Checks one code against the codebook it is given in: a concrete practice needs one of its
 * sub-codes, any other category none.
 */
export function checkAnswerCode(codebook: Codebook, code: AnswerCode): AnswerCode {
  if (code.category !== 'concrete-practice') {
    if (code.subCode !== null) throw validationError('subCode', 'is only for a concrete practice');
    return code;
  }
  if (code.subCode === null) throw validationError('subCode', 'must say what kind of practice it is');
  if (!codebook.subCodes.some((entry) => entry.code === code.subCode))
    throw validationError('subCode', `is not in version ${codebook.version} of the codebook`);
  return code;
}

/** Whether two coders' codes say the same: the same category, and for a practice the same kind. */
export function sameCode(a: AnswerCode, b: AnswerCode): boolean {
  return a.category === b.category && a.subCode === b.subCode;
}
