import { useMutation } from '@tanstack/react-query';
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

  const taking = useApiAction((action: NextStep) => experimentsApi.experimentStep(view.id, action), {
    onSuccess: (next) => {
      void showExperiment(next);
      if (next.state === 'rating') navigate(`/experiments/${view.id}/rate`);
      else if (next.state === 'reported') notify('The report is ready');
    },
  });

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
                void taking.run(step);
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
    </div>
  );
}
