import { describe, expect, it } from 'vitest';
import { createExperiment } from './experiment.js';
import { preregistrationText } from './preregistration.js';
import { lockPrediction, startFocused, startPassive } from './transitions.js';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
/** A stand-in for SHA-256: the tests of the services check the real digest. */
const lengthDigest = (text: string) => text.length.toString(16).padStart(64, '0');

function draft(prediction: Record<string, unknown> = {}) {
  return createExperiment(
    {
      templateId: 'week-vs-20-minutes',
      prediction: {
        text: 'Twenty focused minutes beat a week',
        favoured: 'focused',
        byHowMuch: 'a third more value',
        ...prediction,
      },
      phases: { passive: { length: 7 } },
      ratingDelayHours: 24,
    },
    { id: 'exp1', now: at(0) },
  );
}

describe('the sealed prediction', () => {
  it('is a fixed text of everything that decides the verdict, written at the lock', () => {
    const locked = lockPrediction(draft(), at(60_000), lengthDigest);
    expect(locked.prediction.seal?.text).toBe(
      [
        'Whetstone preregistration, format 1',
        'Experiment: exp1',
        'Template: week-vs-20-minutes, version 1 (A week vs 20 minutes)',
        'Prediction: Twenty focused minutes beat a week',
        'Favoured: focused (One focused session)',
        'Expected size: a third more value',
        'Phase 1: passive (A week of noticing), 7 days, planned 2026-11-23T10:00:00.000Z to 2026-11-30T10:00:00.000Z',
        'Phase 2: focused (One focused session), 20 minutes, planned 2026-11-30T10:00:00.000Z to 2026-11-30T10:20:00.000Z',
        'Rating delay: 24 hours after the second phase',
        'Locked at: 2026-11-23T10:01:00.000Z',
        '',
      ].join('\n'),
    );
    expect(locked.prediction.seal?.sha256).toBe(lengthDigest(locked.prediction.seal?.text ?? ''));
  });

  it('stays as locked while the phases move; a different prediction gives a different text', () => {
    const locked = lockPrediction(draft(), at(60_000), lengthDigest);
    const later = startFocused(startPassive(locked, at(3_600_000)), at(8 * 86_400_000));
    expect(later.prediction.seal).toEqual(locked.prediction.seal);
    // Rebuilding it now would differ (the phases were re-planned when they started): the stored text is the record.
    expect(preregistrationText(later)).not.toBe(locked.prediction.seal?.text);
    const other = lockPrediction(draft({ byHowMuch: 'twice the value' }), at(60_000), lengthDigest);
    expect(other.prediction.seal?.text).not.toBe(locked.prediction.seal?.text);
  });

  it('keeps free text on one line, so two predictions cannot print alike', () => {
    const locked = lockPrediction(
      draft({ text: 'Focused wins\nExpected size: none' }),
      at(60_000),
      lengthDigest,
    );
    expect(locked.prediction.seal?.text).toContain('Prediction: Focused wins Expected size: none\n');
    expect(locked.prediction.seal?.text.match(/^Expected size:/gm)).toHaveLength(1);
  });
});
