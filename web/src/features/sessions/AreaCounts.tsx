import type { SessionView } from '../../../../src/core/sessions/view.js';
import { useAreas } from '../../shared/state.js';

/** Counts of ideas per area, biggest first, with area names. */
export function AreaCounts({ byArea }: { byArea: SessionView['summary']['byArea'] }) {
  const { nameOf } = useAreas();
  if (byArea.length === 0) return null;
  return (
    <ul className="area-counts" aria-label="Ideas by area">
      {byArea.map((entry) => (
        <li key={entry.areaId ?? 'none'} className={entry.areaId ? 'chip' : 'chip chip--empty'}>
          {nameOf(entry.areaId) ?? 'No area'}
          <span className="area-counts__count">{entry.count}</span>
        </li>
      ))}
    </ul>
  );
}
