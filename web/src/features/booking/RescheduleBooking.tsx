import { useState } from 'react';
import type {
  BookingConfirmation,
  BookingProblem,
  ManagedBooking,
  Slot,
} from '../../../../src/core/coaching/booking.js';
import { useApiAction } from '../../shared/api/action.js';
import { ApiError } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fieldMessage } from '../../shared/format.js';
import { bookingApi } from './api.js';
import { useFocusOnShow } from './focus.js';
import { SlotPicker } from './SlotPicker.js';
import { useSlots } from './use-slots.js';
import { timeRange, zoneName } from './when.js';

/** Another time of the same coach and type, in the booker's zone; confirmed before it is sent. */
export function RescheduleBooking({
  token,
  booking,
  onMoved,
  onClose,
}: {
  token: string;
  booking: ManagedBooking;
  onMoved: (confirmation: BookingConfirmation) => void;
  onClose: () => void;
}) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const zone = booking.bookerTimeZone;
  const slots = useSlots(booking.coach.handle, booking.type.slug, zone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const move = useApiAction(
    async (start: string) => {
      try {
        return await bookingApi.reschedule(token, start);
      } catch (error) {
        const problem = error instanceof ApiError ? (error.problem as BookingProblem | null) : null;
        if (problem?.reason !== 'taken') throw error;
        setSlot(null);
        void slots.refetch();
        throw new Error('Someone booked that time a moment ago; choose another.');
      }
    },
    { onSuccess: (confirmation) => onMoved(confirmation) },
  );
  const refusal = move.fields.start ? fieldMessage('start', move.fields.start) : move.error;

  return (
    <section className="card booking-manage" aria-labelledby="booking-move-title">
      <h2 id="booking-move-title" className="section-title booking-step" ref={heading} tabIndex={-1}>
        Choose a new time
      </h2>
      <p className="meta-text">Times in {zoneName(zone)}.</p>
      {refusal && <ErrorNotice>{refusal}</ErrorNotice>}
      {slot ? (
        <div className="booking-chosen">
          <p>
            Move to <strong>{timeRange(slot.start, slot.end, zone)}</strong>?
          </p>
          <div className="booking-form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={move.busy}
              onClick={() => void move.run(slot.start)}
            >
              {move.busy ? 'Moving…' : 'Move the conversation'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setSlot(null)}>
              Choose another time
            </button>
          </div>
        </div>
      ) : slots.data ? (
        <SlotPicker
          list={slots.data}
          onPick={(s) => {
            move.reset();
            setSlot(s);
          }}
        />
      ) : slots.error ? (
        <ErrorNotice onRetry={() => void slots.refetch()}>{slots.error.message}</ErrorNotice>
      ) : (
        <div aria-busy="true" className="skeleton skeleton--line" />
      )}
      <div className="booking-form__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          Keep the current time
        </button>
      </div>
    </section>
  );
}
