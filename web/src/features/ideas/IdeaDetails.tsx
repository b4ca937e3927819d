import { useId } from 'react';
import { EFFORTS } from '../../../../src/core/idea-vocabulary.js';
import type { Effort, Idea } from '../../../../src/core/ideas.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { EFFORT_LABELS, VALUE_HINTS } from '../../shared/format.js';
import { controlProps } from '../../shared/forms/Field.js';
import { useBlindValue } from '../experiments/queries.js';
import { useIdeaUpdate } from './use-idea-update.js';

const VALUE_CHOICES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n), hint: VALUE_HINTS[n] }));
const EFFORT_CHOICES = EFFORTS.map((e) => ({ value: e, label: e, name: EFFORT_LABELS[e] }));

/** Area, value and effort: each choice is saved as soon as it is made. */
export function IdeaDetails({ idea }: { idea: Idea }) {
  const id = useId();
  const area = useIdeaUpdate(idea);
  const value = useIdeaUpdate(idea);
  const effort = useIdeaUpdate(idea);
  const blind = useBlindValue(idea);
  const errors = {
    area: area.message('areaId'),
    value: value.message('value'),
    effort: effort.message('effort'),
  };

  return (
    <div className="details">
      <div className="field">
        <label htmlFor={`${id}-area`} className="field__label">
          Area
        </label>
        <AreaSelect
          {...controlProps(`${id}-area`, errors.area)}
          className="select"
          value={area.shown('areaId')}
          disabled={area.busy}
          onChange={(areaId) => area.save({ areaId })}
        />
        <FieldError id={`${id}-area-error`} field="areaId" message={errors.area} />
      </div>

      <div className="field">
        {blind ? (
          <>
            <p className="field__label">Value</p>
            <p className="hint">
              Given later, in your experiment’s blind rating: this idea counts to one of its phases.
            </p>
          </>
        ) : (
          <ChoiceGroup
            legend="Value"
            choices={VALUE_CHOICES}
            value={value.shown('value')}
            onChange={(picked) => value.save({ value: picked })}
            noneLabel="No value"
            errorId={errors.value ? `${id}-value-error` : undefined}
          />
        )}
        <FieldError id={`${id}-value-error`} field="value" message={errors.value} />
      </div>

      <div className="field">
        <ChoiceGroup<Effort>
          legend="Effort"
          choices={EFFORT_CHOICES}
          value={effort.shown('effort')}
          onChange={(picked) => effort.save({ effort: picked })}
          noneLabel="No effort estimate"
          errorId={errors.effort ? `${id}-effort-error` : undefined}
        />
        <FieldError id={`${id}-effort-error`} field="effort" message={errors.effort} />
      </div>
    </div>
  );
}
