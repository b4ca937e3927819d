import type { SelectHTMLAttributes } from 'react';
import { useAreas } from '../state.js';

type AreaSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string | null;
  onChange: (areaId: string | null) => void;
  noneLabel?: string;
};

/** Open areas to file an idea under; an archived current area stays visible but cannot be picked. */
export function AreaSelect({ value, onChange, noneLabel = 'No area', ...rest }: AreaSelectProps) {
  const { areas } = useAreas();
  const open = (areas ?? []).filter((a) => !a.archivedAt || a.id === value);
  const known = value === null || open.some((a) => a.id === value);
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} {...rest}>
      <option value="">{noneLabel}</option>
      {!known && value && <option value={value}>{value}</option>}
      {open.map((area) => (
        <option key={area.id} value={area.id} disabled={Boolean(area.archivedAt) && area.id !== value}>
          {area.name}
          {area.archivedAt ? ' (archived)' : ''}
        </option>
      ))}
    </select>
  );
}
