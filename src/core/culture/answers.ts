/**
 * How a researcher answers "How do you get better at research at the moment?", coded into the
 * categories the culture-of-improvement work counts. Plain data: the browser loads it too.
 */
export const CULTURE_ANSWERS = [
  'no-answer',
  'long-pause',
  'cannot-be-improved',
  'just-do-the-work',
  'concrete-practice',
] as const;
export type CultureAnswer = (typeof CULTURE_ANSWERS)[number];

export const CULTURE_ANSWER_LABELS: Record<CultureAnswer, string> = {
  'no-answer': 'No answer',
  'long-pause': 'A long pause, then no answer',
  'cannot-be-improved': '“This work can’t be improved directly”',
  'just-do-the-work': '“Just do the work and keep your eyes open”',
  'concrete-practice': 'A concrete practice',
};
