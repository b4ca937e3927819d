import { useId, useRef, useState } from 'react';
import { Controller, type FieldErrors, type FieldError as ItemError, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { plural } from '../../../../src/core/plural.js';
import {
  SESSION_MINUTES_DEFAULT,
  SESSION_MINUTES_MAX,
  SESSION_MINUTES_MIN,
} from '../../../../src/core/sessions/session.js';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { hasStatus } from '../../shared/api/client.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { controlProps } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useAreas } from '../../shared/state.js';
import { useDecks } from '../decks/queries.js';
import { sessionsApi } from './api.js';
import { activeSessionId } from './session.js';

const MINUTE_PRESETS = [10, 20, 30, 45] as const;

interface StartValues {
  minutes: number;
  /** Empty until the person picks one: the first deck is the default. */
  deckId: string;
  areas: string[];
}

/** Choose the length, the deck and optional focus areas, then start. */
export function StartScreen({
  onStarted,
  onResume,
}: {
  onStarted: (view: SessionView) => void;
  /** Opens the session already under way. */
  onResume: () => Promise<void>;
}) {
  const { areas } = useAreas();
  // A deck list that fails to load leaves the server's default deck.
  const { data: decks, error: decksError } = useDecks();
  // "One session at a time" is an offer to resume, not a failure of the form.
  const [underWay, setUnderWay] = useState(false);
  // During an experiment's passive phase the server asks first: its reason, then the person's yes.
  const [duringPassive, setDuringPassive] = useState<string | null>(null);
  const outsideExperiment = useRef(false);
  const id = useId();

  const { form, onSubmit, problem, busy, errorOf } = useApiForm<StartValues, SessionView | null | undefined>({
    defaultValues: { minutes: SESSION_MINUTES_DEFAULT, deckId: '', areas: [] },
    submit: async ({ minutes, deckId, areas: picked }) => {
      setUnderWay(false);
      setDuringPassive(null);
      const chosenDeck = deckId || decks?.[0]?.id;
      try {
        return await sessionsApi.startSession({
          minutes,
          ...(chosenDeck ? { deckId: chosenDeck } : {}),
          ...(picked.length ? { areas: picked } : {}),
          ...(outsideExperiment.current ? { outsideExperiment: true } : {}),
        });
      } catch (error) {
        if (activeSessionId(error)) return null;
        const reason = hasStatus(error, 409) ? error.field('outsideExperiment') : undefined;
        if (reason) {
          setDuringPassive(reason);
          return undefined;
        }
        throw error;
      } finally {
        outsideExperiment.current = false;
      }
    },
    // undefined: the person is asked first (duringPassive), nothing started.
    onSuccess: (view) => (view ? onStarted(view) : view === null ? setUnderWay(true) : undefined),
  });
  const [minutes, deckId] = useWatch({ control: form.control, name: ['minutes', 'deckId'] });
  const chosenDeckId = deckId || decks?.[0]?.id || '';
  const deck = decks?.find((d) => d.id === chosenDeckId);
  const openAreas = (areas ?? []).filter((a) => !a.archivedAt);
  const minutesError = errorOf('minutes');
  const deckError = errorOf('deckId');
  const areasError = errorOf('areas') ?? firstItemMessage(form.formState.errors.areas);

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Focused session</h1>
        <p className="page-lede">
          Set a little time aside. One question at a time, a quiet countdown, and a place for every idea.
        </p>
      </header>

      <form className="card start-card" aria-label="Start a session" onSubmit={onSubmit}>
        <fieldset className="start-card__field">
          <legend className="capture__label">Length</legend>
          <Controller
            control={form.control}
            name="minutes"
            render={({ field }) => (
              <div className="segmented">
                {MINUTE_PRESETS.map((m) => (
                  <button
                    key={m}
                    type="button"
                    className="segmented__option"
                    aria-pressed={field.value === m}
                    onClick={() => field.onChange(m)}
                  >
                    {m} min
                  </button>
                ))}
                <label className="segmented__custom">
                  <span className="visually-hidden">Minutes</span>
                  <input
                    {...controlProps(`${id}-minutes`, minutesError)}
                    ref={field.ref}
                    name={field.name}
                    className="input input--compact"
                    type="number"
                    min={SESSION_MINUTES_MIN}
                    max={SESSION_MINUTES_MAX}
                    value={field.value}
                    onChange={(e) => field.onChange(Number(e.target.value) || 0)}
                    onBlur={field.onBlur}
                  />
                  <span aria-hidden="true">min</span>
                </label>
              </div>
            )}
          />
          <FieldError id={`${id}-minutes-error`} field="minutes" message={minutesError} />
        </fieldset>

        <div className="start-card__field">
          <label htmlFor={`${id}-deck`} className="capture__label">
            Deck
          </label>
          <Controller
            control={form.control}
            name="deckId"
            render={({ field }) => (
              <select
                {...controlProps(`${id}-deck`, deckError)}
                ref={field.ref}
                name={field.name}
                className="select"
                value={chosenDeckId}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                disabled={!decks && !decksError}
              >
                {(decks ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({plural(d.questions.length, 'question')})
                  </option>
                ))}
              </select>
            )}
          />
          {deck?.description && <p className="hint">{deck.description}</p>}
          <FieldError id={`${id}-deck-error`} field="deckId" message={deckError} />
        </div>

        <fieldset className="start-card__field">
          <legend className="capture__label">
            Focus areas <span className="field__optional">optional</span>
          </legend>
          <Controller
            control={form.control}
            name="areas"
            render={({ field }) => (
              <div className="area-chips">
                {openAreas.map((area) => {
                  const picked = field.value.includes(area.id);
                  return (
                    <button
                      key={area.id}
                      type="button"
                      className="area-chip"
                      aria-pressed={picked}
                      onClick={() =>
                        field.onChange(
                          picked ? field.value.filter((a) => a !== area.id) : [...field.value, area.id],
                        )
                      }
                    >
                      {area.name}
                    </button>
                  );
                })}
              </div>
            )}
          />
          <p className="hint">Questions about these areas come first. Leave empty for a broad session.</p>
          <FieldError id={`${id}-areas-error`} field="areas" message={areasError} />
        </fieldset>

        {duringPassive && (
          <div className="notice" role="alert">
            <span>
              Your experiment’s first phase is running: ideas from a focused session now will not count to it.
              Start one anyway?
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={(event) => {
                outsideExperiment.current = true;
                void onSubmit(event);
              }}
            >
              Start it anyway
            </button>
          </div>
        )}

        {(underWay || problem) && (
          <div className="notice notice--error" role="alert">
            <span>{underWay ? 'A session is already under way.' : problem}</span>
            {underWay && (
              <button type="button" className="button button--small" onClick={() => void onResume()}>
                Resume it
              </button>
            )}
          </div>
        )}

        <div className="start-card__actions">
          <Link to="/sessions" className="link-button">
            Past sessions
          </Link>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || minutes < SESSION_MINUTES_MIN}
          >
            Start a {minutes}-minute session
          </button>
        </div>
      </form>
    </div>
  );
}

/** The first message among a list field's items (the server names them `areas.0`, `areas.1`). */
function firstItemMessage(errors: FieldErrors<StartValues>['areas']): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const items: readonly (ItemError | undefined)[] = errors;
  return items.find((item) => item?.message)?.message;
}
