import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type Deck, errorMessage, type SessionView } from '../../api.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { plural } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';
import { activeSessionId } from './session.js';

const MINUTE_PRESETS = [10, 20, 30, 45] as const;

/** Choose the length, the deck and optional focus areas, then start. */
export function StartScreen({ onStarted }: { onStarted: (view: SessionView) => void }) {
  const { areas } = useAreas();
  const [minutes, setMinutes] = useState(20);
  const [deckId, setDeckId] = useState('');
  const [decks, setDecks] = useState<Deck[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; resume: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    api
      .listDecks(controller.signal)
      .then(({ items }) => {
        setDecks(items);
        setDeckId((current) => current || items[0]?.id || '');
      })
      .catch(() => setDecks([]));
    return () => controller.abort();
  }, []);

  const toggle = (areaId: string) =>
    setPicked((list) => (list.includes(areaId) ? list.filter((a) => a !== areaId) : [...list, areaId]));

  const start = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setProblem(null);
    setFieldErrors({});
    try {
      const view = await api.startSession({
        minutes,
        ...(deckId ? { deckId } : {}),
        ...(picked.length ? { areas: picked } : {}),
      });
      onStarted(view);
    } catch (error) {
      if (activeSessionId(error)) {
        setProblem({ message: 'A session is already under way.', resume: true });
      } else {
        setFieldErrors(error instanceof ApiError ? { ...error.fields } : {});
        setProblem({ message: errorMessage(error), resume: false });
      }
    } finally {
      setBusy(false);
    }
  };

  const resume = async () => {
    try {
      const { session } = await api.activeSession();
      if (session) onStarted(session);
    } catch (error) {
      setProblem({ message: errorMessage(error), resume: false });
    }
  };

  const openAreas = (areas ?? []).filter((a) => !a.archivedAt);
  const deck = decks?.find((d) => d.id === deckId);

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Focused session</h1>
        <p className="page-lede">
          Set a little time aside. One question at a time, a quiet countdown, and a place for every idea.
        </p>
      </header>

      <form className="card start-card" aria-label="Start a session" onSubmit={start}>
        <fieldset className="start-card__field">
          <legend className="capture__label">Length</legend>
          <div className="segmented">
            {MINUTE_PRESETS.map((m) => (
              <button
                key={m}
                type="button"
                className="segmented__option"
                aria-pressed={minutes === m}
                onClick={() => setMinutes(m)}
              >
                {m} min
              </button>
            ))}
            <label className="segmented__custom">
              <span className="visually-hidden">Minutes</span>
              <input
                className="input input--compact"
                type="number"
                min={1}
                max={180}
                value={minutes}
                onChange={(e) => setMinutes(Number(e.target.value) || 0)}
                aria-invalid={fieldErrors.minutes ? true : undefined}
                aria-describedby={fieldErrors.minutes ? `${id}-minutes` : undefined}
              />
              <span aria-hidden="true">min</span>
            </label>
          </div>
          <FieldError id={`${id}-minutes`} field="minutes" message={fieldErrors.minutes} />
        </fieldset>

        <div className="start-card__field">
          <label htmlFor={`${id}-deck`} className="capture__label">
            Deck
          </label>
          <select
            id={`${id}-deck`}
            className="select"
            value={deckId}
            onChange={(e) => setDeckId(e.target.value)}
            disabled={!decks}
          >
            {(decks ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({plural(d.questions.length, 'question')})
              </option>
            ))}
          </select>
          {deck?.description && <p className="hint">{deck.description}</p>}
        </div>

        <fieldset className="start-card__field">
          <legend className="capture__label">
            Focus areas <span className="field__optional">optional</span>
          </legend>
          <div className="area-chips">
            {openAreas.map((area) => (
              <button
                key={area.id}
                type="button"
                className="area-chip"
                aria-pressed={picked.includes(area.id)}
                onClick={() => toggle(area.id)}
              >
                {area.name}
              </button>
            ))}
          </div>
          <p className="hint">Questions about these areas come first. Leave empty for a broad session.</p>
        </fieldset>

        {problem && (
          <div className="notice notice--error" role="alert">
            <span>{problem.message}</span>
            {problem.resume && (
              <button type="button" className="button button--small" onClick={resume}>
                Resume it
              </button>
            )}
          </div>
        )}

        <div className="start-card__actions">
          <Link to="/sessions" className="link-button">
            Past sessions
          </Link>
          <button type="submit" className="button button--primary" disabled={busy || minutes < 1}>
            Start a {minutes}-minute session
          </button>
        </div>
      </form>
    </div>
  );
}

/* ---------------------------------------------------------------------------------------------- */
/* Live                                                                                           */
/* ---------------------------------------------------------------------------------------------- */
