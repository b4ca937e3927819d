import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import { STATUS_LABELS } from '../format.js';

export function StatusBadge({ status }: { status: IdeaStatus }) {
  return (
    <span className={`status status--${status}`}>
      <span className="status__dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Five small pips; the text alternative reads "Value 4 of 5". */
export function ValuePips({ value }: { value: number | null }) {
  if (value === null) return null;
  return (
    <span className="pips" role="img" aria-label={`Value ${value} of 5`} title={`Value ${value} of 5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= value ? 'pip pip--on' : 'pip'} />
      ))}
    </span>
  );
}
