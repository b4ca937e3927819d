import { DEFAULT_AREAS } from '../areas.js';
import debuggingConversation from './builtin/debugging-conversation.json' with { type: 'json' };
import gettingBetterAtResearch from './builtin/getting-better-at-research.json' with { type: 'json' };
import type { Deck } from './deck.js';
import { validateDeck } from './validate.js';

const DEFAULT_AREA_IDS: ReadonlySet<string> = new Set(DEFAULT_AREAS.map((area) => area.id));

/** A built-in deck, checked like any user deck when the module loads (a bad edit fails fast). */
function builtin(data: unknown): Deck {
  const input = validateDeck(data, DEFAULT_AREA_IDS);
  if (!input.id) throw new Error(`built-in deck "${input.name}" has no id`);
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? null,
    builtin: true,
    questions: input.questions,
    createdAt: null,
    updatedAt: null,
  };
}

/** The decks that ship with Whetstone; ids are stable, so sessions and statistics can refer to them. */
export const BUILTIN_DECKS: Deck[] = [builtin(gettingBetterAtResearch)];

/**
 * The guide of a debugging conversation: a deck of its own, for the coach to move through with
 * the researcher; not offered for focused sessions.
 */
export const CONVERSATION_GUIDE: Deck = builtin(debuggingConversation);

/** The deck a session uses when none is chosen. */
export const DEFAULT_DECK_ID = 'getting-better-at-research';

/** The built-in deck with this id, if there is one. */
export function builtinDeck(id: string): Deck | undefined {
  return BUILTIN_DECKS.find((deck) => deck.id === id);
}
