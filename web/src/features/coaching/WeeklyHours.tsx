import { useId } from 'react';
import type { Availability } from '../../../../src/core/coaching/availability.js';
import { WEEKDAYS, type Weekday } from '../../../../src/core/coaching/weekdays.js';
import { RangesEditor } from './RangesEditor.js';

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

type Weekly = Availability['weekly'];

/** A fieldset per weekday with its ranges; a day's hours can be copied to Monday–Friday. */
export function WeeklyHours({
  weekly,
  onChange,
  errorOf,
}: {
  weekly: Weekly;
  onChange: (weekly: Weekly) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const id = useId();
  const copyToWorkdays = (day: Weekday) => {
    const next = { ...weekly };
    for (const other of WORKDAYS) next[other] = weekly[day].map((range) => ({ ...range }));
    onChange(next);
  };
  return (
    <div className="weekly">
      {WEEKDAYS.map((day) => (
        <fieldset key={day} className="weekday">
          <legend className="weekday__name">{WEEKDAY_NAMES[day]}</legend>
          <div className="weekday__ranges">
            {weekly[day].length === 0 && <span className="meta-text weekday__off">Unavailable</span>}
            <RangesEditor
              idPrefix={`${id}-${day}`}
              name={WEEKDAY_NAMES[day]}
              ranges={weekly[day]}
              onChange={(ranges) => onChange({ ...weekly, [day]: ranges })}
              errorOf={(path) => errorOf(`weekly.${day}.${path}`)}
            />
          </div>
          {weekly[day].length > 0 && (
            <button
              type="button"
              className="button button--small button--quiet weekday__copy"
              aria-label={`Copy ${WEEKDAY_NAMES[day]}’s hours to Monday to Friday`}
              onClick={() => copyToWorkdays(day)}
            >
              Copy to weekdays
            </button>
          )}
        </fieldset>
      ))}
    </div>
  );
}
