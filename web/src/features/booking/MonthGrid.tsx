import { longDay } from './when.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "March 2027" from a month (YYYY-MM). */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

interface Cell {
  key: string;
  /** The local date, or null for a cell before the 1st or after the last day. */
  date: string | null;
}

/** The weeks of a month (Monday first) as rows of seven cells. */
function weeksOf(month: string): Cell[][] {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, number - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Cell[] = Array.from({ length: lead }, (_, i) => ({ key: `before-${i}`, date: null }));
  for (let day = 1; day <= length; day += 1) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    cells.push({ key: date, date });
  }
  while (cells.length % 7 !== 0) cells.push({ key: `after-${cells.length}`, date: null });
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/**
 * One month as a calendar: the days with free times are buttons (the chosen one pressed), the
 * others plain numbers. `free` maps a date to its number of free times.
 */
export function MonthGrid({
  month,
  free,
  chosen,
  onChoose,
}: {
  month: string;
  free: ReadonlyMap<string, number>;
  chosen: string;
  onChoose: (date: string) => void;
}) {
  return (
    <table className="month-grid">
      <caption className="visually-hidden">{monthName(month)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((day) => (
            <th key={day} scope="col" className="month-grid__weekday">
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(month).map((week) => (
          <tr key={week[0]?.key}>
            {week.map(({ key, date }) => {
              if (!date) return <td key={key} />;
              const count = free.get(date) ?? 0;
              const number = Number(date.slice(8));
              return (
                <td key={date}>
                  {count > 0 ? (
                    <button
                      type="button"
                      className="month-grid__day"
                      aria-pressed={date === chosen}
                      aria-label={`${longDay(date)}, ${count} free`}
                      onClick={() => onChoose(date)}
                    >
                      {number}
                    </button>
                  ) : (
                    <span className="month-grid__closed">{number}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
