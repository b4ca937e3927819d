import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Favoured } from '../../../../src/core/experiments/experiment.js';
import {
  ApiError,
  api,
  type ExperimentTemplate,
  errorMessage,
  type StartExperimentInput,
} from '../../api.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { useToast } from '../../shared/state.js';
import { useActiveExperiment } from './experiment.js';
import { PredictionFields, type PredictionValue } from './PredictionFields.js';

const FLAGSHIP = 'week-vs-20-minutes';
const UNIT_WORDS = { days: 'days', minutes: 'minutes' } as const;

/**
 * The start form: a template, the prediction (which phase wins, by how much), the phase lengths
 * within the template's bounds and, per template, a rating delay or the measurement. Submitting
 * locks the prediction and starts the first phase.
 */
export function StartExperimentForm({ templates }: { templates: readonly ExperimentTemplate[] }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const { update } = useActiveExperiment();
  const [templateId, setTemplateId] = useState(
    () => (templates.find((t) => t.id === FLAGSHIP) ?? templates[0])?.id ?? '',
  );
  const [prediction, setPrediction] = useState<PredictionValue>({ text: '', favoured: null, byHowMuch: '' });
  const [lengths, setLengths] = useState<Record<string, string>>({});
  const [delay, setDelay] = useState('');
  const [measureName, setMeasureName] = useState('');
  const [measureUnit, setMeasureUnit] = useState('');
  const [better, setBetter] = useState<'higher' | 'lower'>('lower');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = useId();

  const template = templates.find((t) => t.id === templateId);
  if (!template) return <p className="meta-text">No experiment templates are available.</p>;
  const ideas = template.measures === 'ideas';
  const lengthOf = (key: string, fallback: number) => lengths[key] ?? String(fallback);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!prediction.text.trim()) local['prediction.text'] = 'Write down what you expect before you start.';
    if (!prediction.favoured) local['prediction.favoured'] = 'Choose which phase you expect to win.';
    if (!ideas && !measureName.trim()) local['measurement.name'] = 'Name the quantity you will measure.';
    if (Object.keys(local).length) {
      setErrors(local);
      setProblem(null);
      return;
    }
    const phases: Record<string, { length: number }> = {};
    for (const p of template.phases) phases[p.key] = { length: Number(lengthOf(p.key, p.defaultLength)) };
    const input: StartExperimentInput = {
      templateId: template.id,
      prediction: {
        text: prediction.text.trim(),
        favoured: prediction.favoured as Favoured,
        byHowMuch: prediction.byHowMuch.trim() || null,
      },
      phases,
      start: true,
      ...(ideas && delay.trim() ? { ratingDelayHours: Number(delay) } : {}),
      ...(ideas
        ? {}
        : {
            measurement: {
              name: measureName.trim(),
              ...(measureUnit.trim() ? { unit: measureUnit.trim() } : {}),
              better,
            },
          }),
    };
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      const view = await api.startExperiment(input);
      update(view);
      notify('Prediction locked. The experiment has started.');
      navigate(`/experiments/${view.id}`);
    } catch (error) {
      setErrors(error instanceof ApiError ? { ...error.fields } : {});
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  const describe = (field: string, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const error = (field: string) => (
    <FieldError id={`${id}-${field}-error`} field={field} message={errors[field]} />
  );
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const knownFields = new Set([
    'prediction.text',
    'prediction.favoured',
    'prediction.byHowMuch',
    'ratingDelayHours',
    'measurement.name',
    'measurement.unit',
    ...template.phases.map((p) => `phases.${p.key}.length`),
  ]);
  const otherIssues = Object.keys(errors).filter((f) => !knownFields.has(f));

  return (
    <form className="card start-card" aria-label="Start an experiment" onSubmit={submit} noValidate>
      <fieldset className="start-card__field start-card__section">
        <legend>Template</legend>
        <div className="template-choices">
          {templates.map((t) => (
            <label key={t.id} className="template-choice">
              <input
                type="radio"
                name={`${id}-template`}
                value={t.id}
                checked={t.id === templateId}
                onChange={() => {
                  setTemplateId(t.id);
                  setPrediction((p) => ({ ...p, favoured: null }));
                  setErrors({});
                  setProblem(null);
                }}
                aria-describedby={`${id}-q-${t.id}`}
              />
              <span className="template-choice__body">
                <span className="template-choice__title">{t.title}</span>
                <span id={`${id}-q-${t.id}`} className="template-choice__question">
                  {t.question}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {!ideas && (
        <fieldset className="start-card__field start-card__section">
          <legend>What you will measure</legend>
          <div className="form-grid">
            <div className="field field--grow">
              <label htmlFor={`${id}-mname`} className="field__label">
                Measurement name
              </label>
              <input
                id={`${id}-mname`}
                className="input"
                value={measureName}
                onChange={(e) => setMeasureName(e.target.value)}
                placeholder="e.g. interruptions"
                maxLength={120}
                aria-invalid={invalid('measurement.name')}
                aria-describedby={describe('measurement.name', `${id}-mname-hint`)}
              />
              <p id={`${id}-mname-hint`} className="hint">
                Log it as you go, e.g. <code>whet measure {measureName.trim() || 'interruptions'} 4</code>.
              </p>
              {error('measurement.name')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-munit`} className="field__label">
                Unit <span className="field__optional">optional</span>
              </label>
              <input
                id={`${id}-munit`}
                className="input"
                value={measureUnit}
                onChange={(e) => setMeasureUnit(e.target.value)}
                placeholder="per day"
                maxLength={60}
                aria-invalid={invalid('measurement.unit')}
                aria-describedby={describe('measurement.unit')}
              />
              {error('measurement.unit')}
            </div>
          </div>
          <fieldset className="choice-group">
            <legend className="choice-group__legend">Better when it is</legend>
            <div className="choice-group__options">
              {(['lower', 'higher'] as const).map((b) => (
                <label key={b} className="choice">
                  <input
                    type="radio"
                    name={`${id}-better`}
                    checked={better === b}
                    onChange={() => setBetter(b)}
                  />
                  <span>{b === 'lower' ? 'Lower' : 'Higher'}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>
      )}

      <fieldset className="start-card__field start-card__section">
        <legend>Your prediction</legend>
        <p className="lock-note" id={`${id}-lock`}>
          <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
            <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z" />
          </svg>
          <span>
            <strong>Your prediction locks when the experiment starts.</strong> You cannot change it
            afterwards; writing it down first is what keeps the test honest.
          </span>
        </p>
        <PredictionFields
          id={`${id}-prediction`}
          phases={template.phases}
          value={prediction}
          onChange={(patch) => setPrediction((p) => ({ ...p, ...patch }))}
          errors={{
            text: errors['prediction.text'],
            favoured: errors['prediction.favoured'],
            byHowMuch: errors['prediction.byHowMuch'],
          }}
          legend={ideas ? 'Which phase will give more valuable ideas?' : 'Which phase will do better?'}
          placeholders={
            ideas
              ? {
                  text: 'e.g. The focused session will give me more useful ideas than a week of noticing.',
                  byHowMuch: 'e.g. twice the total value',
                }
              : {
                  text: 'e.g. Closing chat during focus blocks will halve my interruptions.',
                  byHowMuch: 'e.g. from 8 to 4 a day',
                }
          }
          textDescribedBy={`${id}-lock`}
        />
      </fieldset>

      <fieldset className="start-card__field start-card__section">
        <legend>Phases</legend>
        <div className="form-grid">
          {template.phases.map((p, i) => {
            const field = `phases.${p.key}.length`;
            return (
              <div key={p.key} className="field">
                <label htmlFor={`${id}-len-${p.key}`} className="field__label">
                  Phase {i + 1}: {p.label} ({UNIT_WORDS[p.unit]})
                </label>
                <input
                  id={`${id}-len-${p.key}`}
                  className="input input--number"
                  type="number"
                  inputMode="numeric"
                  min={p.minLength}
                  max={p.maxLength}
                  step={1}
                  value={lengthOf(p.key, p.defaultLength)}
                  onChange={(e) => setLengths((l) => ({ ...l, [p.key]: e.target.value }))}
                  aria-invalid={invalid(field)}
                  aria-describedby={describe(field, `${id}-len-${p.key}-hint`)}
                />
                <p id={`${id}-len-${p.key}-hint`} className="hint">
                  {p.minLength} to {p.maxLength} {UNIT_WORDS[p.unit]}. {p.instructions}
                </p>
                {error(field)}
              </div>
            );
          })}
        </div>
        {ideas && (
          <div className="field field--short">
            <label htmlFor={`${id}-delay`} className="field__label">
              Rating delay in hours <span className="field__optional">optional</span>
            </label>
            <input
              id={`${id}-delay`}
              className="input input--number"
              type="number"
              inputMode="numeric"
              min={0}
              max={336}
              step={1}
              value={delay}
              onChange={(e) => setDelay(e.target.value)}
              placeholder="0"
              aria-invalid={invalid('ratingDelayHours')}
              aria-describedby={describe('ratingDelayHours', `${id}-delay-hint`)}
            />
            <p id={`${id}-delay-hint`} className="hint">
              Wait this long after phase 2 before rating, so you remember less of which idea came when.
            </p>
            {error('ratingDelayHours')}
          </div>
        )}
      </fieldset>

      {/* A problem with a field shows under that field; anything else shows here. */}
      {problem && (otherIssues.length > 0 || Object.keys(errors).length === 0) && (
        <div className="notice notice--error" role="alert">
          <p>
            {problem}
            {otherIssues.length > 0 && ` (${otherIssues.map((f) => `${f}: ${errors[f]}`).join('; ')})`}
          </p>
        </div>
      )}

      <div className="start-card__actions">
        <span className="meta-text">You can abandon an experiment at any time.</span>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Starting…' : 'Lock prediction and start'}
        </button>
      </div>
    </form>
  );
}
