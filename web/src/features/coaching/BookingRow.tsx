import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Booking } from '../../../../src/core/coaching/booking.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { coachApi, coachKeys } from './api.js';
import { localTime, sameClock } from './zoned.js';

/** One booking: when (in the coach's zone, and the booker's when theirs differs), who, what they wrote. */
export function BookingRow({ booking, zone }: { booking: Booking; zone: string }) {
  const id = useId();
  const { booker } = booking;
  const cancelled = booking.status === 'cancelled';
  const theirs = sameClock(booking.start, zone, booking.bookerTimeZone)
    ? null
    : `${localTime(booking.start, booking.bookerTimeZone)} for them in ${booking.bookerTimeZone}`;

  return (
    <li
      className={cancelled ? 'row-list__row booking-row booking-row--cancelled' : 'row-list__row booking-row'}
    >
      <div className="booking-row__when">
        <time dateTime={booking.start} className="booking-row__time">
          {localTime(booking.start, zone)}–{localTime(booking.end, zone)}
        </time>
        {theirs && <span className="meta-text">{theirs}</span>}
      </div>
      <div className="booking-row__body">
        <p className="booking-row__title">
          <span id={`${id}-who`}>{booker.name}</span>
          {cancelled && <span className="tag">Cancelled</span>}
        </p>
        <p className="meta-text booking-row__meta">
          {booking.type.title} · {booking.type.durationMinutes} min ·{' '}
          <a href={`mailto:${booker.email}`}>{booker.email}</a>
        </p>
        {booking.answers.length > 0 && (
          <dl className="booking-answers">
            {booking.answers.map((answer) => (
              <div key={answer.questionId}>
                <dt>{answer.prompt}</dt>
                <dd>{answer.answer || '—'}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="meta-text booking-row__location">{booking.location}</p>
        {cancelled ? (
          <p className="meta-text">
            Cancelled{' '}
            {booking.cancelledAt && (
              <time dateTime={booking.cancelledAt} title={fullTime(booking.cancelledAt)}>
                {relativeTime(booking.cancelledAt)}
              </time>
            )}
            {booking.cancelReason ? ` · “${booking.cancelReason}”` : ''}
          </p>
        ) : (
          <div className="booking-row__actions">
            <Link
              to={`/conversations/${booking.id}`}
              className="button button--small"
              aria-label={`Open the conversation room with ${booker.name}`}
            >
              Open the room
            </Link>
            {Date.parse(booking.end) > Date.now() && <CancelBooking booking={booking} />}
          </div>
        )}
      </div>
    </li>
  );
}

/** Cancel, then a confirm step with an optional reason that goes to the booker in the cancellation mail. */
function CancelBooking({ booking }: { booking: Booking }) {
  const id = useId();
  const client = useQueryClient();
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useApiAction(() => coachApi.cancelBooking(booking.id, reason.trim()), {
    onSuccess: () => {
      setConfirming(false);
      notify(`Cancelled; ${booking.booker.name} gets an email`);
      void client.invalidateQueries({ queryKey: coachKeys.allBookings });
      void client.invalidateQueries({ queryKey: coachKeys.clients });
    },
  });
  const who = `${booking.booker.name}, ${localTime(booking.start, booking.bookerTimeZone)}`;

  if (!confirming)
    return (
      <button
        type="button"
        className="button button--small button--danger-quiet booking-row__cancel"
        aria-label={`Cancel the booking of ${who}`}
        onClick={() => {
          cancel.reset();
          setConfirming(true);
        }}
      >
        Cancel booking
      </button>
    );
  return (
    <fieldset className="booking-cancel">
      <legend className="field__label">Cancel the booking of {booking.booker.name}?</legend>
      <label htmlFor={`${id}-reason`} className="hint">
        Reason (optional, {booking.booker.name} reads it in the email)
      </label>
      <textarea
        id={`${id}-reason`}
        className="textarea"
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {cancel.error && <ErrorNotice>{cancel.error}</ErrorNotice>}
      <div className="booking-cancel__actions">
        <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
          Keep it
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={cancel.busy}
          onClick={() => void cancel.run()}
        >
          {cancel.busy ? 'Cancelling…' : 'Confirm cancel'}
        </button>
      </div>
    </fieldset>
  );
}
