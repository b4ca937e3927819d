import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type Deck, errorMessage, type FieldIssue, isAbort } from '../../api.js';
import { useLoaded } from '../../shared/api/loading.js';
import { BackLink, ErrorNotice, ImportProblem, LoadingCard } from '../../shared/components/PageStates.js';
import { plural } from '../../shared/format.js';
import { useAreas, useToast } from '../../shared/state.js';
import './decks.css';

const STAGE_LABELS: Record<string, string> = {
  opening: 'Warming up',
  exploring: 'Exploring',
  narrowing: 'Narrowing',
  planning: 'Planning',
};

const loadDecks = async (signal: AbortSignal) => (await api.listDecks(signal)).items;

/** /decks: built-in and own question decks; import, export, delete. */
export function DecksPage() {
  const { notify } = useToast();
  const { data: decks, error, reload, setData: setDecks } = useLoaded(loadDecks);
  const [confirming, setConfirming] = useState<string | null>(null);
  const id = useId();

  const remove = async (deck: Deck) => {
    try {
      await api.deleteDeck(deck.id);
      setDecks((list) => list?.filter((d) => d.id !== deck.id) ?? null);
      notify(`Deleted “${deck.name}”`);
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setConfirming(null);
    }
  };

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
                    href={api.deckExportUrl(deck.id, 'yaml')}
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
                    href={api.deckExportUrl(deck.id, 'json')}
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
                        onClick={() => void remove(deck)}
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
          notify(`Imported “${deck.name}”`);
        }}
      />
    </div>
  );
}

function ImportDeck({ onImported }: { onImported: (deck: Deck) => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [replace, setReplace] = useState(false);
  const [problem, setProblem] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem({ message: 'Choose a deck file (YAML or JSON) first.', issues: [] });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const deck = await api.importDeck(file.name, await file.text(), replace);
      onImported(deck);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      setProblem({
        message: errorMessage(error),
        issues: error instanceof ApiError ? (error.problem?.errors ?? []) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  // The server's summary often repeats the first issue; list each message once.
  const issues = problem
    ? [...new Set(problem.issues.map((i) => i.message))].filter((m) => m !== problem.message)
    : [];

  return (
    <section aria-labelledby={`${id}-import`} className="data-section">
      <h2 id={`${id}-import`} className="section-title">
        Import a deck
      </h2>
      <form className="card import-form" onSubmit={submit} aria-label="Import a deck">
        <p className="export-card__text">
          A YAML or JSON file with a <code>name</code> and a list of <code>questions</code> (each with{' '}
          <code>id</code>, <code>text</code>, <code>stage</code> and <code>areas</code>). Export the built-in
          deck for an example. To edit one of your decks, export it, change the file and import it again with
          “Replace”.
        </p>
        <label className="checkbox-field">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Replace my deck with the same id
        </label>
        <div className="import-form__row">
          <label htmlFor={`${id}-file`} className="visually-hidden">
            Deck file
          </label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            className="file-input"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblem(null);
            }}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Import deck
          </button>
        </div>
        {problem && (
          <ImportProblem
            id={`${id}-problem`}
            message={issues.length === 0 && <span className="deck-error">{problem.message}</span>}
            issues={issues.map((message) => ({
              key: message,
              text: <span className="deck-error">{message}</span>,
            }))}
            max={Number.POSITIVE_INFINITY}
          />
        )}
      </form>
    </section>
  );
}

/** /decks/:id: one deck's questions. */
export function DeckPage({ id }: { id: string }) {
  const { nameOf } = useAreas();
  const [deck, setDeck] = useState<Deck | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .getDeck(id, controller.signal)
      .then(setDeck)
      .catch((e) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [id]);

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
