import type { Slot, SlotList } from '../../../../src/core/coaching/booking.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import type { Taken } from './BookingForm.js';
import { useFocusOnShow } from './focus.js';
import { SlotPicker } from './SlotPicker.js';
import { ZoneSelect } from './ZoneSelect.js';

/**
 * The first step: the zone and the free times. `from` is the slot the visitor comes back from
 * (its day is shown again, and focus returns here); `taken`, one booked meanwhile by someone else.
 */
export function PickStep({
  timeZone,
  onZone,
  list,
  error,
  onRetry,
  from,
  taken,
  onPick,
}: {
  timeZone: string;
  onZone: (zone: string) => void;
  list: SlotList | undefined;
  error: string | null;
  onRetry: () => void;
  from: Slot | undefined;
  taken: Taken | null;
  onPick: (slot: Slot) => void;
}) {
  const heading = useFocusOnShow<HTMLHeadingElement>(from !== undefined || taken !== null);
  const day = taken?.slot.localDate ?? from?.localDate;
  return (
    <>
      <h2 className="section-title booking-step" ref={heading} tabIndex={-1}>
        Choose a time
      </h2>
      <ZoneSelect value={timeZone} onChange={onZone} />
      {taken && (
        <p className="notice notice--error" role="alert">
          Someone booked {taken.slot.localTime} a moment ago. Here are the times still free.
        </p>
      )}
      {list ? (
        <SlotPicker
          key={`${timeZone} ${taken?.slot.start ?? ''}`}
          list={list}
          initialDay={day}
          onPick={onPick}
        />
      ) : error ? (
        <ErrorNotice onRetry={onRetry}>{error}</ErrorNotice>
      ) : (
        <div aria-busy="true" className="skeleton skeleton--line" />
      )}
    </>
  );
}
