import { useId } from 'react';
import { dataApi } from './api.js';
import { ImportBackup } from './ImportBackup.js';
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

/** /data: downloads of everything, and the import of a JSON backup. */
export function DataPage() {
  const id = useId();

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
              <a className="button button--small" href={dataApi.exportUrl(item.format)} download>
                <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                  <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
                </svg>
                Download {item.title}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <ImportBackup />
    </div>
  );
}
