import { plural } from '../../../../src/core/plural.js';
import { useAreas } from '../../shared/state.js';
import { AddAreaForm } from './AddAreaForm.js';
import { AreaRow } from './AreaRow.js';
import './areas.css';

/** /areas: the areas in use and the archived ones, and a form to add one. */
export function AreasPage() {
  const { areas, error, reload } = useAreas();
  const active = (areas ?? []).filter((a) => !a.archivedAt);
  const archived = (areas ?? []).filter((a) => a.archivedAt);
  const total = active.reduce((sum, a) => sum + a.ideaCount, 0);

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Areas</h1>
        <p className="page-lede">
          The parts of your research capacity you are sharpening. Start with the defaults, add your own,
          archive what no longer fits.
        </p>
      </header>

      <AddAreaForm />

      {error && (
        <div className="notice notice--error" role="alert">
          <p>Could not load areas: {error}</p>
          <button type="button" className="button button--small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}

      <section aria-labelledby="active-areas">
        <div className="ideas__header">
          <h2 id="active-areas" className="section-title">
            In use
          </h2>
          {areas && <span className="meta-text">{plural(total, 'idea')} filed</span>}
        </div>
        {areas === null && !error ? (
          <div className="card area-list" aria-busy="true">
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line" />
          </div>
        ) : active.length === 0 ? (
          <div className="empty">
            <p className="empty__title">No areas in use.</p>
            <p className="empty__text">Add one above, or restore an archived one below.</p>
          </div>
        ) : (
          <ul className="card area-list" aria-label="Active areas">
            {active.map((area) => (
              <AreaRow key={area.id} area={area} />
            ))}
          </ul>
        )}
      </section>

      {archived.length > 0 && (
        <section aria-labelledby="archived-areas" className="archived">
          <div className="ideas__header">
            <h2 id="archived-areas" className="section-title">
              Archived
            </h2>
            <span className="meta-text">Hidden from capture; their ideas stay.</span>
          </div>
          <ul className="card area-list area-list--archived" aria-label="Archived areas">
            {archived.map((area) => (
              <AreaRow key={area.id} area={area} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
