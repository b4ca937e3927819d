import { useId, useMemo } from 'react';
import { browserTimeZone } from '../../shared/time-zone.js';
import { zoneName } from './when.js';

/** Every zone this browser knows (IANA names); at least its own and UTC. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserTimeZone(), 'UTC'];
  }
}

/** The zone the times are shown in: this browser's, unless the visitor picks another. */
export function ZoneSelect({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const id = useId();
  const zones = useMemo(() => {
    const all = knownZones();
    // A zone the list lacks (an alias such as UTC in some browsers) is kept selectable.
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  const detected = browserTimeZone();
  return (
    <div className="field booking-zone">
      <label htmlFor={id} className="field__label">
        Time zone
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zoneName(zone)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {value === detected ? 'Detected from this browser.' : `This browser is in ${zoneName(detected)}.`}
      </p>
    </div>
  );
}
