import * as z from 'zod/mini';
import { AreaId } from '../areas.js';
import { listOf } from '../list.js';
import { trimmedText } from '../text.js';
import '../schema-messages.js';

/**
 * Decks are data: an ordered bag of eliciting questions (questions only, never prescriptions) that
 * drive a focused improvement session. Built-in decks ship with the core; users make their own.
 */

/** Where a question belongs in a session: warm up, open up, pick, commit. */
export const QUESTION_STAGES = ['opening', 'exploring', 'narrowing', 'planning'] as const;
export const QuestionStage = z.enum(QUESTION_STAGES);
export type QuestionStage = z.infer<typeof QuestionStage>;

export const DECK_NAME_MAX = 80;
export const DECK_DESCRIPTION_MAX = 400;
export const DECK_QUESTIONS_MAX = 500;
export const QUESTION_TEXT_MIN = 10;
export const QUESTION_TEXT_MAX = 300;
/** A question may name at most this many areas. */
export const QUESTION_AREAS_MAX = 20;

const SLUG = /^[a-z0-9][a-z0-9-]{1,59}$/;
const slugMessage = 'must be 2-60 lowercase letters, digits or dashes, not starting with a dash';

/** Deck and question ids: stable, readable, safe in URLs and file names. */
export const DeckSlug = z.string().check(z.regex(SLUG, slugMessage));

const questionText = trimmedText(QUESTION_TEXT_MAX, QUESTION_TEXT_MIN);

const deckName = trimmedText(DECK_NAME_MAX, 1);

const deckDescription = trimmedText(DECK_DESCRIPTION_MAX);

export const DeckQuestion = z.strictObject({
  id: DeckSlug,
  text: questionText,
  /** Area ids the question is about; empty means a general question that suits every area. */
  areas: z
    .array(AreaId)
    .check(z.maxLength(QUESTION_AREAS_MAX, `must list at most ${QUESTION_AREAS_MAX} areas`)),
  stage: QuestionStage,
});
export type DeckQuestion = z.infer<typeof DeckQuestion>;

/** A deck as a person writes it (a file, an API body). Area ids are checked by `validateDeck`. */
export const DeckInput = z.strictObject({
  id: z.optional(DeckSlug),
  name: deckName,
  description: z.optional(deckDescription),
  questions: z
    .array(DeckQuestion)
    .check(
      z.minLength(1, 'must hold at least one question'),
      z.maxLength(DECK_QUESTIONS_MAX, `must hold at most ${DECK_QUESTIONS_MAX} questions`),
    ),
});
export type DeckInput = z.infer<typeof DeckInput>;

/** A stored or built-in deck. Built-in decks have no creation or update time. */
export const Deck = z.object({
  id: DeckSlug,
  name: z.string(),
  description: z.nullable(z.string()),
  builtin: z.boolean(),
  questions: z.array(DeckQuestion),
  createdAt: z.nullable(z.iso.datetime()),
  updatedAt: z.nullable(z.iso.datetime()),
});
export type Deck = z.infer<typeof Deck>;

/** GET /decks: built-in decks and the user's own. */
export const DeckList = listOf(Deck);
export type DeckList = z.infer<typeof DeckList>;
