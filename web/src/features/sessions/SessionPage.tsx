import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useLiveChanges } from '../../shared/api/live.js';
import { LiveSession } from './LiveSession.js';
import { RatingScreen } from './RatingScreen.js';
import { StartScreen } from './StartScreen.js';
import { useSessionLoader } from './session.js';
import './sessions-start.css';
import './sessions-live.css';
import './sessions-history.css';

/** /session: the session under way (live or waiting for ratings), or the start screen. */
export function SessionPage() {
  const navigate = useNavigate();
  const { state, loaded, error, apply, refresh } = useSessionLoader(null);

  useLiveChanges(() => void refresh());
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  if (!loaded) {
    return (
      <div className="page page--narrow" aria-busy="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
      </div>
    );
  }
  if (error && !state) {
    return (
      <div className="page page--narrow">
        <div className="notice notice--error" role="alert">
          {error}
          <button type="button" className="button button--small" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!state) return <StartScreen onStarted={apply} />;
  if (state.view.state === 'rating') {
    return (
      <RatingScreen
        key={state.view.id}
        view={state.view}
        onChange={apply}
        onCompleted={(view) => navigate(`/sessions/${view.id}`, { replace: true })}
      />
    );
  }
  if (state.view.state === 'completed') return <StartScreen onStarted={apply} />;
  return <LiveSession key={state.view.id} state={state} apply={apply} refresh={refresh} />;
}

/* ---------------------------------------------------------------------------------------------- */
/* Start                                                                                          */
/* ---------------------------------------------------------------------------------------------- */
