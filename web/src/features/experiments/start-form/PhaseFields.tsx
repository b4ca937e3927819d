import { RATING_DELAY_HOURS_MAX } from '../../../../../src/core/experiments/experiment.js';
import type { ExperimentTemplate } from '../../../../../src/core/experiments/templates.js';
import { Field } from '../../../shared/forms/Field.js';
import type { ApiForm } from '../../../shared/forms/use-api-form.js';
import type { StartFormValues } from './values.js';

const UNIT_WORDS = { days: 'days', minutes: 'minutes' } as const;

/** Each phase's length within the template's bounds and, for idea templates, the rating delay. */
export function PhaseFields({
  id,
  template,
  start,
}: {
  id: string;
  template: ExperimentTemplate;
  start: ApiForm<StartFormValues>;
}) {
  const { form, errorOf } = start;
  return (
    <fieldset className="start-card__field start-card__section">
      <legend>Phases</legend>
      <div className="form-grid">
        {template.phases.map((p, i) => (
          <Field
            key={p.key}
            id={`${id}-len-${p.key}`}
            // The server's field path, so its message lands here.
            name={`phases.${p.key}.length`}
            label={`Phase ${i + 1}: ${p.label} (${UNIT_WORDS[p.unit]})`}
            error={errorOf(`phases.${p.key}.length`)}
            hint={`${p.minLength} to ${p.maxLength} ${UNIT_WORDS[p.unit]}. ${p.instructions}`}
          >
            {(control) => (
              <input
                {...control}
                {...form.register(`phases.${p.key}.length`)}
                className="input input--number"
                type="number"
                inputMode="numeric"
                min={p.minLength}
                max={p.maxLength}
                step={1}
              />
            )}
          </Field>
        ))}
      </div>
      {template.measures === 'ideas' && (
        <Field
          id={`${id}-delay`}
          name="ratingDelayHours"
          label={
            <>
              Rating delay in hours <span className="field__optional">optional</span>
            </>
          }
          className="field field--short"
          error={errorOf('ratingDelayHours')}
          hint="Wait this long after phase 2 before rating, so you remember less of which idea came when."
        >
          {(control) => (
            <input
              {...control}
              {...form.register('ratingDelayHours')}
              className="input input--number"
              type="number"
              inputMode="numeric"
              min={0}
              max={RATING_DELAY_HOURS_MAX}
              step={1}
              placeholder="0"
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
