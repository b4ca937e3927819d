import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { EFFORTS, IDEA_SOURCES, SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Idea, IdeaSource } from '../../../../src/core/ideas.js';
import { IDEA_TEXT_MAX } from '../../../../src/core/limits.js';
import { useApiAction } from '../../shared/api/action.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { EFFORT_LABELS, VALUE_HINTS } from '../../shared/format.js';
import { controlProps, Field } from '../../shared/forms/Field.js';
import { registerCaptureFocus, useAreas } from '../../shared/state.js';
import { useActiveExperiment } from '../experiments/queries.js';
import { ideasApi } from '../ideas/api.js';
import { type CaptureValues, CLEARED, toNewIdea } from './capture-values.js';
import { SavedNotice } from './SavedNotice.js';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));
const CAPTURE_SOURCES = IDEA_SOURCES.filter((s) => s !== 'imported');
const LAST_AREA_KEY = 'whetstone.capture.area';
const TOO_LONG = `must be at most ${IDEA_TEXT_MAX} characters`;
/** Fields in the "More" panel: an error on one of them opens it. */
const MORE_FIELDS = ['effort', 'source', 'context'] as const;

interface CaptureBoxProps {
  onCaptured: (idea: Idea) => void;
  onUndone: (id: string) => void;
}

/**
 * The quick-capture box: type, press Enter, keep typing. Area and source stick between captures
 * (ideas tend to come in runs); value, effort and context reset with the text.
 *
 * The inbox is the first page, so this form does without react-hook-form (about 13 KB gzip, which
 * would take the first page over its 120 KB budget): its values are one state object, the request
 * goes through useApiAction (busy, failure in words, the server's field messages), and the server
 * does the checking, except for empty or over-long text, which the box refuses before sending.
 */
export function CaptureBox({ onCaptured, onUndone }: CaptureBoxProps) {
  const { areas, nameOf } = useAreas();
  const textBox = useRef<HTMLTextAreaElement>(null);
  const [values, setValues] = useState<CaptureValues>(() => ({
    ...CLEARED,
    areaId: localStorage.getItem(LAST_AREA_KEY) || null,
    source: 'noticed',
  }));
  const [emptyRefused, setEmptyRefused] = useState(false);
  const [more, setMore] = useState(false);
  const [saved, setSaved] = useState<Idea | null>(null);
  const id = useId();
  const ids = { text: `${id}-text`, area: `${id}-area`, more: `${id}-more` };
  const focusText = () => textBox.current?.focus();

  const create = useApiAction((draft: CaptureValues) => ideasApi.createIdea(toNewIdea(draft)), {
    onSuccess: (idea) => {
      setValues((current) => ({ ...current, ...CLEARED }));
      setSaved(idea);
      onCaptured(idea);
    },
  });
  // Undo deletes the idea again and puts its text back, unless a new one is being typed.
  const undo = useApiAction((idea: Idea) => ideasApi.deleteIdea(idea.id), {
    onSuccess: (_none, idea) => {
      setSaved(null);
      setValues((current) => (current.text ? current : { ...current, text: idea.text }));
      onUndone(idea.id);
      focusText();
    },
  });
  const serverError = (field: keyof CaptureValues) => create.fields[field];
  // While an experiment counts new ideas, their value is given blind, later (decision 0011).
  const blind = useActiveExperiment()?.blindCapture === true;
  useEffect(() => {
    if (blind) setValues((current) => (current.value === null ? current : { ...current, value: null }));
  }, [blind]);

  /** Changes one field; editing a field the server refused clears its message. */
  const change = <K extends keyof CaptureValues>(field: K, value: CaptureValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field === 'text') setEmptyRefused(false);
    if (serverError(field)) create.reset();
  };

  useEffect(() => registerCaptureFocus(() => textBox.current?.focus()), []);

  // Forget a remembered area once it is archived or deleted.
  useEffect(() => {
    if (!areas || !values.areaId) return;
    const area = areas.find((a) => a.id === values.areaId);
    if (!area || area.archivedAt) setValues((current) => ({ ...current, areaId: null }));
  }, [areas, values.areaId]);

  // The confirmation fades after a while; the list still shows the idea.
  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(null), 6000);
    return () => window.clearTimeout(timer);
  }, [saved]);

  // A refusal that concerns a field of the "More" panel opens it.
  const moreFieldRefused = MORE_FIELDS.some((field) => serverError(field));
  useEffect(() => {
    if (moreFieldRefused) setMore(true);
  }, [moreFieldRefused]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (create.busy) return;
    undo.reset();
    // A new attempt replaces the last confirmation: it must not stand next to this one's error.
    setSaved(null);
    if (!values.text.trim()) {
      create.reset();
      setEmptyRefused(true);
    } else if (values.text.length <= IDEA_TEXT_MAX) await create.run(values);
    focusText();
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  const length = values.text.length;
  // Over-long text is explained while typing, before any attempt to save it.
  const textError =
    serverError('text') ??
    (emptyRefused ? 'must not be empty' : length > IDEA_TEXT_MAX ? TOO_LONG : undefined);
  const areaError = serverError('areaId');
  // A refusal the fields do not explain (or a network failure), in words.
  const problem =
    (create.error && Object.keys(create.fields).length === 0 ? create.error : null) ?? undo.error;

  return (
    <form className="capture" aria-label="Capture an idea" onSubmit={send} noValidate>
      <label htmlFor={ids.text} className="visually-hidden">
        New idea
      </label>
      <textarea
        {...controlProps(ids.text, textError, true)}
        ref={textBox}
        value={values.text}
        onChange={(e) => change('text', e.target.value)}
        className="capture__text"
        rows={2}
        placeholder="What could make your research go better? e.g. “Batch paper reading into one morning a week”"
        onKeyDown={onTextKeyDown}
        enterKeyHint="send"
      />
      <FieldError id={`${ids.text}-error`} field="text" message={textError} />

      <div className="capture__row">
        <div className="capture__field">
          <label htmlFor={ids.area} className="capture__label">
            Area
          </label>
          <AreaSelect
            {...controlProps(ids.area, areaError)}
            value={values.areaId}
            onChange={(picked) => {
              change('areaId', picked);
              if (picked) localStorage.setItem(LAST_AREA_KEY, picked);
              else localStorage.removeItem(LAST_AREA_KEY);
            }}
            className="select select--compact"
          />
        </div>
        {blind ? (
          <p className="capture__field capture__blind" title="This idea counts to your running experiment">
            <span className="choice-group__legend">Value</span>
            <span className="hint">in the blind rating</span>
          </p>
        ) : (
          <ChoiceGroup
            legend="Value"
            className="choice-group--inline"
            choices={VALUE_CHOICES}
            value={values.value}
            onChange={(picked) => change('value', picked)}
            noneLabel="No value"
          />
        )}
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
          <button type="submit" className="button button--primary" disabled={create.busy}>
            {create.busy ? 'Saving…' : 'Save idea'}
          </button>
        </div>
      </div>
      <FieldError id={`${ids.area}-error`} field="areaId" message={areaError} />
      <FieldError id={`${ids.area}-value`} field="value" message={serverError('value')} />

      <div id={ids.more} className="capture__more-panel" hidden={!more}>
        <ChoiceGroup
          legend="Effort"
          choices={EFFORT_CHOICES}
          value={values.effort}
          onChange={(picked) => change('effort', picked)}
          noneLabel="No effort estimate"
        />
        <FieldError id={`${ids.more}-effort`} field="effort" message={serverError('effort')} />
        <Field id={`${id}-source`} name="source" label="Source" error={serverError('source')}>
          {(control) => (
            <select
              {...control}
              className="select select--compact"
              value={values.source}
              onChange={(e) => change('source', e.target.value as IdeaSource)}
            >
              {CAPTURE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-context`}
          name="context"
          className="field field--wide"
          label={
            <>
              Context <span className="field__optional">what were you working on?</span>
            </>
          }
          error={serverError('context')}
        >
          {(control) => (
            <input
              {...control}
              className="input input--compact"
              value={values.context}
              onChange={(e) => change('context', e.target.value)}
              placeholder="e.g. debugging the eval pipeline"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void send();
                }
              }}
            />
          )}
        </Field>
      </div>

      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}

      <div className="capture__footer">
        <p id={`${ids.text}-hint`} className="capture__hint">
          <kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
          {length > IDEA_TEXT_MAX * 0.9 && (
            <span className={length > IDEA_TEXT_MAX ? 'counter counter--over' : 'counter'}>
              {' '}
              · {length.toLocaleString()} / {IDEA_TEXT_MAX.toLocaleString()}
            </span>
          )}
        </p>
        <SavedNotice
          idea={saved}
          areaName={saved ? nameOf(saved.areaId) : null}
          onUndo={() => saved && void undo.run(saved)}
        />
      </div>
    </form>
  );
}
