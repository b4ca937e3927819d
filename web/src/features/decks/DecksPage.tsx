import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Deck } from '../../../../src/core/decks/deck.js';
import { plural } from '../../../../src/core/plural.js';
import { errorMessage } from '../../shared/api/client.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { decksApi } from './api.js';
import { ImportDeck } from './ImportDeck.js';
import { deckKeys, useDecks } from './queries.js';
import './decks.css';

/** /decks: built-in and own question decks; import, export, delete. */
export function DecksPage() {
  const { notify } = useToast();
  const client = useQueryClient();
  const { data: decks, error, reload, setData: setDecks } = useDecks();
  /** The deck whose delete button asks for confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const id = useId();

  // A failed delete is told in a toast: the list stays as it was.
  const removal = useMutation({
    mutationFn: (deck: Deck) => decksApi.deleteDeck(deck.id),
    onSuccess: (_, deck) => {
      setDecks((list) => list?.filter((d) => d.id !== deck.id) ?? null);
      client.removeQueries({ queryKey: deckKeys.one(deck.id) });
      notify(`Deleted “${deck.name}”`);
    },
    onError: (e) => notify(errorMessage(e), 'error'),
    onSettled: () => setConfirming(null),
  });

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Decks</h1>
        <p className="page-lede">
          The questions a focused session asks. Use the built-in deck or bring your own.
        </p>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      <section aria-labelledby={`${id}-list`} className="data-section">
        <h2 id={`${id}-list`} className="section-title">
          All decks
        </h2>
        {decks === null && !error ? (
          <LoadingCard />
        ) : (
          <ul className="deck-list" aria-label="Decks">
            {(decks ?? []).map((deck) => (
              <li key={deck.id} className="card deck-card">
                <div className="deck-card__main">
                  <p className="deck-card__title">
                    <Link to={`/decks/${deck.id}`} className="deck-card__name">
                      {deck.name}
                    </Link>
                    {deck.builtin && <span className="tag">Built-in</span>}
                  </p>
                  {deck.description && <p className="deck-card__text">{deck.description}</p>}
                  <p className="meta-text">{plural(deck.questions.length, 'question')}</p>
                </div>
                <div className="deck-card__actions">
                  <a
                    className="button button--small button--quiet"
                    href={decksApi.deckExportUrl(deck.id, 'yaml')}
                    download
                    aria-label={`Export ${deck.name} as YAML`}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                      <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
                    </svg>
                    YAML
                  </a>
                  <a
                    className="button button--small button--quiet"
                    href={decksApi.deckExportUrl(deck.id, 'json')}
                    download
                    aria-label={`Export ${deck.name} as JSON`}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                      <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
                    </svg>
                    JSON
                  </a>
                  {!deck.builtin &&
                    (confirming === deck.id ? (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => removal.mutate(deck)}
                      >
                        Confirm delete {deck.name}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--small button--quiet button--danger-quiet"
                        onClick={() => setConfirming(deck.id)}
                        aria-label={`Delete ${deck.name}`}
                      >
                        Delete
                      </button>
                    ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ImportDeck
        onImported={(deck) => {
          setDecks((list) => [...(list ?? []).filter((d) => d.id !== deck.id), deck]);
          client.setQueryData(deckKeys.one(deck.id), deck);
          notify(`Imported “${deck.name}”`);
        }}
      />
    </div>
  );
}
