import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { createExperiment, ExperimentRecord } from './experiment.js';
import {
  BASELINE_VS_CHANGE,
  BUILTIN_TEMPLATES,
  ExperimentTemplate,
  findTemplate,
  WEEK_VS_20_MINUTES,
} from './templates.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const prediction = { text: 'Focused wins', favoured: 'focused' };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WhetstoneError) return `${error.code} ${error.issues[0]?.field ?? ''}`.trim();
    throw error;
  }
  return undefined;
}

describe('templates', () => {
  it('are valid data', () => {
    for (const t of BUILTIN_TEMPLATES) expect(ExperimentTemplate.safeParse(t).success).toBe(true);
    expect(findTemplate('week-vs-20-minutes')).toBe(WEEK_VS_20_MINUTES);
    expect(fieldOf(() => findTemplate('nope'))).toBe('not_found');
  });

  it('have the documented defaults', () => {
    expect(WEEK_VS_20_MINUTES.phases.map((p) => [p.key, p.defaultLength, p.unit])).toEqual([
      ['passive', 7, 'days'],
      ['focused', 20, 'minutes'],
    ]);
    expect(BASELINE_VS_CHANGE.phases.map((p) => [p.key, p.defaultLength, p.unit])).toEqual([
      ['baseline', 7, 'days'],
      ['change', 7, 'days'],
    ]);
  });

  it('rejects a template whose default lies outside its bounds', () => {
    const bad = structuredClone(WEEK_VS_20_MINUTES);
    bad.phases[1].defaultLength = 500;
    expect(ExperimentTemplate.safeParse(bad).success).toBe(false);
  });
});

describe('createExperiment', () => {
  it('plans the default phases back to back from now, prediction unlocked', () => {
    const r = createExperiment({ templateId: 'week-vs-20-minutes', prediction }, { id: 'e1', now: NOW });
    expect(ExperimentRecord.safeParse(r).success).toBe(true);
    expect(r.state).toBe('draft');
    expect(r.prediction).toEqual({
      text: 'Focused wins',
      favoured: 'focused',
      byHowMuch: null,
      lockedAt: null,
      seal: null,
    });
    expect(r.phases.map((p) => [p.key, p.plannedStart, p.plannedEnd])).toEqual([
      ['passive', iso(0), iso(7 * DAY)],
      ['focused', iso(7 * DAY), iso(7 * DAY + 20 * 60_000)],
    ]);
    expect(r.ratingDelayHours).toBe(0);
  });

  it('keeps the chosen rating delay, from 0 to 336 whole hours', () => {
    for (const hours of [0, 2, 336]) {
      const r = createExperiment(
        { templateId: 'week-vs-20-minutes', prediction, ratingDelayHours: hours },
        { id: 'e', now: NOW },
      );
      expect(r.ratingDelayHours).toBe(hours);
      expect(ExperimentRecord.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    }
  });

  it('reads a stored record from before the rating delay existed as "no delay"', () => {
    const r = createExperiment({ templateId: 'week-vs-20-minutes', prediction }, { id: 'e', now: NOW });
    const { ratingDelayHours: _, ...stored } = r;
    expect(ExperimentRecord.parse(stored).ratingDelayHours).toBe(0);
    expect(ExperimentRecord.safeParse({ ...r, ratingDelayHours: 337 }).success).toBe(false);
  });

  it('takes custom lengths and planned starts', () => {
    const r = createExperiment(
      {
        templateId: 'baseline-vs-change',
        prediction: { text: 'Fewer interruptions', favoured: 'focused', byHowMuch: 'half' },
        measurement: { name: 'interruptions per day' },
        startsAt: iso(DAY),
        phases: { baseline: { length: 5 }, change: { length: 10, plannedStart: iso(8 * DAY) } },
      },
      { id: 'e2', now: NOW },
    );
    expect(r.measurement).toEqual({ name: 'interruptions per day', unit: null, better: 'higher' });
    expect(r.phases.map((p) => [p.plannedStart, p.plannedEnd])).toEqual([
      [iso(DAY), iso(6 * DAY)],
      [iso(8 * DAY), iso(18 * DAY)],
    ]);
  });

  it('keeps which way the measurement improves', () => {
    const r = createExperiment(
      {
        templateId: 'baseline-vs-change',
        prediction,
        measurement: { name: ' Interruptions ', unit: 'per day', better: 'lower' },
      },
      { id: 'e', now: NOW },
    );
    expect(r.measurement).toEqual({ name: 'Interruptions', unit: 'per day', better: 'lower' });
    const input = {
      templateId: 'baseline-vs-change',
      prediction,
      measurement: { name: 'x', better: 'less' },
    };
    expect(fieldOf(() => createExperiment(input, { id: 'e', now: NOW }))).toBe(
      'validation measurement.better',
    );
    // A record stored before the direction existed reads as "higher is better".
    const stored = { ...r, measurement: { name: 'Interruptions', unit: 'per day' } };
    expect(ExperimentRecord.parse(stored).measurement?.better).toBe('higher');
  });

  it('refuses overlapping phases', () => {
    const input = {
      templateId: 'week-vs-20-minutes',
      prediction,
      phases: { focused: { plannedStart: iso(3 * DAY) } },
    };
    expect(fieldOf(() => createExperiment(input, { id: 'e', now: NOW }))).toBe(
      'validation phases.focused.plannedStart',
    );
  });

  it.each([
    [{ phases: { passive: { length: -1 } } }, 'validation phases.passive.length'],
    [{ phases: { passive: { length: 0 } } }, 'validation phases.passive.length'],
    [{ phases: { passive: { length: 1.5 } } }, 'validation phases.passive.length'],
    [{ phases: { passive: { length: 365 } } }, 'validation phases.passive.length'],
    [{ phases: { focused: { length: 10_000 } } }, 'validation phases.focused.length'],
    [{ phases: { other: { length: 3 } } }, 'validation phases.other'],
    [{ startsAt: iso(400 * DAY) }, 'validation phases.passive.plannedStart'],
    [{ startsAt: 'tomorrow' }, 'validation startsAt'],
    [{ prediction: { text: '', favoured: 'focused' } }, 'validation prediction.text'],
    [{ prediction: { text: 'x'.repeat(1001), favoured: 'focused' } }, 'validation prediction.text'],
    [{ prediction: { text: 'x', favoured: 'both' } }, 'validation prediction.favoured'],
    [{ measurement: { name: 'interruptions' } }, 'validation measurement'],
    [{ templateId: 'nope' }, 'not_found'],
    [{ extra: 1 }, 'validation extra'],
    [{ ratingDelayHours: -1 }, 'validation ratingDelayHours'],
    [{ ratingDelayHours: 1.5 }, 'validation ratingDelayHours'],
    [{ ratingDelayHours: 337 }, 'validation ratingDelayHours'],
    [{ ratingDelayHours: '2' }, 'validation ratingDelayHours'],
  ])('refuses %j', (patch, expected) => {
    const input = { templateId: 'week-vs-20-minutes', prediction, ...patch };
    expect(fieldOf(() => createExperiment(input, { id: 'e', now: NOW }))).toBe(expected);
  });

  it('requires a named measurement for baseline-vs-change', () => {
    expect(
      fieldOf(() =>
        createExperiment({ templateId: 'baseline-vs-change', prediction }, { id: 'e', now: NOW }),
      ),
    ).toBe('validation measurement');
  });
});
