import { useId, useState } from 'react';
import type { Slot, SlotList } from '../../../../src/core/coaching/booking.js';
import { MonthGrid, monthName } from './MonthGrid.js';
import { longDay } from './when.js';

/**
 * A month calendar of the days with free times, then the times of the chosen day as buttons.
 * Starts on `initialDay` when it has times (the day of a slot just taken), else on the first
 * day that has any.
 */
export function SlotPicker({
  list,
  initialDay,
  onPick,
}: {
  list: SlotList;
  initialDay?: string | undefined;
  onPick: (slot: Slot) => void;
}) {
  const id = useId();
  const days = list.days.filter((day) => day.slots.length > 0);
  const free = new Map(days.map((day) => [day.date, day.slots.length]));
  const months = [...new Set(days.map((day) => day.date.slice(0, 7)))];
  const [chosen, setChosen] = useState(
    () => days.find((day) => day.date === initialDay)?.date ?? days[0]?.date ?? '',
  );
  const [month, setMonth] = useState(chosen.slice(0, 7));
  const day = days.find((d) => d.date === chosen);
  const at = months.indexOf(month);

  if (days.length === 0)
    return (
      <div className="empty-card booking-empty">
        <p className="empty__title">No free times</p>
        <p className="empty__text">Every time is taken for now. Try again in a few days.</p>
      </div>
    );

  return (
    <div className="slot-picker">
      <div className="slot-picker__month">
        <h3 className="slot-picker__month-name" id={`${id}-month`} aria-live="polite">
          {monthName(month)}
        </h3>
        <div className="slot-picker__month-nav">
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={at <= 0}
            onClick={() => setMonth(months[at - 1] ?? month)}
            aria-label="Previous month"
          >
            ‹
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={at >= months.length - 1}
            onClick={() => setMonth(months[at + 1] ?? month)}
            aria-label="Next month"
          >
            ›
          </button>
        </div>
      </div>
      <MonthGrid month={month} free={free} chosen={chosen} onChoose={setChosen} />
      {day ? (
        <>
          <h3 className="section-title" id={`${id}-times`}>
            {longDay(day.date)}
          </h3>
          <ul className="slot-picker__times" aria-labelledby={`${id}-times`}>
            {day.slots.map((slot) => (
              <li key={slot.start}>
                <button type="button" className="button slot-time" onClick={() => onPick(slot)}>
                  {slot.localTime}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="meta-text">Choose a day to see its times.</p>
      )}
    </div>
  );
}
