import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import type { ImportSummary } from '../../../../src/core/backup.js';
import { plural } from '../../../../src/core/plural.js';
import { refusalOf } from '../../shared/api/refusal.js';
import { ImportProblem } from '../../shared/components/PageStates.js';
import { useAreas, useToast } from '../../shared/state.js';
import { dataApi } from './api.js';

const NO_FILE = 'Choose a Whetstone JSON backup file first.';

const LEDE =
  'Restores areas and ideas from a Whetstone JSON backup. Importing the same file twice changes nothing, and ideas you edited here since the backup keep your newer version.';

/** Restores a JSON backup: the server checks the file exactly as picked and imports all or nothing. */
export function ImportBackup({ title = 'Import a backup', lede = LEDE }: { title?: string; lede?: string }) {
  const { reload: reloadAreas } = useAreas();
  const { notify } = useToast();
  const client = useQueryClient();
  const id = useId();
  const importing = useMutation({
    mutationFn: async (file: File | null) => {
      if (!file) throw new Error(NO_FILE);
      return { fileName: file.name, summary: await dataApi.importBackup(await file.text()) };
    },
    onSuccess: () => {
      notify('Backup imported');
      void reloadAreas();
      // Areas and ideas everywhere may have changed.
      void client.invalidateQueries();
    },
  });
  const problem = importing.error ? refusalOf(importing.error) : null;
  const imported = importing.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    // Without a choice the browser sends an empty, nameless file.
    importing.mutate(file instanceof File && file.name !== '' ? file : null);
  };

  return (
    <section aria-labelledby={`${id}-import`} className="data-section">
      <h2 id={`${id}-import`} className="section-title">
        {title}
      </h2>
      <form className="card import-form" onSubmit={submit} aria-label={title} noValidate>
        <p className="hint">{lede}</p>
        <div className="import-form__row">
          <div className="field field--grow">
            <label htmlFor={`${id}-file`} className="field__label">
              Backup file
            </label>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept="application/json,.json"
              className="file-input"
              onChange={() => importing.reset()}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={importing.isPending}>
            {importing.isPending ? 'Importing…' : 'Import backup'}
          </button>
        </div>

        {problem && (
          <ImportProblem
            id={`${id}-problem`}
            message={problem.message}
            issues={
              problem.issues.length > 1
                ? problem.issues.map((issue) => ({
                    key: `${issue.field}:${issue.message}`,
                    text: (
                      <>
                        <code>{issue.field}</code> {issue.message}
                      </>
                    ),
                  }))
                : []
            }
          />
        )}

        <div className="import-status" role="status" aria-live="polite">
          {imported && <ImportSummaryTable fileName={imported.fileName} summary={imported.summary} />}
        </div>
      </form>
    </section>
  );
}

function ImportSummaryTable({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  return (
    <div className="import-summary">
      <p className="import-summary__title">
        <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
        Imported {fileName || 'backup'}
      </p>
      <table className="summary-table">
        <caption className="visually-hidden">Import summary</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Kind</span>
            </th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Areas</th>
            <td>{summary.areas.created}</td>
            <td>{summary.areas.updated}</td>
            <td>{summary.areas.unchanged}</td>
          </tr>
          <tr>
            <th scope="row">Ideas</th>
            <td>{summary.ideas.created}</td>
            <td>{summary.ideas.updated}</td>
            <td>{summary.ideas.unchanged}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        {plural(summary.ideas.created, 'new idea')}, {plural(summary.areas.created, 'new area')}.
      </p>
    </div>
  );
}
