import { describe, expect, it } from 'vitest';
import { blindPhaseOf, phaseOf, phaseWindow } from './counting.js';
import { createExperiment, type ExperimentRecord } from './experiment.js';
import { endFocused, linkSession, lockPrediction, startFocused, startPassive } from './transitions.js';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const MIN = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0 + ms);
const iso = (ms: number) => at(ms).toISOString();
const digest = (text: string) => text.length.toString(16).padStart(64, '0');

/** A week of noticing from T0 (7 days), then one 20-minute session. */
function passive(): ExperimentRecord {
  const draft = createExperiment(
    { templateId: 'week-vs-20-minutes', prediction: { text: 'Focused wins', favoured: 'focused' } },
    { id: 'e1', now: at(0) },
  );
  return startPassive(lockPrediction(draft, at(0), digest), at(0));
}

const noted = (ms: number) => ({ createdAt: iso(ms), sessionId: null });
const inSession = (ms: number, sessionId = 's1') => ({ createdAt: iso(ms), sessionId });

describe('which ideas count to which phase', () => {
  it('the passive phase closes at its planned end by itself; an idea after it counts to no phase', () => {
    const record = passive();
    expect(phaseWindow(record.phases[0], at(3 * DAY))).toEqual({ from: iso(0), to: iso(3 * DAY) });
    expect(phaseWindow(record.phases[0], at(9 * DAY))).toEqual({ from: iso(0), to: iso(7 * DAY) });
    expect(phaseOf(record.phases, noted(6 * DAY), at(9 * DAY))?.key).toBe('passive');
    expect(phaseOf(record.phases, noted(8 * DAY), at(9 * DAY))).toBeNull();
    expect(blindPhaseOf(record, noted(8 * DAY), at(9 * DAY))).toBeNull();
  });

  it('ideas of a focused session during the passive week do not count to it; noted ones do', () => {
    const record = passive();
    expect(phaseOf(record.phases, inSession(2 * DAY), at(2 * DAY))).toBeNull();
    expect(phaseOf(record.phases, noted(2 * DAY), at(2 * DAY))?.key).toBe('passive');
  });

  it('the focused phase counts session ideas and noted ones in its window', () => {
    const record = startFocused(passive(), at(7 * DAY));
    expect(phaseOf(record.phases, inSession(7 * DAY + MIN), at(7 * DAY + MIN))?.key).toBe('focused');
    expect(phaseOf(record.phases, noted(7 * DAY + 2 * MIN), at(7 * DAY + 2 * MIN))?.key).toBe('focused');
    // Not run as a session, the phase closes at its planned end (20 minutes).
    expect(phaseOf(record.phases, inSession(7 * DAY + 21 * MIN), at(7 * DAY + 21 * MIN))).toBeNull();
  });

  it('a focused phase run as a session stays open past its planned end until the session ends', () => {
    const linked = linkSession(startFocused(passive(), at(7 * DAY)), 's1');
    const overrun = inSession(7 * DAY + 25 * MIN);
    expect(phaseOf(linked.phases, overrun, at(7 * DAY + 25 * MIN))?.key).toBe('focused');
    const ended = endFocused(linked, at(7 * DAY + 26 * MIN));
    expect(phaseOf(ended.phases, overrun, at(7 * DAY + 30 * MIN))?.key).toBe('focused');
    expect(phaseOf(ended.phases, noted(7 * DAY + 27 * MIN), at(7 * DAY + 30 * MIN))).toBeNull();
  });

  it('an idea captured at the very instant a phase runs counts to it', () => {
    const record = passive();
    expect(blindPhaseOf(record, noted(DAY), at(DAY))?.key).toBe('passive');
  });
});
