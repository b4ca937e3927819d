import { useEffect, useState } from 'react';
import type { ExperimentView } from '../../../../src/core/experiments/view.js';
import { fullTime } from '../../shared/format.js';
import { phaseLength, timeLeftText } from './format.js';
import type { SyncedExperiment } from './queries.js';

type StepState = 'done' | 'now' | 'next' | 'skipped';

interface TimelineStep {
  key: string;
  title: string;
  detail: string;
  state: StepState;
  /** The running step's countdown target, counted down locally between refreshes. */
  countdown?: boolean;
}

const STATE_WORDS: Record<StepState, string> = {
  done: 'Done',
  now: 'Now',
  next: 'Planned',
  skipped: 'Not reached',
};

/** "Started 3 Mar, 09:00, planned to end 10 Mar, 09:00". */
function phaseTimes(phase: ExperimentView['phases'][number]): string {
  const start = phase.startedAt
    ? `Started ${fullTime(phase.startedAt)}`
    : `Planned to start ${fullTime(phase.plannedStart)}`;
  const end = phase.endedAt
    ? `ended ${fullTime(phase.endedAt)}`
    : `planned to end ${fullTime(phase.plannedEnd)}`;
  return `${start}, ${end}`;
}

function stepsOf(view: ExperimentView): TimelineStep[] {
  const stopped = view.state === 'abandoned';
  const order = ['draft', 'passive', 'focused', 'rating', 'reported'] as const;
  const reachedIndex = stopped ? -1 : order.indexOf(view.state as (typeof order)[number]);
  const phaseState = (index: 0 | 1): StepState => {
    const phase = view.phases[index];
    if (phase.endedAt) return 'done';
    if (phase.startedAt) return stopped ? 'done' : 'now';
    return stopped ? 'skipped' : 'next';
  };
  const steps: TimelineStep[] = [
    {
      key: 'prediction',
      title: 'Prediction locked',
      detail: view.prediction.lockedAt ? fullTime(view.prediction.lockedAt) : 'Locks when phase 1 starts',
      state: view.prediction.lockedAt ? 'done' : stopped ? 'skipped' : 'now',
    },
  ];
  view.phases.forEach((phase, i) => {
    const state = phaseState(i === 0 ? 0 : 1);
    steps.push({
      key: phase.key,
      title: `Phase ${i + 1}: ${phase.label} · ${phaseLength(phase)}`,
      detail: phaseTimes(phase),
      state,
      countdown: state === 'now',
    });
  });
  if (view.measures === 'ideas') {
    const ratingState: StepState = view.ratingStartedAt
      ? view.state === 'rating'
        ? 'now'
        : 'done'
      : stopped
        ? 'skipped'
        : view.state === 'focused' && view.phases[1].endedAt
          ? 'now'
          : 'next';
    steps.push({
      key: 'rating',
      title: 'Blind rating',
      detail: view.ratingStartedAt
        ? `Started ${fullTime(view.ratingStartedAt)}`
        : view.ratingOpensAt
          ? `Opens ${fullTime(view.ratingOpensAt)}${view.ratingDelayHours ? ` (${view.ratingDelayHours} h after phase 2)` : ''}`
          : `After phase 2${view.ratingDelayHours ? `, with a ${view.ratingDelayHours}-hour delay` : ''}`,
      state: ratingState,
      countdown: ratingState === 'now' && view.state === 'focused',
    });
  }
  steps.push({
    key: 'report',
    title: 'Report',
    detail: view.reportedAt
      ? fullTime(view.reportedAt)
      : view.measures === 'ideas'
        ? 'When the ratings are in'
        : 'When phase 2 is over',
    state: view.reportedAt ? 'done' : stopped ? 'skipped' : reachedIndex >= 3 ? 'now' : 'next',
  });
  return steps;
}

/** Re-renders every `ms` milliseconds; the time is Date.now, as the view's arrival is. */
function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** The experiment's steps in order, with start and end times and the time left in the running one. */
export function PhaseTimeline({ synced }: { synced: SyncedExperiment }) {
  const now = useTick(15_000);
  const { view, at } = synced;
  const { msLeft } = view.status;
  const left = msLeft === null ? null : Math.max(0, msLeft - Math.max(0, now - at));

  return (
    <ol className="card timeline" aria-label="Timeline">
      {stepsOf(view).map((step) => (
        <li key={step.key} className={`timeline__step timeline__step--${step.state}`}>
          <span className="timeline__marker" aria-hidden="true" />
          <div className="timeline__body">
            <p className="timeline__title">
              {step.title}
              <span className={step.state === 'now' ? 'tag tag--accent' : 'tag'}>
                {STATE_WORDS[step.state]}
              </span>
            </p>
            <p className="timeline__detail">{step.detail}</p>
            {step.countdown && left !== null && (
              <p className="timeline__left">
                {left > 0 ? (
                  <>
                    <strong>{timeLeftText(left)}</strong> left
                  </>
                ) : (
                  <strong>Time is up — the next step is due.</strong>
                )}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
