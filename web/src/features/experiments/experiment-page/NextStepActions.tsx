import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ExperimentView, NextStep } from '../../../../../src/core/experiments/view.js';
import { useApiAction } from '../../../shared/api/action.js';
import { errorMessage } from '../../../shared/api/client.js';
import { ErrorNotice } from '../../../shared/components/PageStates.js';
import { fullTime } from '../../../shared/format.js';
import { useToast } from '../../../shared/state.js';
import { sessionsApi } from '../../sessions/api.js';
import { activeSessionId } from '../../sessions/session.js';
import { experimentsApi } from '../api.js';
import { nextStepLabel } from '../labels.js';
import { useShowExperiment } from '../queries.js';

/** The next step of the state machine as one clear button, plus a focused session in phase 2. */
export function NextStepActions({ view }: { view: ExperimentView }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const showExperiment = useShowExperiment();
  const step = view.status.nextStep;

  const confirmRef = useRef<HTMLDialogElement>(null);
  const confirmId = useId();
  const taking = useApiAction(
    (action: NextStep, early?: boolean) => experimentsApi.experimentStep(view.id, action, early),
    {
      onSuccess: (next) => {
        confirmRef.current?.close();
        void showExperiment(next);
        if (next.state === 'rating') navigate(`/experiments/${view.id}/rate`);
        else if (next.state === 'reported') notify('The report is ready');
      },
    },
  );

  // A session already under way is the one to go to, not a failure.
  const session = useMutation({
    mutationFn: () => sessionsApi.startSession({ minutes: view.phases[1].length }),
    onSuccess: () => navigate('/session'),
    onError: (error) => {
      if (activeSessionId(error)) navigate('/session');
    },
  });
  const sessionProblem =
    session.error && !activeSessionId(session.error) ? errorMessage(session.error) : null;
  const busy = taking.busy || session.isPending;
  const problem = taking.error ?? sessionProblem;

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
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              taking.reset();
              session.mutate();
            }}
            disabled={busy}
          >
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
              onClick={() => {
                session.reset();
                // Ending phase 1 before its planned end is asked for first; the report records it.
                if (step === 'startFocused' && early) confirmRef.current?.showModal();
                else void taking.run(step);
              }}
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
      {early && (
        <dialog
          ref={confirmRef}
          className="dialog"
          aria-labelledby={`${confirmId}-title`}
          aria-describedby={`${confirmId}-text`}
        >
          <h2 id={`${confirmId}-title`} className="dialog__title">
            End phase 1 early?
          </h2>
          <p id={`${confirmId}-text`} className="dialog__text">
            {view.phases[0].label} is planned to run until {fullTime(view.phases[0].plannedEnd)}. Ending it
            now makes it shorter than you planned, and the report will say so.
          </p>
          {taking.error && <ErrorNotice>{taking.error}</ErrorNotice>}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => confirmRef.current?.close()}>
              Keep noticing
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void taking.run('startFocused', true)}
              disabled={taking.busy}
            >
              End it and start phase 2
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
