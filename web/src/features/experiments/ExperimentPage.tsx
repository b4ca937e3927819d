import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ApiError,
  api,
  type ExperimentReportView,
  type ExperimentView,
  errorMessage,
  isAbort,
  type NextStep,
} from '../../api.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { BackLink, ErrorNotice, LoadingCard, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime, plural } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { activeSessionId } from '../sessions/session.js';
import { ExperimentReport } from './ExperimentReport.js';
import {
  favouredLabel,
  isUnfinished,
  nextStepLabel,
  type SyncedExperiment,
  stateLabel,
  statusText,
  useActiveExperiment,
} from './experiment.js';
import { MeasurementLog } from './MeasurementLog.js';
import { PhaseTimeline } from './PhaseTimeline.js';
import { PredictionFields, type PredictionValue } from './PredictionFields.js';
import '../sessions/sessions-start.css';
import '../sessions/sessions-history.css';
import './experiments-start.css';
import './experiments-status.css';
import './experiments-report.css';

const REFRESH_MS = 60_000;

/** /experiments/:id: where the experiment stands, what to do next, and the report once done. */
export function ExperimentPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const { update } = useActiveExperiment();
  const [synced, setSynced] = useState<SyncedExperiment | null>(null);
  const [report, setReport] = useState<ExperimentReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);
  const ids = useId();

  const apply = useCallback(
    (view: ExperimentView) => {
      ticket.current++;
      setSynced({ view, at: performance.now() });
      setError(null);
      update(view);
    },
    [update],
  );

  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      const mine = ++ticket.current;
      try {
        const view = await api.getExperiment(id, signal);
        if (mine !== ticket.current) return;
        setSynced({ view, at: performance.now() });
        setError(null);
      } catch (e) {
        if (!isAbort(e)) setError(errorMessage(e));
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [refresh]);
  useLiveChanges(() => void refresh());

  const view = synced?.view;
  const reported = view?.state === 'reported';
  useEffect(() => {
    if (!reported) return;
    const controller = new AbortController();
    api
      .experimentReport(id, controller.signal)
      .then(setReport)
      .catch((e) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [id, reported]);

  if (!synced || !view) {
    return <PagePlaceholder error={error} back={{ to: '/experiments', label: 'Experiments' }} />;
  }

  const runningPhase =
    view.state === 'passive'
      ? view.phases[0]
      : view.state === 'focused' && !view.phases[1].endedAt
        ? view.phases[1]
        : null;

  return (
    <div className={reported ? 'page page--wide' : 'page page--narrow'}>
      <BackLink to="/experiments">Experiments</BackLink>
      <header className="page-header">
        <p className="eyebrow">{stateLabel(view)}</p>
        <h1 className="page-title">{view.title}</h1>
        <p className="page-lede">{view.question}</p>
      </header>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      {isUnfinished(view) && (
        <section className="card experiment-now" aria-labelledby={`${ids}-now`}>
          <h2 id={`${ids}-now`} className="experiment-now__headline">
            {nowHeading(view)}
          </h2>
          {runningPhase && <p className="experiment-now__instructions">{runningPhase.instructions}</p>}
          <PhaseHints view={view} onLogged={() => void refresh()} />
          <NextStepActions
            view={view}
            onChange={apply}
            onRate={() => navigate(`/experiments/${view.id}/rate`)}
          />
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

      <section aria-labelledby={`${ids}-timeline`} className="summary-section">
        <h2 id={`${ids}-timeline`} className="section-title">
          Timeline
        </h2>
        <PhaseTimeline synced={synced} />
      </section>

      {!reported && <PredictionCard view={view} onChange={apply} />}

      {(isUnfinished(view) || reported) && (
        <section aria-labelledby={`${ids}-more`} className="summary-section experiment-more">
          <h2 id={`${ids}-more`} className="visually-hidden">
            More
          </h2>
          {isUnfinished(view) && (
            <a className="button button--small button--quiet" href={api.calendarUrl(view.id)} download>
              <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
                <path d="M3 4.5h10v9H3zM3 7.5h10M5.5 2.5v3M10.5 2.5v3" />
              </svg>
              Add the phase ends to your calendar (.ics)
            </a>
          )}
          {isUnfinished(view) && <AbandonButton view={view} onChange={apply} />}
        </section>
      )}
    </div>
  );
}

/** The status card's heading: the phase that runs, or the server's one-line status without "Experiment:". */
function nowHeading(view: ExperimentView): string {
  const running =
    view.state === 'passive' ? 0 : view.state === 'focused' && !view.phases[1].endedAt ? 1 : null;
  if (running !== null) {
    const phase = view.phases[running];
    const what = `Phase ${running + 1} of 2: ${phase.label}`;
    if (!view.status.due) return what;
    if (running === 0) return `${what} is over — start phase 2 when you are ready`;
    return view.measures === 'ideas'
      ? `${what} is over — time to rate`
      : `${what} is over — see what changed`;
  }
  return statusText(view);
}

/** Where ideas or measurements go while a phase runs, and what has been recorded so far. */
function PhaseHints({ view, onLogged }: { view: ExperimentView; onLogged: () => void }) {
  if (view.state !== 'passive' && view.state !== 'focused') return null;
  if (view.measures === 'measurement' && view.measurement) {
    // Once phase 2's planned end has passed, new values no longer count to it.
    if (view.state === 'focused' && view.status.due) return null;
    return <MeasurementLog view={view} onLogged={onLogged} />;
  }
  const [first, second] = view.phases;
  return (
    <div className="experiment-now__hints">
      <p className="hint">
        Note ideas the usual way — the <Link to="/">inbox</Link> (press <kbd>N</kbd>), a focused session or{' '}
        <code>whet idea "…"</code>. They count to the phase that is running when you note them.
      </p>
      <p className="meta-text">
        Noted so far: {plural(view.recorded[first.key] ?? 0, 'idea')} in phase 1
        {second.startedAt ? `, ${plural(view.recorded[second.key] ?? 0, 'idea')} in phase 2` : ''}.
      </p>
    </div>
  );
}

/** The next step of the state machine as one clear button, plus a focused session in phase 2. */
function NextStepActions({
  view,
  onChange,
  onRate,
}: {
  view: ExperimentView;
  onChange: (view: ExperimentView) => void;
  onRate: () => void;
}) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const step = view.status.nextStep;

  const take = async (action: NextStep) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.experimentStep(view.id, action);
      onChange(next);
      if (next.state === 'rating') onRate();
      else if (next.state === 'reported') notify('The report is ready');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const startSession = async () => {
    setBusy(true);
    try {
      await api.startSession({ minutes: view.phases[1].length });
      navigate('/session');
    } catch (error) {
      if (activeSessionId(error)) navigate('/session');
      else setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  const inFocusedPhase =
    view.state === 'focused' &&
    !view.phases[1].endedAt &&
    view.measures === 'ideas' &&
    view.phases[1].unit === 'minutes';
  const early = view.state === 'passive' && !view.status.due;
  // The chosen rating delay has not passed yet: the step exists but would be refused.
  const waiting = step === 'startRating' && !view.status.due;
  const rating = view.state === 'rating';

  return (
    <div className="experiment-now__actions">
      <div className="experiment-now__buttons">
        {inFocusedPhase && (
          <button type="button" className="button button--primary" onClick={startSession} disabled={busy}>
            Open a {view.phases[1].length}-minute focused session
          </button>
        )}
        {rating ? (
          <Link to={`/experiments/${view.id}/rate`} className="button button--primary">
            Rate the ideas blind
          </Link>
        ) : (
          step && (
            <button
              type="button"
              className={inFocusedPhase ? 'button' : 'button button--primary'}
              onClick={() => void take(step)}
              disabled={busy || waiting}
            >
              {nextStepLabel(view, step)}
            </button>
          )
        )}
      </div>
      {early && (
        <p className="hint">
          Phase 1 is planned to run until {fullTime(view.phases[0].plannedEnd)}. Moving on early makes it
          shorter than you planned.
        </p>
      )}
      {waiting && view.status.endsAt && (
        <p className="hint">
          Blind rating opens {fullTime(view.status.endsAt)}, the delay you chose so that you remember less of
          which idea came when.
        </p>
      )}
      {problem && <ErrorNotice>{problem}</ErrorNotice>}
    </div>
  );
}

function PredictionCard({
  view,
  onChange,
}: {
  view: ExperimentView;
  onChange: (view: ExperimentView) => void;
}) {
  const { prediction } = view;
  const [editing, setEditing] = useState(false);
  // Only a draft's prediction can change (e.g. one created with `whet experiment start --draft`).
  const editable = view.state === 'draft' && !prediction.lockedAt;
  if (editing && editable) {
    return (
      <section className="summary-section" aria-label="Your prediction">
        <h2 className="section-title">Your prediction</h2>
        <PredictionForm
          view={view}
          onSaved={(next) => {
            onChange(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }
  return (
    <section className="summary-section" aria-label="Your prediction">
      <h2 className="section-title">Your prediction</h2>
      <div className="card prediction-card">
        <p className="prediction-card__pick">
          {favouredLabel(view.phases, prediction.favoured)}
          {prediction.favoured !== 'no-difference' && ' will win'}
          {prediction.byHowMuch && <span className="prediction-by"> · {prediction.byHowMuch}</span>}
        </p>
        <blockquote className="prediction-card__text">{prediction.text}</blockquote>
        <p className="meta-text">
          {prediction.lockedAt ? (
            <>
              <svg viewBox="0 0 16 16" aria-hidden="true" className="icon icon--inline">
                <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z" />
              </svg>{' '}
              Locked {fullTime(prediction.lockedAt)}
            </>
          ) : (
            'Not locked yet: it locks when the first phase starts.'
          )}
        </p>
        {editable && (
          <p>
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              Edit prediction
            </button>
          </p>
        )}
      </div>
    </section>
  );
}

/** Rewrites a draft's prediction (PUT …/prediction); refused by the server once it is locked. */
function PredictionForm({
  view,
  onSaved,
  onCancel,
}: {
  view: ExperimentView;
  onSaved: (view: ExperimentView) => void;
  onCancel: () => void;
}) {
  const [prediction, setPrediction] = useState<PredictionValue>({
    text: view.prediction.text,
    favoured: view.prediction.favoured,
    byHowMuch: view.prediction.byHowMuch ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      const { text, favoured, byHowMuch } = prediction;
      onSaved(
        await api.revisePrediction(view.id, {
          text,
          favoured: favoured ?? view.prediction.favoured,
          byHowMuch: byHowMuch.trim() || null,
        }),
      );
    } catch (error) {
      setErrors(error instanceof ApiError ? { ...error.fields } : {});
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form className="card prediction-card" aria-label="Edit your prediction" onSubmit={save} noValidate>
      <PredictionFields
        id={id}
        phases={view.phases}
        value={prediction}
        onChange={(patch) => setPrediction((p) => ({ ...p, ...patch }))}
        errors={{ text: errors.text, favoured: errors.favoured, byHowMuch: errors.byHowMuch }}
        legend="Which phase will win?"
      />
      {problem && Object.keys(errors).length === 0 && <ErrorNotice>{problem}</ErrorNotice>}
      <div className="experiment-now__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save prediction
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AbandonButton({
  view,
  onChange,
}: {
  view: ExperimentView;
  onChange: (view: ExperimentView) => void;
}) {
  const { notify } = useToast();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const abandon = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await api.experimentStep(view.id, 'abandon');
      dialogRef.current?.close();
      onChange(next);
      notify('Experiment abandoned');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet button--danger-quiet"
        onClick={() => dialogRef.current?.showModal()}
      >
        Abandon experiment
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          Abandon this experiment?
        </h2>
        <p id={`${id}-text`} className="dialog__text">
          It stops for good and gets no report. Your ideas stay in your inbox. You can start a new experiment
          afterwards.
        </p>
        {problem && <ErrorNotice>{problem}</ErrorNotice>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            Keep going
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void abandon()}
            disabled={busy}
          >
            Abandon for good
          </button>
        </div>
      </dialog>
    </>
  );
}
