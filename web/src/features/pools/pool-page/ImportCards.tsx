import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import type { CardImportResult, PoolSummary } from '../../../../../src/core/experiments/pool-view.js';
import { plural } from '../../../../../src/core/plural.js';
import { useApiAction } from '../../../shared/api/action.js';
import { ImportProblem } from '../../../shared/components/PageStates.js';
import { useToast } from '../../../shared/state.js';
import { poolsApi } from '../api.js';
import { type CardOrigin, cardFiles, locateIssue, readCards } from '../card-files.js';
import { useShowPool } from '../queries.js';

/**
 * Imports result card files, several at once or dropped: all or nothing, and a refusal names the
 * file (and the card in it) that the server's issue is about.
 */
export function ImportCards({ pool }: { pool: PoolSummary }) {
  const { notify } = useToast();
  const showPool = useShowPool();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<CardImportResult | null>(null);
  // Where each card of the last batch came from, to turn `cards.3.…` back into a file name.
  const [origins, setOrigins] = useState<CardOrigin[]>([]);
  const id = useId();

  const importing = useApiAction(
    async (chosen: readonly File[]) => {
      if (chosen.length === 0) throw new Error('Choose one or more result card files first.');
      const read = await readCards(chosen);
      setOrigins(read.origins);
      return poolsApi.importCards(pool.id, read.cards);
    },
    {
      onSuccess: (imported) => {
        setResult(imported);
        setFiles([]);
        if (inputRef.current) inputRef.current.value = '';
        notify(`${plural(imported.added, 'card')} added`);
        showPool(imported.pool);
      },
    },
  );

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setResult(null);
    importing.reset();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = cardFiles(event.dataTransfer.files);
    if (dropped.length) choose(dropped);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    void importing.run(files);
  };

  const located = Object.entries(importing.fields).map(([field, message]) =>
    locateIssue(field, message, origins),
  );
  const problem = importing.error ? (located[0] ?? importing.error) : null;

  return (
    <form className="card import-form" aria-label="Import result cards" onSubmit={submit} noValidate>
      <p className="hint">
        Result cards are the JSON files people download from their experiment report. Import many at once; a
        card already in the pool counts once, and if any card is invalid nothing is imported.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the accessible way */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="drop-zone__icon">
          <path d="M12 15V4M7.5 8.5 12 4l4.5 4.5M4 14v5h16v-5" />
        </svg>
        <p className="drop-zone__text">Drop card files here, or</p>
        <label htmlFor={`${id}-files`} className="visually-hidden">
          Result card files
        </label>
        <input
          ref={inputRef}
          id={`${id}-files`}
          type="file"
          multiple
          accept="application/json,.json"
          className="file-input"
          onChange={(e) => choose(e.target.files ? [...e.target.files] : [])}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        {files.length > 0 && (
          <p className="meta-text drop-zone__chosen">
            {plural(files.length, 'file')} chosen:{' '}
            {files
              .map((f) => f.name)
              .slice(0, 4)
              .join(', ')}
            {files.length > 4 ? ', …' : ''}
          </p>
        )}
      </div>
      <div className="import-form__row import-form__row--end">
        <button type="submit" className="button button--primary" disabled={importing.busy}>
          {importing.busy ? 'Importing…' : 'Import cards'}
        </button>
      </div>
      {problem && (
        <ImportProblem
          id={`${id}-problem`}
          message={problem}
          issues={located.slice(1).map((issue) => ({ key: issue, text: issue }))}
        />
      )}
      <div className="import-status" role="status" aria-live="polite">
        {result && (
          <p className="import-summary__title">
            <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
              <path d="M3.5 8.5l3 3 6-7" />
            </svg>
            {plural(result.added, 'card')} added
            {result.alreadyInPool > 0 &&
              `; ${plural(result.alreadyInPool, 'card was', 'cards were')} already in the pool and counted once`}
            . The pool now has {plural(result.pool.participants, 'participant')}.
          </p>
        )}
      </div>
    </form>
  );
}
