import { BackLink, ErrorNotice } from '../../shared/components/PageStates.js';
import { useAreas } from '../../shared/state.js';
import { STAGE_LABELS } from './labels.js';
import { useDeck } from './queries.js';
import './decks.css';

/** /decks/:id: one deck's questions. */
export function DeckPage({ id }: { id: string }) {
  const { nameOf } = useAreas();
  const { data: deck, error } = useDeck(id);

  return (
    <div className="page page--narrow">
      <BackLink to="/decks">Decks</BackLink>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {!deck && !error && (
        <div aria-busy="true">
          <div className="skeleton skeleton--title" />
        </div>
      )}
      {deck && (
        <>
          <header className="page-header">
            <p className="eyebrow">{deck.builtin ? 'Built-in deck' : 'Your deck'}</p>
            <h1 className="page-title">{deck.name}</h1>
            {deck.description && <p className="page-lede">{deck.description}</p>}
          </header>
          <ol className="card question-list" aria-label="Questions">
            {deck.questions.map((q) => (
              <li key={q.id} className="question-item">
                <span className="question-item__text">{q.text}</span>
                <span className="question-item__meta">
                  <span className="tag">{STAGE_LABELS[q.stage] ?? q.stage}</span>
                  {q.areas.map((a) => (
                    <span key={a} className="chip">
                      {nameOf(a)}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
