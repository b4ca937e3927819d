import { useId } from 'react';
import type { HeatMap as HeatMapData } from '../../../../src/core/plans/interruptions.js';
import { WEEKDAY_NAMES } from '../../../../src/core/plans/vocabulary.js';
import { plural } from '../../../../src/core/plural.js';
import { WEEKDAYS_SHORT } from '../../features/plans/labels.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * Interruptions by weekday and local hour: a real table (row and column headers, a count in
 * every cell, so a screen reader can walk it) drawn as a grid whose cells darken with the count.
 */
export function HeatMap({ data, caption }: { data: HeatMapData; caption: string }) {
  const id = useId();
  const busiest = busiestCell(data);
  return (
    <figure className="heat-map" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="visually-hidden">
        {caption}
      </figcaption>
      <div className="heat-map__scroll">
        <table className="heat-map__table">
          <caption className="visually-hidden">
            {caption}: interruptions per weekday (rows) and hour of the day (columns), in {data.timeZone}.{' '}
            {data.total === 0
              ? 'None logged yet.'
              : `${plural(data.total, 'interruption')}; most on ${busiest}.`}
          </caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" className="heat-map__hour">
                  <span className="visually-hidden">{hourLabel(h)}</span>
                  <span aria-hidden="true">{h % 3 === 0 ? h : ''}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS_SHORT.map((day, d) => (
              <tr key={day}>
                <th scope="row" className="heat-map__day">
                  <span aria-hidden="true">{day}</span>
                  <span className="visually-hidden">{WEEKDAY_NAMES[d]}</span>
                </th>
                {HOURS.map((h) => {
                  const count = data.counts[d]?.[h] ?? 0;
                  const level =
                    data.max === 0 || count === 0 ? 0 : Math.max(1, Math.ceil((count / data.max) * 4));
                  return (
                    <td
                      key={h}
                      className={`heat-map__cell heat-map__cell--${level}`}
                      title={`${WEEKDAY_NAMES[d]} ${hourLabel(h)}–${hourLabel((h + 1) % 24)}: ${plural(count, 'interruption')}`}
                    >
                      <span className="visually-hidden">{count}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heat-map__legend" aria-hidden="true">
        <span>Fewer</span>
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`heat-map__cell heat-map__cell--${level} heat-map__swatch`} />
        ))}
        <span>More</span>
        <span className="heat-map__zone">Hours in {data.timeZone}</span>
      </div>
    </figure>
  );
}

/** "Tuesday 10:00–11:00 (4)", the cell with the most interruptions. */
function busiestCell(data: HeatMapData): string {
  let best = { d: 0, h: 0, count: -1 };
  data.counts.forEach((row, d) => {
    row.forEach((count, h) => {
      if (count > best.count) best = { d, h, count };
    });
  });
  return `${WEEKDAY_NAMES[best.d]} ${hourLabel(best.h)}–${hourLabel((best.h + 1) % 24)} (${best.count})`;
}
