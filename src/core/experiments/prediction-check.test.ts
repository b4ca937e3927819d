import { describe, expect, it } from 'vitest';
import type { Favoured } from './experiment.js';
import { checkIdeaPrediction, checkMeasurementPrediction } from './prediction-check.js';

const WEEK = 'A week of noticing';
const SESSION = 'One focused session';

/** Passive total first, focused second, as the report passes them. */
function check(
  favoured: Favoured,
  byHowMuch: string | null,
  passive: number,
  focused: number,
  outcome: Favoured | 'unclear',
) {
  return checkIdeaPrediction({
    favoured,
    byHowMuch,
    phases: [
      { label: WEEK, totalValue: passive },
      { label: SESSION, totalValue: focused },
    ],
    outcome,
  });
}

describe('checkIdeaPrediction', () => {
  it('matches in direction and size when the favoured phase leads by at least the predicted size', () => {
    // 40 / 30 - 1 = 0.3333… = exactly a third: at the threshold counts as reached.
    const c = check('focused', 'a third more value', 30, 40, 'focused');
    expect(c).toMatchObject({ match: 'matched', predicted: { bound: 'at-least' } });
    expect(c.observed).toBeCloseTo(1 / 3, 12);
    expect(c.text).toBe('Matched in direction and size (predicted ≥ +33%, observed +33%).');
  });

  it('says the direction was right but the size smaller than predicted', () => {
    // 28 / 25 - 1 = 0.12 = +12%, below a third (+33%). The report's outcome is "about the same"
    // (3 / 28 = 11% of the larger total, within 20%), but the direction is still the predicted one.
    const c = check('focused', 'a third more value', 25, 28, 'no-difference');
    expect(c.match).toBe('smaller-than-predicted');
    expect(c.observed).toBeCloseTo(0.12, 12);
    expect(c.text).toBe('Right direction, smaller than predicted (predicted ≥ +33%, observed +12%).');
  });

  it('shows a decimal when whole percentages would hide the side of the threshold', () => {
    // 43 / 33 - 1 = 10 / 33 = 0.3030… → +30%, vs "30%": matched; 130 / 100 is exactly +30%.
    expect(check('focused', '30%', 33, 43, 'focused').text).toBe(
      'Matched in direction and size (predicted ≥ +30%, observed +30.3%).',
    );
    // 65 / 49 - 1 = 16 / 49 = 0.3265… → +33% like a third (0.3333…), but below it.
    expect(check('focused', 'a third more', 49, 65, 'focused').text).toBe(
      'Right direction, smaller than predicted (predicted ≥ +33.3%, observed +32.7%).',
    );
  });

  it('reads the favoured phase the other way round for a passive prediction', () => {
    // Passive 30, focused 12: 30 / 12 - 1 = 1.5 = +150%, at least twice (+100%).
    const c = check('passive', 'twice as much', 30, 12, 'passive');
    expect(c.match).toBe('matched');
    expect(c.observed).toBe(1.5);
    expect(c.text).toBe('Matched in direction and size (predicted ≥ +100%, observed +150%).');
  });

  it('says so when the other phase was ahead', () => {
    // Predicted focused; observed (15 − 17) / 17 = −0.1176…, said from the leader's side:
    // (17 − 15) / 15 = 0.133… → "ahead by 13%".
    const c = check('focused', 'a third more value', 17, 15, 'no-difference');
    expect(c.match).toBe('opposite');
    expect(c.observed).toBeCloseTo(-2 / 17, 12);
    expect(c.text).toBe(
      `Opposite direction: ${WEEK} was ahead by 13% (predicted: ${SESSION} ahead by ≥ 33%).`,
    );
    // Without a size: 40 vs 10, (40 − 10) / 10 = +300%.
    expect(check('focused', null, 40, 10, 'passive').text).toBe(
      `Opposite direction: ${WEEK} was ahead by 300%.`,
    );
  });

  it('compares an upper bound both ways', () => {
    // 36 / 30 - 1 = 0.2 = +20%: within "up to 20%"; 45 / 30 - 1 = 0.5 = +50%: larger.
    expect(check('focused', 'up to 20%', 30, 36, 'no-difference').match).toBe('matched');
    const larger = check('focused', 'up to 20%', 30, 45, 'focused');
    expect(larger.match).toBe('larger-than-predicted');
    expect(larger.text).toBe('Right direction, larger than predicted (predicted ≤ +20%, observed +50%).');
  });

  it('checks the direction alone when no size was predicted, and says plainly when one could not be read', () => {
    // 21 / 15 - 1 = 0.4 = +40%.
    expect(check('focused', null, 15, 21, 'focused')).toEqual({
      match: 'direction',
      text: 'Matched in direction (observed +40%); no size was predicted.',
      predicted: null,
      observed: 0.4,
    });
    const unread = check('focused', 'much more', 15, 21, 'focused');
    expect(unread.match).toBe('direction');
    expect(unread.text).toContain(
      'the size "much more" could not be read as a number, so it was not compared',
    );
    // 17 / 15 - 1 = +13%, but the report calls 17 vs 15 about the same.
    expect(check('focused', null, 15, 17, 'no-difference')).toMatchObject({
      match: 'too-small-to-call',
      text: expect.stringMatching(/^Right direction, but too small to call a winner \(observed \+13%;/),
    });
  });

  it('does not match a predicted winner on equal totals', () => {
    expect(check('focused', 'a third', 20, 20, 'no-difference')).toMatchObject({
      match: 'no-difference',
      observed: 0,
      text: 'Not matched: no difference in total value (predicted ≥ +33%, observed 0%).',
    });
  });

  it('checks a predicted tie against "about the same"', () => {
    // 17 / 15 - 1 = +13%.
    expect(check('no-difference', null, 15, 17, 'no-difference').text).toBe(
      `Matched: about the same (${SESSION} +13%).`,
    );
    // 40 / 10 - 1 = +300%.
    expect(check('no-difference', 'within 10%', 10, 40, 'focused')).toMatchObject({
      match: 'no-difference',
      text: `Not matched: ${SESSION} produced clearly more (${SESSION} +300%), not about the same; "within 10%" is not compared for a prediction of no difference.`,
    });
  });

  it('cannot tell when the result is unclear', () => {
    expect(check('focused', 'a third', 1, 9, 'unclear')).toEqual({
      match: 'unclear',
      text: 'Cannot tell: the result is unclear.',
      predicted: null,
      observed: null,
    });
  });
});

describe('checkMeasurementPrediction', () => {
  const phases = [{ label: 'Baseline' }, { label: 'With the change' }] as const;
  it('checks the direction and says the size is not compared', () => {
    expect(
      checkMeasurementPrediction({
        favoured: 'focused',
        byHowMuch: 'halve them',
        phases,
        outcome: 'focused',
      }),
    ).toMatchObject({
      match: 'direction',
      text: 'Matched in direction; the size "halve them" is not compared for a measurement.',
    });
    expect(
      checkMeasurementPrediction({ favoured: 'focused', byHowMuch: null, phases, outcome: 'passive' }).text,
    ).toBe('Opposite direction: Baseline came out better.');
    expect(
      checkMeasurementPrediction({ favoured: 'passive', byHowMuch: null, phases, outcome: 'no-difference' })
        .match,
    ).toBe('no-difference');
  });
});
