import { useId, useState } from 'react';
import * as z from 'zod/mini';
import {
  Favoured,
  PREDICTION_BY_HOW_MUCH_MAX,
  PredictionInput,
} from '../../../../../src/core/experiments/experiment.js';
import type { ExperimentView } from '../../../../../src/core/experiments/view.js';
import { ErrorNotice } from '../../../shared/components/PageStates.js';
import { fullTime } from '../../../shared/format.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { experimentsApi } from '../api.js';
import { favouredLabel } from '../labels.js';
import { PredictionFields, type PredictionValues } from '../PredictionFields.js';
import { useShowExperiment } from '../queries.js';
import { SealedPrediction } from '../SealedPrediction.js';

/** The locked (or draft) prediction; a draft's can be edited. */
export function PredictionCard({ view }: { view: ExperimentView }) {
  const { prediction } = view;
  const [editing, setEditing] = useState(false);
  // Only a draft's prediction can change (e.g. one created with `whet experiment start --draft`).
  const editable = view.state === 'draft' && !prediction.lockedAt;
  return (
    <section className="summary-section" aria-label="Your prediction">
      <h2 className="section-title">Your prediction</h2>
      {editing && editable ? (
        <PredictionForm view={view} onDone={() => setEditing(false)} />
      ) : (
        <div className="card prediction-card">
          <p className="prediction-card__pick">
            {favouredLabel(view.phases, prediction.favoured)}
            {prediction.favoured !== 'no-difference' && ' will win'}
            {prediction.byHowMuch && <span className="prediction-by"> · {prediction.byHowMuch}</span>}
          </p>
          <blockquote className="prediction-card__text">{prediction.text}</blockquote>
          <p className="meta-text">
            {prediction.lockedAt ? (
              <>
                <svg viewBox="0 0 16 16" aria-hidden="true" className="icon icon--inline">
                  <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z" />
                </svg>{' '}
                Locked {fullTime(prediction.lockedAt)}
              </>
            ) : (
              'Not locked yet: it locks when the first phase starts.'
            )}
          </p>
          {prediction.seal && <SealedPrediction seal={prediction.seal} experimentId={view.id} />}
          {editable && (
            <p>
              <button type="button" className="button button--small" onClick={() => setEditing(true)}>
                Edit prediction
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** The core's rules for a prediction, over the form's fields (an empty "by how much" is none). */
const PredictionFormFields = z.object({
  text: PredictionInput.shape.text,
  favoured: Favoured,
  byHowMuch: z.string().check(z.trim(), z.maxLength(PREDICTION_BY_HOW_MUCH_MAX)),
});

/** Rewrites a draft's prediction (PUT …/prediction); refused by the server once it is locked. */
function PredictionForm({ view, onDone }: { view: ExperimentView; onDone: () => void }) {
  const showExperiment = useShowExperiment();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<PredictionValues, ExperimentView>({
    defaultValues: {
      text: view.prediction.text,
      favoured: view.prediction.favoured,
      byHowMuch: view.prediction.byHowMuch ?? '',
    },
    schema: PredictionFormFields,
    submit: async ({ text, favoured, byHowMuch }) => {
      const next = await experimentsApi.revisePrediction(view.id, {
        text,
        favoured: favoured ?? view.prediction.favoured,
        byHowMuch: byHowMuch || null,
      });
      await showExperiment(next);
      return next;
    },
    onSuccess: onDone,
  });

  return (
    <form className="card prediction-card" aria-label="Edit your prediction" onSubmit={onSubmit} noValidate>
      <PredictionFields
        id={id}
        phases={view.phases}
        register={{
          text: form.register('text'),
          favoured: form.register('favoured'),
          byHowMuch: form.register('byHowMuch'),
        }}
        errors={{ text: errorOf('text'), favoured: errorOf('favoured'), byHowMuch: errorOf('byHowMuch') }}
        legend="Which phase will win?"
      />
      {problem && <ErrorNotice>{problem}</ErrorNotice>}
      <div className="experiment-now__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save prediction
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
