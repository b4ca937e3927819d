import { describe, expect, it } from 'vitest';
import { createExperiment } from './experiment.js';
import { BASELINE_VS_CHANGE, WEEK_VS_20_MINUTES } from './templates.js';
import {
  endFocused,
  finishTriage,
  lockPrediction,
  startFocused,
  startPassive,
  startRating,
} from './transitions.js';
import { durationInWords, experimentView } from './view.js';

/** A stand-in for SHA-256 (the core takes the hash as an argument; the services pass node:crypto's). */
const fakeDigest = (text: string) => text.length.toString(16).padStart(64, '0');

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0 + ms);

function started(ratingDelayHours = 0) {
  const draft = createExperiment(
    {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'Focused wins', favoured: 'focused' },
      ratingDelayHours,
    },
    { id: 'e1', now: at(0) },
  );
  return startPassive(lockPrediction(draft, at(0), fakeDigest), at(0));
}

const view = (record: ReturnType<typeof started>, now: number) =>
  experimentView(record, WEEK_VS_20_MINUTES, { passive: 2, focused: 0 }, at(now));

describe('durationInWords', () => {
  it('uses the coarsest unit that reads naturally', () => {
    expect(durationInWords(5 * DAY + 3 * HOUR)).toBe('5 days');
    expect(durationInWords(36 * HOUR)).toBe('36 hours');
    expect(durationInWords(2 * HOUR)).toBe('2 hours');
    expect(durationInWords(90 * MIN)).toBe('90 minutes');
    expect(durationInWords(60 * MIN)).toBe('60 minutes');
    expect(durationInWords(61_000)).toBe('2 minutes');
    expect(durationInWords(60_000)).toBe('1 minute');
    expect(durationInWords(59_000)).toBe('less than a minute');
  });
});

describe('experiment status', () => {
  it('counts down the passive phase and says when it is over', () => {
    const record = started();
    const early = view(record, 2 * DAY);
    expect(early.status).toMatchObject({
      headline: 'Experiment: A week of noticing — 5 days left',
      phaseKey: 'passive',
      msLeft: 5 * DAY,
      due: false,
      nextStep: 'startFocused',
    });
    const late = view(record, 8 * DAY);
    expect(late.status.due).toBe(true);
    expect(late.status.msLeft).toBe(0);
    expect(late.status.headline).toContain('is over');
  });

  it('offers to end the focused phase early, then to rate once it is over', () => {
    const focused = startFocused(started(), at(7 * DAY));
    expect(view(focused, 7 * DAY + 5 * MIN).status).toMatchObject({
      phaseKey: 'focused',
      msLeft: 15 * MIN,
      nextStep: 'endFocused',
    });
    expect(view(focused, 7 * DAY + 25 * MIN).status).toMatchObject({ due: true, nextStep: 'startRating' });
  });

  it('waits for the chosen rating delay before rating is due', () => {
    const ended = endFocused(startFocused(started(2), at(7 * DAY)), at(7 * DAY + 10 * MIN));
    const waiting = view(ended, 7 * DAY + 10 * MIN + HOUR);
    expect(waiting.ratingOpensAt).toBe(at(7 * DAY + 10 * MIN + 2 * HOUR).toISOString());
    expect(waiting.status).toMatchObject({ msLeft: HOUR, due: false, nextStep: 'startRating' });
    expect(waiting.status.headline).toBe('Experiment: blind rating opens in 60 minutes');
    const open = view(ended, 7 * DAY + 10 * MIN + 2 * HOUR);
    expect(open.status).toMatchObject({ due: true, headline: 'Experiment: time to rate your ideas blind' });
  });

  it('carries the phase instructions, counts and allowed steps', () => {
    const rating = startRating(
      endFocused(startFocused(started(), at(DAY), { early: true }), at(DAY + MIN)),
      at(DAY + MIN),
    );
    const v = view(rating, DAY + 2 * MIN);
    expect(v.phases[0].instructions).toBe(WEEK_VS_20_MINUTES.phases[0].instructions);
    expect(v.recorded).toEqual({ passive: 2, focused: 0 });
    expect(v.allowedSteps).toEqual(['finishTriage', 'report', 'abandon']);
    // The triage comes first, then the rating.
    expect(v.status).toMatchObject({ nextStep: 'finishTriage', headline: expect.stringContaining('triage') });
    const triaged = view(finishTriage(rating, at(DAY + 3 * MIN)), DAY + 4 * MIN);
    expect(triaged.status).toMatchObject({
      nextStep: 'report',
      headline: 'Experiment: blind rating in progress',
    });
  });
});

describe('measurement experiment status', () => {
  it('offers the report, not a blind rating, once the change phase is over', () => {
    const draft = createExperiment(
      {
        templateId: 'baseline-vs-change',
        prediction: { text: 'Fewer interruptions', favoured: 'focused' },
        measurement: { name: 'interruptions', better: 'lower' },
      },
      { id: 'm1', now: at(0) },
    );
    const change = startFocused(startPassive(lockPrediction(draft, at(0), fakeDigest), at(0)), at(7 * DAY));
    const over = experimentView(change, BASELINE_VS_CHANGE, {}, at(15 * DAY));
    expect(over.status).toMatchObject({
      headline: 'Experiment: With the change is over — finish it to see the report',
      due: true,
      nextStep: 'startRating',
    });
  });
});

describe('durationInWords near unit boundaries', () => {
  it('counts whole units left, so it agrees with a countdown', () => {
    expect(durationInWords(6 * DAY + 21 * HOUR)).toBe('6 days');
    expect(durationInWords(7 * DAY - 1000)).toBe('7 days');
    expect(durationInWords(2 * HOUR + 58 * MIN)).toBe('2 hours');
  });
});
