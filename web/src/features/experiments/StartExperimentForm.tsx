import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { ExperimentTemplate } from '../../../../src/core/experiments/templates.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { experimentsApi } from './api.js';
import { PredictionFields } from './PredictionFields.js';
import { useShowExperiment } from './queries.js';
import { MeasurementFields } from './start-form/MeasurementFields.js';
import { PhaseFields } from './start-form/PhaseFields.js';
import { TemplateChoices } from './start-form/TemplateChoices.js';
import { errorMessages } from './start-form/unplaced.js';
import {
  defaultStartValues,
  type StartFormValues,
  startFormSchema,
  startInput,
} from './start-form/values.js';

const IDEAS_PLACEHOLDERS = {
  text: 'e.g. The focused session will give me more useful ideas than a week of noticing.',
  byHowMuch: 'e.g. twice the total value',
};
const MEASUREMENT_PLACEHOLDERS = {
  text: 'e.g. Closing chat during focus blocks will halve my interruptions.',
  byHowMuch: 'e.g. from 8 to 4 a day',
};

/**
 * The start form: a template, the prediction (which phase wins, by how much), the phase lengths
 * within the template's bounds and, per template, a rating delay or the measurement. Submitting
 * locks the prediction and starts the first phase.
 */
export function StartExperimentForm({ templates }: { templates: readonly ExperimentTemplate[] }) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const showExperiment = useShowExperiment();
  const id = useId();
  const schema = useMemo(() => startFormSchema(templates), [templates]);
  const start = useApiForm<StartFormValues, Awaited<ReturnType<typeof experimentsApi.startExperiment>>>({
    defaultValues: defaultStartValues(templates),
    schema,
    submit: async (values) => {
      const chosen = templates.find((t) => t.id === values.templateId);
      if (!chosen) throw new Error('Choose a template.');
      const view = await experimentsApi.startExperiment(startInput(chosen, values));
      await showExperiment(view);
      return view;
    },
    onSuccess: (view) => {
      notify('Prediction locked. The experiment has started.');
      navigate(`/experiments/${view.id}`);
    },
  });
  const { form, onSubmit, problem, busy, errorOf } = start;
  const templateId = useWatch({ control: form.control, name: 'templateId' });

  const template = templates.find((t) => t.id === templateId);
  if (!template) return <p className="meta-text">No experiment templates are available.</p>;
  const ideas = template.measures === 'ideas';

  // A message for a field the form does not show (the template, say) goes in the notice below.
  const shown = new Set([
    'prediction.text',
    'prediction.favoured',
    'prediction.byHowMuch',
    'ratingDelayHours',
    'measurement.name',
    'measurement.unit',
    ...template.phases.map((p) => `phases.${p.key}.length`),
  ]);
  const unplaced = errorMessages(form.formState.errors).filter(([field]) => !shown.has(field));

  return (
    <form className="card start-card" aria-label="Start an experiment" onSubmit={onSubmit} noValidate>
      <TemplateChoices
        id={id}
        templates={templates}
        field={form.register('templateId', {
          // The phases' names change with the template, so the pick of a winner starts over.
          onChange: () => {
            form.setValue('prediction.favoured', null);
            form.clearErrors();
          },
        })}
      />

      {!ideas && <MeasurementFields id={id} start={start} />}

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
          register={{
            text: form.register('prediction.text'),
            favoured: form.register('prediction.favoured'),
            byHowMuch: form.register('prediction.byHowMuch'),
          }}
          errors={{
            text: errorOf('prediction.text'),
            favoured: errorOf('prediction.favoured'),
            byHowMuch: errorOf('prediction.byHowMuch'),
          }}
          legend={ideas ? 'Which phase will give more valuable ideas?' : 'Which phase will do better?'}
          placeholders={ideas ? IDEAS_PLACEHOLDERS : MEASUREMENT_PLACEHOLDERS}
          textDescribedBy={`${id}-lock`}
        />
      </fieldset>

      <PhaseFields id={id} template={template} start={start} />

      {/* A problem with a field shows under that field; anything else shows here. */}
      {(problem || unplaced.length > 0) && (
        <div className="notice notice--error" role="alert">
          <p>{problem ?? unplaced.map(([field, message]) => `${field}: ${message}`).join('; ')}</p>
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
