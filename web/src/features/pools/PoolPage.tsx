import { plural } from '../../../../src/core/plural.js';
import { BackLink, ErrorNotice, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { Section } from '../experiments/ReportParts.js';
import { ImportCards } from './pool-page/ImportCards.js';
import { PoolAnalysis } from './pool-page/PoolAnalysis.js';
import { usePool, usePoolReport } from './queries.js';
import '../experiments/experiments-report.css';
import './pools.css';

/** /pools/:id: import result cards and read the pooled analysis. */
export function PoolPage({ id }: { id: string }) {
  const { data: pool, error: poolError } = usePool(id);
  const { data: report, error: reportError } = usePoolReport(id);
  const error = poolError ?? reportError;

  if (!pool || !report) return <PagePlaceholder error={error} back={{ to: '/pools', label: 'Pools' }} />;

  return (
    <div className="page page--wide">
      <BackLink to="/pools">Pools</BackLink>
      <header className="page-header">
        <p className="eyebrow">Pool · {pool.templateTitle}</p>
        <h1 className="page-title">{pool.name}</h1>
        <p className="page-lede">
          {plural(pool.participants, 'participant')} · created {fullTime(pool.createdAt)}
        </p>
      </header>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      <Section title="Pooled analysis">
        <PoolAnalysis report={report} />
      </Section>

      <Section title="Add cards">
        <ImportCards pool={pool} />
      </Section>
    </div>
  );
}
