import { type UseFormReturn, useWatch } from 'react-hook-form';
import { FieldError } from '../../../shared/components/FieldError.js';
import { fieldMessage } from '../../../shared/format.js';
import { controlProps, Field } from '../../../shared/forms/Field.js';
import { useCadenceReading } from '../cadence-preview.js';
import { minutesText } from '../format.js';
import type { PlanFormErrorOf, PlanFormValues } from './values.js';

const CADENCE_EXAMPLES = ['3x30/week', 'daily 20', 'weekdays 45', 'MO,WE,FR 45', '2x60/week at 07:30'];

/** How the plan goes: the next action, the cadence (read back as it is typed), the signal, the review date. */
export function ScheduleFields({
  id,
  form,
  errorOf,
  today,
}: {
  id: string;
  form: UseFormReturn<PlanFormValues>;
  errorOf: PlanFormErrorOf;
  today: string;
}) {
  const practice = useWatch({ control: form.control, name: 'kind' }) === 'practice';
  return (
    <>
      <Field
        id={`${id}-next`}
        name="nextAction"
        label={
          <>
            Next action <span className="field__optional">small enough to do today</span>
          </>
        }
        error={errorOf('nextAction')}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('nextAction')}
            className="input"
            placeholder={
              practice ? 'e.g. Pick the paper for Monday’s block' : 'e.g. Block Friday 9:00 in my calendar'
            }
          />
        )}
      </Field>

      <CadenceField id={`${id}-cadence`} form={form} error={errorOf('cadence')} practice={practice} />

      <Field
        id={`${id}-signal`}
        name="successSignal"
        label={
          <>
            Success signal <span className="field__optional">what will show that it works</span>
          </>
        }
        error={errorOf('successSignal')}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('successSignal')}
            className="input"
            placeholder="e.g. I finish a paper summary in under an hour"
          />
        )}
      </Field>

      <Field
        id={`${id}-review`}
        name="reviewOn"
        label="Review date"
        className="field field--date"
        hint="The day you decide: keep, adjust or drop."
        error={errorOf('reviewOn')}
      >
        {(control) => (
          <input {...control} {...form.register('reviewOn')} className="input" type="date" min={today} />
        )}
      </Field>
    </>
  );
}

/**
 * The cadence with the server's parser reading it back ("Reads as 3 × 30 min a week", or what it
 * would refuse, worded as the field error would be) and examples that fill it in.
 */
function CadenceField({
  id,
  form,
  error,
  practice,
}: {
  id: string;
  form: UseFormReturn<PlanFormValues>;
  error: string | undefined;
  practice: boolean;
}) {
  const reading = useCadenceReading(useWatch({ control: form.control, name: 'cadence' }));
  const control = controlProps(id, error);
  const describedBy = [control['aria-describedby'], `${id}-reading`, `${id}-examples`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Cadence <span className="field__optional">{practice ? 'how often you practise' : 'optional'}</span>
      </label>
      <input
        {...control}
        aria-describedby={describedBy}
        {...form.register('cadence')}
        className="input"
        placeholder="e.g. 3x30/week"
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${id}-reading`} className="cadence-reading" aria-live="polite">
        {reading?.ok === true && (
          <>
            <span className="cadence-reading__ok">Reads as {reading.words}</span>
            <span className="meta-text"> · about {minutesText(reading.minutesPerWeek)} a week</span>
          </>
        )}
        {reading?.ok === false && (
          <span className="cadence-reading__bad">{fieldMessage('cadence', reading.message)}</span>
        )}
      </p>
      <p id={`${id}-examples`} className="hint cadence-examples">
        <span>Try</span>
        {CADENCE_EXAMPLES.map((example) => (
          <button
            key={example}
            type="button"
            className="example-chip"
            onClick={() => form.setValue('cadence', example)}
            aria-label={`Use the cadence ${example}`}
          >
            {example}
          </button>
        ))}
      </p>
      <FieldError id={`${id}-error`} field="cadence" message={error} />
    </div>
  );
}
