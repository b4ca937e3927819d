import { type FormEvent, useId, useRef, useState } from 'react';
import type { ImportSummary } from '../../../../src/core/backup.js';
import { ApiError, api, errorMessage, type FieldIssue } from '../../api.js';
import { ImportProblem } from '../../shared/components/PageStates.js';
import { plural } from '../../shared/format.js';
import { useAreas, useToast } from '../../shared/state.js';
import './data.css';

const EXPORTS = [
  {
    format: 'json',
    title: 'JSON backup',
    text: 'Everything, lossless. Import it here or on another machine.',
  },
  {
    format: 'md',
    title: 'Markdown',
    text: 'Ideas grouped by area, with fields Obsidian and Logseq understand.',
  },
  {
    format: 'csv',
    title: 'CSV',
    text: 'One row per idea, for spreadsheets and your own analysis.',
  },
] as const;

export function DataPage() {
  const { reload } = useAreas();
  const { notify } = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importing, setImporting] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem({ message: 'Choose a Whetstone JSON backup file first.', issues: [] });
      return;
    }
    setImporting(true);
    setSummary(null);
    setProblem(null);
    try {
      const text = await file.text();
      const result = await api.importBackup(text);
      setSummary(result);
      notify('Backup imported');
      void reload();
    } catch (error) {
      setProblem({
        message: errorMessage(error),
        issues: error instanceof ApiError ? (error.problem?.errors ?? []) : [],
      });
    } finally {
      setImporting(false);
    }
  };

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Data</h1>
        <p className="page-lede">Your ideas are yours. Take them anywhere, and bring them back.</p>
      </header>

      <section aria-labelledby={`${id}-export`} className="data-section">
        <h2 id={`${id}-export`} className="section-title">
          Export
        </h2>
        <ul className="export-list" aria-label="Downloads">
          {EXPORTS.map((item) => (
            <li key={item.format} className="card export-card">
              <div>
                <p className="export-card__title">{item.title}</p>
                <p className="export-card__text">{item.text}</p>
              </div>
              <a className="button button--small" href={api.exportUrl(item.format)} download>
                <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                  <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
                </svg>
                Download {item.title}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-import`} className="data-section">
        <h2 id={`${id}-import`} className="section-title">
          Import a backup
        </h2>
        <form className="card import-form" onSubmit={submit} aria-label="Import a backup" noValidate>
          <p className="hint">
            Restores areas and ideas from a Whetstone JSON backup. Importing the same file twice changes
            nothing, and ideas you edited here since the backup keep your newer version.
          </p>
          <div className="import-form__row">
            <div className="field field--grow">
              <label htmlFor={`${id}-file`} className="field__label">
                Backup file
              </label>
              <input
                ref={fileRef}
                id={`${id}-file`}
                type="file"
                accept="application/json,.json"
                className="file-input"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setProblem(null);
                  setSummary(null);
                }}
                aria-describedby={problem ? `${id}-problem` : undefined}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={importing}>
              {importing ? 'Importing…' : 'Import backup'}
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
            {summary && (
              <div className="import-summary">
                <p className="import-summary__title">
                  <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
                    <path d="M3.5 8.5l3 3 6-7" />
                  </svg>
                  Imported {file?.name ?? 'backup'}
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
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
