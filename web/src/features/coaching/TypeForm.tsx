import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import type { ConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { coachApi } from './api.js';
import { NumberField } from './NumberField.js';
import { QuestionsEditor } from './QuestionsEditor.js';
import { SaveButton } from './SaveButton.js';
import { inputOf, NEW_TYPE, type TypeValues, valuesOf } from './type-values.js';

/** Every setting of one conversation type; `type` absent: a new one. */
export function TypeForm({
  type,
  onSaved,
  onClose,
}: {
  type?: ConversationType;
  onSaved: (saved: ConversationType) => void;
  onClose: () => void;
}) {
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<TypeValues, ConversationType>({
    defaultValues: type ? valuesOf(type) : NEW_TYPE,
    submit: (values) =>
      type ? coachApi.updateType(type.id, inputOf(values)) : coachApi.createType(inputOf(values)),
    onSuccess: (saved) => onSaved(saved),
  });
  const kind = useWatch({ control: form.control, name: 'locationKind' });
  const name = type ? `Edit ${type.title}` : 'New conversation type';
  const number = (field: keyof TypeValues) => form.register(field, { valueAsNumber: true });

  return (
    <form className="card coach-form type-form" aria-label={name} noValidate onSubmit={onSubmit}>
      <h3 className="coach-form__title">{name}</h3>
      <div className="coach-form__grid">
        <Field id={`${id}-title`} name="title" label="Title" error={errorOf('title')}>
          {(control) => (
            <input
              {...control}
              {...form.register('title', { required: 'is required' })}
              className="input"
              placeholder="e.g. 60-minute debugging conversation"
            />
          )}
        </Field>
        <Field
          id={`${id}-slug`}
          name="slug"
          label="Link name"
          hint="The end of its public address: lower-case letters, digits, hyphens."
          error={errorOf('slug')}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('slug', { required: 'is required' })}
              className="input"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="e.g. debugging"
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-description`} name="description" label="Description" error={errorOf('description')}>
        {(control) => (
          <textarea {...control} {...form.register('description')} className="textarea" rows={3} />
        )}
      </Field>
      <fieldset className="choice-group coach-form__kind">
        <legend className="field__label">Where</legend>
        <label className="checkbox-field">
          <input type="radio" value="video" {...form.register('locationKind')} />
          Video call
        </label>
        <label className="checkbox-field">
          <input type="radio" value="place" {...form.register('locationKind')} />
          In person
        </label>
      </fieldset>
      <Field
        id={`${id}-location`}
        name="location"
        label={kind === 'place' ? 'Place' : 'Video link'}
        hint="Told to the booker in the confirmation, not on the public page."
        error={errorOf('location')}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('location', { required: 'is required' })}
            className="input"
            placeholder={kind === 'place' ? 'e.g. Room 2.14, Physics building' : 'https://…'}
          />
        )}
      </Field>
      <div className="coach-form__numbers">
        <NumberField
          id={`${id}-duration`}
          name="durationMinutes"
          label="Duration (minutes)"
          error={errorOf('durationMinutes')}
          register={number('durationMinutes')}
        />
        <NumberField
          id={`${id}-increment`}
          name="slotIncrementMinutes"
          label="Start times every (minutes)"
          error={errorOf('slotIncrementMinutes')}
          register={number('slotIncrementMinutes')}
        />
        <NumberField
          id={`${id}-before`}
          name="bufferBeforeMinutes"
          label="Buffer before (minutes)"
          error={errorOf('bufferBeforeMinutes')}
          register={number('bufferBeforeMinutes')}
        />
        <NumberField
          id={`${id}-after`}
          name="bufferAfterMinutes"
          label="Buffer after (minutes)"
          error={errorOf('bufferAfterMinutes')}
          register={number('bufferAfterMinutes')}
        />
        <NumberField
          id={`${id}-notice`}
          name="minimumNoticeMinutes"
          label="Minimum notice (minutes)"
          error={errorOf('minimumNoticeMinutes')}
          register={number('minimumNoticeMinutes')}
        />
        <NumberField
          id={`${id}-horizon`}
          name="horizonDays"
          label="Bookable up to (days ahead)"
          error={errorOf('horizonDays')}
          register={number('horizonDays')}
        />
        <NumberField
          id={`${id}-daily`}
          name="dailyLimit"
          label="Most a day (all types)"
          placeholder="No limit"
          error={errorOf('dailyLimit')}
          register={form.register('dailyLimit')}
        />
        <NumberField
          id={`${id}-weekly`}
          name="weeklyLimit"
          label="Most a week (all types)"
          placeholder="No limit"
          error={errorOf('weeklyLimit')}
          register={form.register('weeklyLimit')}
        />
      </div>
      <QuestionsEditor form={form} idPrefix={id} errorOf={errorOf} />
      <label className="checkbox-field">
        <input type="checkbox" {...form.register('active')} />
        Open for booking
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="type-form__footer">
        <SaveButton busy={busy} dirty={form.formState.isDirty} label={type ? 'Save type' : 'Create type'} />
        <button type="button" className="button button--quiet" onClick={onClose}>
          {type ? 'Close' : 'Discard'}
        </button>
      </div>
    </form>
  );
}
