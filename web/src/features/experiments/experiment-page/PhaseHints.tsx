import { Link } from 'react-router';
import type { ExperimentView } from '../../../../../src/core/experiments/view.js';
import { plural } from '../../../../../src/core/plural.js';
import { MeasurementLog } from '../MeasurementLog.js';

/** Where ideas or measurements go while a phase runs, and what has been recorded so far. */
export function PhaseHints({ view }: { view: ExperimentView }) {
  if (view.state !== 'passive' && view.state !== 'focused') return null;
  if (view.measures === 'measurement' && view.measurement) {
    // Once phase 2's planned end has passed, new values no longer count to it.
    if (view.state === 'focused' && view.status.due) return null;
    return <MeasurementLog view={view} />;
  }
  const [first, second] = view.phases;
  return (
    <div className="experiment-now__hints">
      <p className="hint">
        Note ideas the usual way — the <Link to="/">inbox</Link> (press <kbd>N</kbd>), a focused session or{' '}
        <code>whet idea "…"</code>. They count to the phase that is running when you note them.
      </p>
      <p className="meta-text">
        Noted so far: {plural(view.recorded[first.key] ?? 0, 'idea')} in phase 1
        {second.startedAt ? `, ${plural(view.recorded[second.key] ?? 0, 'idea')} in phase 2` : ''}.
      </p>
    </div>
  );
}
