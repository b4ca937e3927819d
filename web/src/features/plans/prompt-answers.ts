import type { ReviewPrompt } from '../../../../src/core/plans/review.js';

/** The answers a review sends: the prompts answered, in the prompts' order (blank ones left out). */
export function answersOf(prompts: readonly ReviewPrompt[], answers: Readonly<Record<string, string>>) {
  return prompts
    .filter((p) => answers[p.id]?.trim())
    .map((p) => ({ promptId: p.id, text: answers[p.id] ?? '' }));
}
