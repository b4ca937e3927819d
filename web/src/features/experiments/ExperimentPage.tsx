import { useId } from 'react';
import { errorMessage } from '../../shared/api/client.js';
import { BackLink, ErrorNotice, LoadingCard, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { SecondRaterCard } from '../second-rater/SecondRaterCard.js';
import { experimentsApi } from './api.js';
import { ExperimentReport } from './ExperimentReport.js';
import { AbandonButton } from './experiment-page/AbandonButton.js';
import { NextStepActions } from './experiment-page/NextStepActions.js';
import { PhaseHints } from './experiment-page/PhaseHints.js';
import { PredictionCard } from './experiment-page/PredictionCard.js';
import { isUnfinished, nowHeading, runningPhaseIndex, stateLabel } from './labels.js';
import { PhaseTimeline } from './PhaseTimeline.js';
import { useExperiment, useExperimentReport } from './queries.js';
import '../sessions/sessions-start.css';
import '../sessions/sessions-history.css';
import './experiments-start.css';
import './experiments-status.css';
import './experiments-report.css';

/** /experiments/:id: where the experiment stands, what to do next, and the report once done. */
export function ExperimentPage({ id }: { id: string }) {
  const { synced, error: loadError } = useExperiment(id);
  const view = synced?.view;
  const reported = view?.state === 'reported';
  const { data: report, error: reportError } = useExperimentReport(id, reported);
  const failure = loadError ?? reportError;
  const error = failure ? errorMessage(failure) : null;
  const ids = useId();

  if (!synced || !view) {
    return <PagePlaceholder error={error} back={{ to: '/experiments', label: 'Experiments' }} />;
  }

  const running = runningPhaseIndex(view);
  const unfinished = isUnfinished(view);

  return (
    <div className={reported ? 'page page--wide' : 'page page--narrow'}>
      <BackLink to="/experiments">Experiments</BackLink>
      <header className="page-header">
        <p className="eyebrow">{stateLabel(view)}</p>
        <h1 className="page-title">{view.title}</h1>
        <p className="page-lede">{view.question}</p>
      </header>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      {unfinished && (
        <section className="card experiment-now" aria-labelledby={`${ids}-now`}>
          <h2 id={`${ids}-now`} className="experiment-now__headline">
            {nowHeading(view)}
          </h2>
          {running !== null && (
            <p className="experiment-now__instructions">{view.phases[running].instructions}</p>
          )}
          <PhaseHints view={view} />
          <NextStepActions view={view} />
        </section>
      )}

      {view.state === 'abandoned' && (
        <p className="notice">
          Abandoned {view.abandonedAt ? fullTime(view.abandonedAt) : ''}. Your ideas and measurements stay
          where they are.
        </p>
      )}

      {reported && report && <ExperimentReport report={report} />}
      {reported && !report && !error && <LoadingCard lines={2} />}

      {view.measures === 'ideas' && (view.state === 'rating' || reported) && (
        <SecondRaterCard experimentId={view.id} />
      )}

      <section aria-labelledby={`${ids}-timeline`} className="summary-section">
        <h2 id={`${ids}-timeline`} className="section-title">
          Timeline
        </h2>
        <PhaseTimeline synced={synced} />
      </section>

      {!reported && <PredictionCard view={view} />}

      {(unfinished || reported) && (
        <section aria-labelledby={`${ids}-more`} className="summary-section experiment-more">
          <h2 id={`${ids}-more`} className="visually-hidden">
            More
          </h2>
          {unfinished && (
            <a
              className="button button--small button--quiet"
              href={experimentsApi.calendarUrl(view.id)}
              download
            >
              <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                <path d="M3 4.5h10v9H3zM3 7.5h10M5.5 2.5v3M10.5 2.5v3" />
              </svg>
              Add the phase ends to your calendar (.ics)
            </a>
          )}
          {unfinished && <AbandonButton view={view} />}
        </section>
      )}
    </div>
  );
}
