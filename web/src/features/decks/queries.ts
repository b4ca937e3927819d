import { useApiQuery } from '../../shared/api/query.js';
import { decksApi } from './api.js';

/** The query keys of the decks feature. */
export const deckKeys = {
  all: ['decks'] as const,
  list: () => [...deckKeys.all, 'list'] as const,
  one: (id: string) => [...deckKeys.all, 'one', id] as const,
};

/** Every deck, built-in ones first, as the server orders them. */
export function useDecks() {
  return useApiQuery(deckKeys.list(), async (signal) => (await decksApi.listDecks(signal)).items);
}

export function useDeck(id: string) {
  return useApiQuery(deckKeys.one(id), (signal) => decksApi.getDeck(id, signal));
}
