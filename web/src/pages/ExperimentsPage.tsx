import { useCallback, useEffect, useId, useState } from 'react';
import { api, type ExperimentTemplate, type ExperimentView, errorMessage, isAbort } from '../api.js';
import { isUnfinished, phaseLength, stateLabel, useActiveExperiment } from '../experiment.js';
import { fullTime, plural, relativeTime } from '../format.js';
import { useLiveChanges } from '../live.js';
import { Link } from '../router.js';
import { StartExperimentForm } from './experiment/StartExperimentForm.js';

/** /experiments: start a self-experiment (one at a time) and find past ones. */
export function ExperimentsPage() {
  const { active } = useActiveExperiment();
  const [templates, setTemplates] = useState<ExperimentTemplate[] | null>(null);
  const [experiments, setExperiments] = useState<ExperimentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const [t, e] = await Promise.all([api.experimentTemplates(signal), api.listExperiments(signal)]);
      setTemplates(t.templates);
      setExperiments(e.experiments);
      setError(null);
    } catch (e) {
      if (!isAbort(e)) setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  useLiveChanges(() => void load());

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

      {error && (
        <div className="notice notice--error" role="alert">
          {error}
          <button type="button" className="button button--small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}

      <section aria-labelledby={`${id}-start`} className="data-section">
        <h2 id={`${id}-start`} className="section-title">
          {running ? 'Under way' : 'Start an experiment'}
        </h2>
        {running ? (
          <RunningCard view={running} />
        ) : templates === null ? (
          !error && (
            <div className="card history__loading" aria-busy="true">
              <div className="skeleton skeleton--line" />
              <div className="skeleton skeleton--short" />
            </div>
          )
        ) : (
          <StartExperimentForm templates={templates} />
        )}
      </section>

      <section aria-labelledby={`${id}-past`} className="data-section">
        <h2 id={`${id}-past`} className="section-title">
          Past experiments
        </h2>
        {experiments === null ? (
          !error && (
            <div className="card history__loading" aria-busy="true">
              <div className="skeleton skeleton--line" />
            </div>
          )
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
        <p className="running-card__text">{view.status.headline}</p>
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
