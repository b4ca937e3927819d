import type { Deck, DeckList } from '../../../../src/core/decks/deck.js';
import { at, BASE, request } from '../../shared/api/client.js';

export const decksApi = {
  listDecks(signal?: AbortSignal) {
    return request<DeckList>('GET', '/decks', undefined, signal);
  },
  getDeck(id: string, signal?: AbortSignal) {
    return request<Deck>('GET', `/decks/${at(id)}`, undefined, signal);
  },
  importDeck(fileName: string, text: string, replace = false) {
    return request<Deck>('POST', '/decks/import', { fileName, text, replace });
  },
  deleteDeck(id: string) {
    return request<void>('DELETE', `/decks/${at(id)}`);
  },
  deckExportUrl(id: string, format: 'yaml' | 'json') {
    return `${BASE}/decks/${at(id)}/export?format=${format}`;
  },
};
