import { describe, expect, it } from 'vitest';
import { expectedSizeText, parseExpectedSize, percentOf, signedPercent } from './expected-size.js';

describe('parseExpectedSize', () => {
  it.each([
    // Fractions are the relative advantage itself: "a third more" = 1/3.
    ['a third more value', 1 / 3, 'at-least'],
    ['about a quarter more', 1 / 4, 'at-least'],
    ['two thirds more', 2 / 3, 'at-least'],
    ['half again as many good ideas', 1 / 2, 'at-least'],
    // Multipliers are the factor minus one: twice = 2 - 1 = +100%, 1.5x = +50%, three times = +200%.
    ['twice the total value', 1, 'at-least'],
    ['double', 1, 'at-least'],
    ['at least half as much again', 0.5, 'at-least'],
    ['1.5x', 0.5, 'at-least'],
    ['three times as much', 2, 'at-least'],
    ['2 times more', 1, 'at-least'],
    // Percentages: 30% = 0.3; a decimal comma reads as a point.
    ['at least 30% more', 0.3, 'at-least'],
    ['+50 percent', 0.5, 'at-least'],
    ['12,5 %', 0.125, 'at-least'],
    // Upper bounds.
    ['up to 20%', 0.2, 'at-most'],
    ['no more than a third', 1 / 3, 'at-most'],
  ])('reads "%s" as %d (%s)', (text, relative, bound) => {
    const size = parseExpectedSize(text);
    expect(size?.bound).toBe(bound);
    expect(size?.relative).toBeCloseTo(relative, 12);
  });

  it.each([null, '', 'much more', 'a lot', 'by 3 ideas', '0%', '1x'])('does not read %j', (text) => {
    expect(parseExpectedSize(text)).toBeNull();
  });
});

describe('size texts', () => {
  it('prints signed whole percentages, one decimal on request', () => {
    expect(signedPercent(1 / 3)).toBe('+33%');
    expect(signedPercent(-0.118)).toBe('−12%');
    expect(signedPercent(0.0004)).toBe('0%');
    expect(signedPercent(0.326, 1)).toBe('+32.6%');
    expect(expectedSizeText({ relative: 1 / 3, bound: 'at-least' })).toBe('≥ +33%');
    expect(expectedSizeText({ relative: 0.2, bound: 'at-most' })).toBe('≤ +20%');
    expect(expectedSizeText({ relative: 1 / 3, bound: 'at-least' }, 0, false)).toBe('≥ 33%');
    expect(percentOf(-0.125, 1)).toBe('12.5%');
  });
});
