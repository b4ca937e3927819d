import { useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { LiveSession } from './LiveSession.js';
import { useActiveSession, useInvalidateSessionHistory, useSetActiveSession } from './queries.js';
import { RatingScreen } from './RatingScreen.js';
import { StartScreen } from './StartScreen.js';
import './sessions-start.css';
import './sessions-live.css';
import './sessions-history.css';

/** /session: the session under way (live or waiting for ratings), or the start screen. */
export function SessionPage() {
  const navigate = useNavigate();
  const active = useActiveSession();
  const setActive = useSetActiveSession();
  const historyChanged = useInvalidateSessionHistory();
  const { data: state, refetch } = active;
  const refresh = async () => {
    await refetch();
  };

  if (active.isPending) {
    return (
      <div className="page page--narrow" aria-busy="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
      </div>
    );
  }
  if (state === undefined) {
    return (
      <div className="page page--narrow">
        <ErrorNotice onRetry={() => void refresh()}>{errorMessage(active.error)}</ErrorNotice>
      </div>
    );
  }

  if (!state || state.view.state === 'completed') {
    return (
      <StartScreen
        onStarted={(view) => {
          setActive(view);
          historyChanged();
        }}
        onResume={refresh}
      />
    );
  }
  if (state.view.state === 'rating') {
    return (
      <RatingScreen
        key={state.view.id}
        view={state.view}
        onCompleted={(view) => navigate(`/sessions/${view.id}`, { replace: true })}
      />
    );
  }
  return <LiveSession key={state.view.id} state={state} apply={setActive} refresh={refresh} />;
}
