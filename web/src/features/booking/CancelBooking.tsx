import { useId, useState } from 'react';
import type { ManagedBooking } from '../../../../src/core/coaching/booking.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { bookingApi } from './api.js';
import { useFocusOnShow } from './focus.js';

/** The confirm step of a cancellation, with an optional word for the coach. */
export function CancelBooking({
  token,
  onCancelled,
  onClose,
}: {
  token: string;
  onCancelled: (booking: ManagedBooking) => void;
  onClose: () => void;
}) {
  const id = useId();
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const [reason, setReason] = useState('');
  const cancel = useApiAction(() => bookingApi.cancel(token, reason.trim()), { onSuccess: onCancelled });
  return (
    <section className="card booking-manage" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title booking-step" ref={heading} tabIndex={-1}>
        Cancel the conversation?
      </h2>
      <div className="field">
        <label htmlFor={`${id}-reason`} className="field__label">
          A word for the coach <span className="field__optional">(optional)</span>
        </label>
        <textarea
          id={`${id}-reason`}
          className="textarea"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {cancel.error && <ErrorNotice>{cancel.error}</ErrorNotice>}
      <div className="booking-form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={cancel.busy}
          onClick={() => void cancel.run()}
        >
          {cancel.busy ? 'Cancelling…' : 'Yes, cancel it'}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Keep the booking
        </button>
      </div>
    </section>
  );
}
