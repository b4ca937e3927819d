import { useId, useState } from 'react';
import type { Slot, SlotList } from '../../../../src/core/coaching/booking.js';
import { longDay, shortDay } from './when.js';

/**
 * The days with free times, then the times of the chosen day as buttons. Starts on `initialDay`
 * when it has times (the day of a slot just taken), else on the first day that has any.
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
  const [chosen, setChosen] = useState(
    () => days.find((day) => day.date === initialDay)?.date ?? days[0]?.date ?? '',
  );
  const day = days.find((d) => d.date === chosen) ?? days[0];

  if (!day)
    return (
      <div className="empty-card booking-empty">
        <p className="empty__title">No free times</p>
        <p className="empty__text">Every time is taken for now. Try again in a few days.</p>
      </div>
    );

  return (
    <div className="slot-picker">
      <h3 className="section-title" id={`${id}-days`}>
        Choose a day
      </h3>
      <ul className="slot-picker__days" aria-labelledby={`${id}-days`}>
        {days.map((d) => {
          const { weekday, day: date } = shortDay(d.date);
          return (
            <li key={d.date}>
              <button
                type="button"
                className="slot-day"
                aria-pressed={d.date === day.date}
                aria-label={`${longDay(d.date)}, ${d.slots.length} free`}
                onClick={() => setChosen(d.date)}
              >
                <span className="slot-day__weekday">{weekday}</span>
                <span className="slot-day__date">{date}</span>
              </button>
            </li>
          );
        })}
      </ul>
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
    </div>
  );
}
