import { useId } from 'react';
import type { BusyCalendar, BusyCalendarInput } from '../../../../src/core/coaching/availability.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { coachApi, coachKeys } from './api.js';
import { CalendarRow } from './CalendarRow.js';

/** Calendars (ICS addresses) whose events block one's slots: add one, see when each was last read. */
export function CalendarsSection() {
  const calendars = useApiQuery(coachKeys.calendars, (signal) => coachApi.calendars(signal));
  const put = (saved: BusyCalendar) =>
    calendars.setData((list) => {
      const items = list ?? [];
      return items.some((c) => c.id === saved.id)
        ? items.map((c) => (c.id === saved.id ? saved : c))
        : [...items, saved];
    });

  return (
    <>
      <AddCalendarForm onAdded={put} />
      {calendars.error ? (
        <ErrorNotice onRetry={() => void calendars.reload()}>{calendars.error}</ErrorNotice>
      ) : !calendars.data ? (
        <LoadingCard />
      ) : calendars.data.length === 0 ? (
        <p className="meta-text">
          No busy calendars yet: only your hours and your bookings decide your slots.
        </p>
      ) : (
        <ul className="card row-list" aria-label="Busy calendars">
          {calendars.data.map((calendar) => (
            <CalendarRow
              key={calendar.id}
              calendar={calendar}
              onRefreshed={put}
              onRemoved={() => calendars.setData((list) => list?.filter((c) => c.id !== calendar.id) ?? null)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

interface CalendarValues {
  url: string;
  label: string;
}

function AddCalendarForm({ onAdded }: { onAdded: (added: BusyCalendar) => void }) {
  const id = useId();
  const { notify } = useToast();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<CalendarValues, BusyCalendar>({
    defaultValues: { url: '', label: '' },
    submit: ({ url, label }) => {
      const input: BusyCalendarInput = label.trim()
        ? { url: url.trim(), label: label.trim() }
        : { url: url.trim() };
      return coachApi.addCalendar(input);
    },
    onSuccess: (added) => {
      form.reset();
      onAdded(added);
      notify(added.lastError ? `Added ${added.label}, but it could not be read yet` : `Added ${added.label}`);
    },
  });
  return (
    <form className="card coach-form" aria-label="Add a busy calendar" noValidate onSubmit={onSubmit}>
      <div className="coach-form__grid coach-form__grid--wide">
        <Field
          id={`${id}-url`}
          name="url"
          label="Calendar address (ICS)"
          hint="The secret address of your calendar in iCal format, from its sharing settings."
          error={errorOf('url')}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('url', { required: 'is required' })}
              className="input"
              type="url"
              inputMode="url"
              spellCheck={false}
              placeholder="https://calendar.example.org/…/basic.ics"
            />
          )}
        </Field>
        <Field id={`${id}-label`} name="label" label="Label (optional)" error={errorOf('label')}>
          {(control) => (
            <input
              {...control}
              {...form.register('label')}
              className="input"
              placeholder="e.g. Work calendar"
            />
          )}
        </Field>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="coach-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Reading the calendar…' : 'Add calendar'}
        </button>
      </div>
    </form>
  );
}
