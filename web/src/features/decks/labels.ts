import type { QuestionStage } from '../../../../src/core/decks/deck.js';

/** A question's stage in words, as the deck page and the live session show it. */
export const STAGE_LABELS: Record<QuestionStage, string> = {
  opening: 'Warming up',
  exploring: 'Exploring',
  narrowing: 'Narrowing',
  planning: 'Planning',
};
