import { useId } from 'react';
import { Link } from 'react-router';
import type { ExperimentView } from '../../../../src/core/experiments/view.js';
import { plural } from '../../../../src/core/plural.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { phaseLength } from './format.js';
import { isUnfinished, stateLabel, statusText } from './labels.js';
import { useActiveExperiment, useExperimentList, useExperimentTemplates } from './queries.js';
import { StartExperimentForm } from './StartExperimentForm.js';
import './experiments-start.css';

/** /experiments: start a self-experiment (one at a time) and find past ones. */
export function ExperimentsPage() {
  const active = useActiveExperiment();
  const { data: templates, error: templatesError, reload: reloadTemplates } = useExperimentTemplates();
  const { data: experiments, error: listError, reload: reloadList } = useExperimentList();
  const error = templatesError ?? listError;
  const reload = () => Promise.all([reloadTemplates(), reloadList()]);
  const id = useId();

  const running = active ?? experiments?.find(isUnfinished) ?? null;
  const past = (experiments ?? []).filter((e) => !isUnfinished(e));

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Experiments</h1>
        <p className="page-lede">
          Test on yourself what helps: write down a prediction, run two phases, rate the results blind, and
          see what the numbers say.
        </p>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      <section aria-labelledby={`${id}-start`} className="data-section">
        <h2 id={`${id}-start`} className="section-title">
          {running ? 'Under way' : 'Start an experiment'}
        </h2>
        {running ? (
          <RunningCard view={running} />
        ) : templates === null ? (
          !error && <LoadingCard lines={2} />
        ) : (
          <StartExperimentForm templates={templates} />
        )}
      </section>

      <section aria-labelledby={`${id}-past`} className="data-section">
        <h2 id={`${id}-past`} className="section-title">
          Past experiments
        </h2>
        {experiments === null ? (
          !error && <LoadingCard />
        ) : past.length === 0 ? (
          <p className="meta-text">Finished and abandoned experiments will be listed here.</p>
        ) : (
          <ul className="history-list" aria-label="Past experiments">
            {past.map((view) => (
              <li key={view.id}>
                <Link to={`/experiments/${view.id}`} className="card history-row__link">
                  <span className="history-row__top">
                    <span className="history-row__title">{view.title}</span>
                    <span className={view.state === 'reported' ? 'tag tag--accent' : 'tag'}>
                      {stateLabel(view)}
                    </span>
                    <span className="meta-text history-row__meta">
                      {phaseLength(view.phases[0])} vs {phaseLength(view.phases[1])} · started{' '}
                      <time dateTime={view.createdAt} title={fullTime(view.createdAt)}>
                        {relativeTime(view.createdAt)}
                      </time>
                    </span>
                  </span>
                  <span className="history-row__best">{view.prediction.text}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The one unfinished experiment: a way back to it instead of a second start form. */
function RunningCard({ view }: { view: ExperimentView }) {
  const recorded = Object.values(view.recorded).reduce((a, b) => a + b, 0);
  return (
    <div className="card running-card">
      <div className="running-card__main">
        <p className="running-card__title">
          {view.title} <span className="tag tag--accent">{stateLabel(view)}</span>
        </p>
        <p className="running-card__text">{statusText(view)}</p>
        {view.measures === 'ideas' && view.state !== 'draft' && (
          <p className="meta-text">{plural(recorded, 'idea')} noted so far</p>
        )}
      </div>
      <Link to={`/experiments/${view.id}`} className="button button--primary">
        Open the experiment
      </Link>
      <p className="hint running-card__hint">
        One experiment at a time: finish or abandon this one before you start another.
      </p>
    </div>
  );
}
