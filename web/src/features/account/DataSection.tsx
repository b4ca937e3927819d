import { useId } from 'react';
import { ImportBackup } from '../data/ImportBackup.js';
import { ExportLink } from './ExportLink.js';

/** Everything of this account as a JSON backup, and a solo backup brought into it. */
export function DataSection() {
  const id = useId();
  return (
    <>
      <section className="data-section" aria-labelledby={`${id}-data`}>
        <h2 id={`${id}-data`} className="section-title">
          Your data
        </h2>
        <div className="card account-data">
          <p>
            Your ideas, sessions, experiments, plans and practice are yours: nobody else here sees them.
            Download them all as one JSON backup; it imports into solo Whetstone or another team server.
          </p>
          <ExportLink />
        </div>
      </section>
      <ImportBackup
        title="Bring in a solo backup"
        lede="Moving from solo Whetstone? Import its JSON backup (whet export --format json) into this account. Importing the same file twice changes nothing, and ideas edited here since keep the newer version."
      />
    </>
  );
}
