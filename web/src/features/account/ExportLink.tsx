import { dataApi } from '../data/api.js';

/** Everything of this account as one JSON backup (the solo export, per account in team mode). */
export function ExportLink({ onDownload }: { onDownload?: () => void }) {
  return (
    <a className="button button--small" href={dataApi.exportUrl('json')} download onClick={onDownload}>
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
        <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
      </svg>
      Download JSON backup
    </a>
  );
}
