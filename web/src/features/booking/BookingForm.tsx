import type {
  BookingConfirmation,
  BookingProblem,
  Slot,
  SlotList,
} from '../../../../src/core/coaching/booking.js';
import type { PublicConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { ApiError, hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { bookingApi } from './api.js';
import { useFocusOnShow } from './focus.js';
import { useIdempotencyKey } from './idempotency.js';
import { timeRange, wait, zoneName } from './when.js';

/** What the visitor typed: kept when they go back to the times, or a time is taken under them. */
export interface Draft {
  name: string;
  email: string;
  answers: Record<string, string>;
}

interface Values extends Draft {
  start: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A slot someone else booked first, with the free times the server sent along. */
export interface Taken {
  slot: Slot;
  slots: SlotList | null;
  draft: Draft;
}

/** The chosen time, then name, email and the type's questions; sends the booking. */
export function BookingForm({
  handle,
  type,
  slot,
  timeZone,
  onBooked,
  draft,
  onTaken,
  onBack,
}: {
  handle: string;
  type: PublicConversationType;
  slot: Slot;
  timeZone: string;
  onBooked: (confirmation: BookingConfirmation) => void;
  draft: Draft | null;
  onTaken: (taken: Taken) => void;
  onBack: (draft: Draft) => void;
}) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const keyFor = useIdempotencyKey();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<Values, BookingConfirmation | null>({
    defaultValues: {
      start: slot.start,
      name: draft?.name ?? '',
      email: draft?.email ?? '',
      answers: Object.fromEntries(type.questions.map((q) => [q.id, draft?.answers[q.id] ?? ''])),
    },
    submit: async (values) => {
      const body = { ...values, timeZone };
      try {
        return await bookingApi.book(handle, type.slug, body, keyFor(body));
      } catch (error) {
        const refusal = error instanceof ApiError ? (error.problem as BookingProblem | null) : null;
        if (hasStatus(error, 409) && refusal?.reason === 'taken') {
          const { start: _, ...typed } = values;
          onTaken({ slot, slots: refusal.slots ?? null, draft: typed });
          return null;
        }
        if (hasStatus(error, 429))
          throw new Error(
            `Too many bookings from here just now. Try again in ${wait(error.retryAfter ?? 60)}; your answers are kept.`,
          );
        throw error;
      }
    },
    onSuccess: (confirmation) => {
      if (confirmation) onBooked(confirmation);
    },
  });
  const startError = errorOf('start');

  return (
    <form className="booking-form" aria-labelledby="booking-form-title" onSubmit={onSubmit} noValidate>
      <h2 id="booking-form-title" className="section-title booking-step" ref={heading} tabIndex={-1}>
        Your details
      </h2>
      <div className="booking-chosen">
        <p>
          <strong>{timeRange(slot.start, slot.end, timeZone)}</strong>
          <span className="meta-text"> · {zoneName(timeZone)}</span>
        </p>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            const { start: _, ...typed } = form.getValues();
            onBack(typed);
          }}
        >
          Change the time
        </button>
      </div>
      {startError && <ErrorNotice id="booking-start-error">{startError}</ErrorNotice>}
      <Field id="booking-name" name="name" label={<Label text="Name" required />} error={errorOf('name')}>
        {(props) => (
          <input
            {...props}
            className="input"
            autoComplete="name"
            {...form.register('name', {
              validate: (v) => v.trim() !== '' || 'Enter your name.',
            })}
          />
        )}
      </Field>
      <Field
        id="booking-email"
        name="email"
        label={<Label text="Email" required />}
        hint="The calendar invitation and the link to change the booking go here."
        error={errorOf('email')}
      >
        {(props) => (
          <input
            {...props}
            className="input"
            type="email"
            autoComplete="email"
            {...form.register('email', {
              validate: (v) => EMAIL.test(v.trim()) || 'Enter an email address such as ada@example.org.',
            })}
          />
        )}
      </Field>
      {type.questions.map((question) => (
        <Field
          key={question.id}
          id={`booking-answer-${question.id}`}
          name={`answers.${question.id}`}
          label={<Label text={question.prompt} required={question.required} />}
          error={errorOf(`answers.${question.id}`)}
        >
          {(props) => (
            <textarea
              {...props}
              className="textarea"
              rows={3}
              {...form.register(`answers.${question.id}`, {
                validate: (v) => !question.required || v.trim() !== '' || 'Please answer this question.',
              })}
            />
          )}
        </Field>
      ))}
      {problem && <ErrorNotice>{problem}</ErrorNotice>}
      <div className="booking-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Booking…' : 'Book this time'}
        </button>
      </div>
    </form>
  );
}

function Label({ text, required }: { text: string; required: boolean }) {
  return (
    <>
      {text}
      {required ? (
        <span className="booking-required"> (required)</span>
      ) : (
        <span className="field__optional"> (optional)</span>
      )}
    </>
  );
}
