import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef } from 'react';
import type { Deck } from '../../../../src/core/decks/deck.js';
import { refusalOf } from '../../shared/api/refusal.js';
import { ImportProblem } from '../../shared/components/PageStates.js';
import { decksApi } from './api.js';

const NO_FILE = 'Choose a deck file (YAML or JSON) first.';

/** The deck file form: a YAML or JSON deck, refused as a whole with each problem's file:line:column. */
export function ImportDeck({ onImported }: { onImported: (deck: Deck) => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const importing = useMutation({
    mutationFn: async ({ file, replace }: { file: File | null; replace: boolean }) => {
      if (!file) throw new Error(NO_FILE);
      return decksApi.importDeck(file.name, await file.text(), replace);
    },
    onSuccess: (deck) => {
      onImported(deck);
      // "Replace" stays as it was: the next file is often another version of the same deck.
      if (fileRef.current) fileRef.current.value = '';
    },
  });
  const problem = importing.error ? refusalOf(importing.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const file = fields.get('file');
    // Without a choice the browser sends an empty, nameless file.
    importing.mutate({
      file: file instanceof File && file.name !== '' ? file : null,
      replace: fields.get('replace') === 'on',
    });
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
          <input type="checkbox" name="replace" />
          Replace my deck with the same id
        </label>
        <div className="import-form__row">
          <label htmlFor={`${id}-file`} className="visually-hidden">
            Deck file
          </label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            name="file"
            type="file"
            className="file-input"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            onChange={() => importing.reset()}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="button button--primary" disabled={importing.isPending}>
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
