import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { EFFORTS, IDEA_SOURCES, SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Effort, Idea, IdeaSource } from '../../../../src/core/ideas.js';
import { IDEA_TEXT_MAX } from '../../../../src/core/limits.js';
import { ApiError, api, errorMessage } from '../../api.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { EFFORT_LABELS, VALUE_HINTS } from '../../shared/format.js';
import { registerCaptureFocus, useAreas } from '../../shared/state.js';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));
const CAPTURE_SOURCES = IDEA_SOURCES.filter((s) => s !== 'imported');
const LAST_AREA_KEY = 'whetstone.capture.area';

interface CaptureBoxProps {
  onCaptured: (idea: Idea) => void;
  onUndone: (id: string) => void;
}

/**
 * The quick-capture box: type, press Enter, keep typing. Area and source stick between captures
 * (ideas tend to come in runs); value, effort and context reset with the text.
 */
export function CaptureBox({ onCaptured, onUndone }: CaptureBoxProps) {
  const { areas, nameOf } = useAreas();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [areaId, setAreaId] = useState<string | null>(() => localStorage.getItem(LAST_AREA_KEY) || null);
  const [value, setValue] = useState<number | null>(null);
  const [effort, setEffort] = useState<Effort | null>(null);
  const [context, setContext] = useState('');
  const [source, setSource] = useState<IdeaSource>('noticed');
  const [more, setMore] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ idea: Idea; at: number } | null>(null);
  const ids = {
    text: useId(),
    textError: useId(),
    hint: useId(),
    area: useId(),
    areaError: useId(),
    context: useId(),
    contextError: useId(),
    source: useId(),
    more: useId(),
  };

  useEffect(() => registerCaptureFocus(() => textRef.current?.focus()), []);

  // Forget a remembered area once it is archived or deleted.
  useEffect(() => {
    if (!areas || !areaId) return;
    const area = areas.find((a) => a.id === areaId);
    if (!area || area.archivedAt) setAreaId(null);
  }, [areas, areaId]);

  // The confirmation fades after a while; the list still shows the idea.
  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(null), 6000);
    return () => window.clearTimeout(timer);
  }, [saved]);

  const pickArea = (id: string | null) => {
    setAreaId(id);
    if (errors.areaId) setErrors(({ areaId: _a, ...rest }) => rest);
    if (id) localStorage.setItem(LAST_AREA_KEY, id);
    else localStorage.removeItem(LAST_AREA_KEY);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    if (!text.trim()) {
      setErrors({ text: 'must not be empty' });
      textRef.current?.focus();
      return;
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const idea = await api.createIdea({
        text,
        ...(areaId ? { areaId } : {}),
        source,
        ...(value !== null ? { value } : {}),
        ...(effort !== null ? { effort } : {}),
        ...(context.trim() ? { context } : {}),
      });
      setText('');
      setValue(null);
      setEffort(null);
      setContext('');
      setSaved({ idea, at: Date.now() });
      onCaptured(idea);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors({ ...error.fields });
        if (error.fields.context || error.fields.effort || error.fields.source) setMore(true);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSaving(false);
      textRef.current?.focus();
    }
  };

  const undo = async () => {
    if (!saved) return;
    const { idea } = saved;
    try {
      await api.deleteIdea(idea.id);
      setSaved(null);
      setText((current) => current || idea.text);
      onUndone(idea.id);
      textRef.current?.focus();
    } catch (error) {
      setFormError(errorMessage(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  const length = text.length;
  const nearLimit = length > IDEA_TEXT_MAX * 0.9;
  const textError =
    errors.text ?? (length > IDEA_TEXT_MAX ? `must be at most ${IDEA_TEXT_MAX} characters` : undefined);
  const areaError = errors.areaId;
  const otherErrors = Object.entries(errors).filter(
    ([field]) => !['text', 'areaId', 'value', 'effort', 'context', 'source'].includes(field),
  );

  return (
    <form className="capture" aria-label="Capture an idea" onSubmit={submit} noValidate>
      <label htmlFor={ids.text} className="visually-hidden">
        New idea
      </label>
      <textarea
        id={ids.text}
        ref={textRef}
        className="capture__text"
        rows={2}
        value={text}
        placeholder="What could make your research go better? e.g. “Batch paper reading into one morning a week”"
        onChange={(e) => {
          setText(e.target.value);
          if (errors.text) setErrors(({ text: _t, ...rest }) => rest);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={textError ? true : undefined}
        aria-describedby={[textError ? ids.textError : null, ids.hint].filter(Boolean).join(' ')}
        enterKeyHint="send"
      />
      <FieldError id={ids.textError} field="text" message={textError} />

      <div className="capture__row">
        <div className="capture__field">
          <label htmlFor={ids.area} className="capture__label">
            Area
          </label>
          <AreaSelect
            id={ids.area}
            value={areaId}
            onChange={pickArea}
            className="select select--compact"
            aria-invalid={areaError ? true : undefined}
            aria-describedby={areaError ? ids.areaError : undefined}
          />
        </div>
        <ChoiceGroup
          legend="Value"
          className="choice-group--inline"
          choices={VALUE_CHOICES}
          value={value}
          onChange={setValue}
          noneLabel="No value"
        />
        <button
          type="button"
          className="button button--ghost button--small capture__more"
          aria-expanded={more}
          aria-controls={ids.more}
          onClick={() => setMore((m) => !m)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className={more ? 'chevron chevron--open' : 'chevron'}>
            <path d="M6 4l4 4-4 4" />
          </svg>
          More
        </button>
        <div className="capture__submit">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save idea'}
          </button>
        </div>
      </div>
      <FieldError id={ids.areaError} field="areaId" message={areaError} />
      {errors.value && <FieldError id={`${ids.area}-value`} field="value" message={errors.value} />}

      <div id={ids.more} className="capture__more-panel" hidden={!more}>
        <ChoiceGroup
          legend="Effort"
          choices={EFFORT_CHOICES}
          value={effort}
          onChange={setEffort}
          noneLabel="No effort estimate"
        />
        {errors.effort && <FieldError id={`${ids.more}-effort`} field="effort" message={errors.effort} />}
        <div className="field">
          <label htmlFor={ids.source} className="field__label">
            Source
          </label>
          <select
            id={ids.source}
            className="select select--compact"
            value={source}
            onChange={(e) => setSource(e.target.value as IdeaSource)}
          >
            {CAPTURE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--wide">
          <label htmlFor={ids.context} className="field__label">
            Context <span className="field__optional">what were you working on?</span>
          </label>
          <input
            id={ids.context}
            className="input input--compact"
            value={context}
            placeholder="e.g. debugging the eval pipeline"
            onChange={(e) => {
              setContext(e.target.value);
              if (errors.context) setErrors(({ context: _c, ...rest }) => rest);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void submit();
              }
            }}
            aria-invalid={errors.context ? true : undefined}
            aria-describedby={errors.context ? ids.contextError : undefined}
          />
          <FieldError id={ids.contextError} field="context" message={errors.context} />
        </div>
      </div>

      {otherErrors.map(([field, message]) => (
        <FieldError key={field} id={`${ids.text}-${field}`} field={field} message={message} />
      ))}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      <div className="capture__footer">
        <p id={ids.hint} className="capture__hint">
          <kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
          {nearLimit && (
            <span className={length > IDEA_TEXT_MAX ? 'counter counter--over' : 'counter'}>
              {' '}
              · {length.toLocaleString()} / {IDEA_TEXT_MAX.toLocaleString()}
            </span>
          )}
        </p>
        <p className="capture__saved" role="status" aria-live="polite">
          {saved && (
            <>
              <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
                <path d="M3.5 8.5l3 3 6-7" />
              </svg>
              Idea saved{saved.idea.areaId ? ` to ${nameOf(saved.idea.areaId)}` : ''}.{' '}
              <button type="button" className="link-button" onClick={undo}>
                Undo
              </button>
            </>
          )}
        </p>
      </div>
    </form>
  );
}
