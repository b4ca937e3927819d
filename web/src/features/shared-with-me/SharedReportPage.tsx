import { useParams } from 'react-router';
import { BackLink, ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { ExperimentReport } from '../experiments/ExperimentReport.js';
import { AccessEnded } from './AccessEnded.js';
import { sharedApi, sharedKeys } from './api.js';
import { useSharedRead, useSharedWithMe } from './queries.js';
import { researcherName } from './researcher-name.js';
import '../sessions/sessions-start.css';
import '../sessions/sessions-history.css';
import '../experiments/experiments-start.css';
import '../experiments/experiments-status.css';
import '../experiments/experiments-report.css';
import './shared-view.css';

/** /shared/:id/experiments/:experiment (coaches): one shared experiment's report, read only. */
export function SharedReportPage({ id }: { id: string }) {
  const { experiment = '' } = useParams();
  const { data: grants } = useSharedWithMe();
  const name = researcherName(id, grants);
  const report = useSharedRead(sharedKeys.of(id, 'report', experiment), (signal) =>
    sharedApi.report(id, experiment, signal),
  );
  const back = (
    <BackLink to={`/shared/${id}`}>
      {name === 'This researcher' ? 'Shared with you' : `Shared by ${name}`}
    </BackLink>
  );
  if (report.ended || report.error || !report.data)
    return (
      <div
        className="page page--narrow shared-view"
        aria-busy={report.ended || report.error ? undefined : true}
      >
        {back}
        {report.ended ? (
          <AccessEnded name={name} what="this report" />
        ) : report.error ? (
          <ErrorNotice onRetry={report.reload}>{report.error}</ErrorNotice>
        ) : (
          <LoadingCard lines={2} />
        )}
      </div>
    );
  const view = report.data.experiment;
  return (
    <div className="page page--wide shared-view">
      {back}
      <header className="page-header">
        <p className="eyebrow">Shared by {name} · read only</p>
        <h1 className="page-title">{view.title}</h1>
        <p className="page-lede">{view.question}</p>
      </header>
      <ExperimentReport report={report.data} readOnly />
    </div>
  );
}
