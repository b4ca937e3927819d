/**
 * Reading the free-text "by how much" of a prediction as a size that can be compared with a
 * result. A prediction's size is a relative advantage of the favoured phase's total value over the
 * other's: "a third more" is +33%, "twice as much" +100%, "at least 30%" +30%. The text is read as
 * a minimum ("at least") unless it says "at most", "up to", "no more than" or "less than".
 * Anything else ("much more", "3 ideas") is not read, and the report says so instead of guessing.
 */

export interface ExpectedSize {
  /** The relative advantage: 0.5 means the favoured phase's total is 50% above the other's. */
  relative: number;
  bound: 'at-least' | 'at-most';
}

const WORD_FRACTIONS: readonly [RegExp, number][] = [
  [/\b(two|2) thirds\b/, 2 / 3],
  [/\b(three|3) quarters\b/, 3 / 4],
  [/\b(a|one) third\b/, 1 / 3],
  [/\b(a|one) (quarter|fourth)\b/, 1 / 4],
  [/\b(a|one) fifth\b/, 1 / 5],
  [/\b(a|one) tenth\b/, 1 / 10],
  [/\bhalf\b/, 1 / 2],
];

const WORD_MULTIPLIERS: readonly [RegExp, number][] = [
  [/\b(half as (much|many) again|one and a half times)\b/, 1.5],
  [/\b(twice|double[sd]?|two times)\b/, 2],
  [/\b(triple[sd]?|thrice|three times)\b/, 3],
  [/\b(quadruple[sd]?|four times)\b/, 4],
];

const AT_MOST = /\b(at most|up to|no more than|not more than|less than|under)\b/;

/** The size a prediction's "by how much" states, or null when it states none that can be read. */
export function parseExpectedSize(text: string | null | undefined): ExpectedSize | null {
  if (!text) return null;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const bound: ExpectedSize['bound'] = AT_MOST.test(lower) ? 'at-most' : 'at-least';
  const relative = readRelative(lower);
  return relative === null || !(relative > 0) || !Number.isFinite(relative) ? null : { relative, bound };
}

function readRelative(lower: string): number | null {
  const percent = /(\d+(?:[.,]\d+)?) ?(%|percent\b|per cent\b)/.exec(lower);
  if (percent) return Number(percent[1]!.replace(',', '.')) / 100;
  const times = /(\d+(?:[.,]\d+)?) ?(x|×|times)(?![a-z])/.exec(lower);
  if (times) return Number(times[1]!.replace(',', '.')) - 1;
  for (const [pattern, factor] of WORD_MULTIPLIERS) if (pattern.test(lower)) return factor - 1;
  for (const [pattern, fraction] of WORD_FRACTIONS) if (pattern.test(lower)) return fraction;
  return null;
}

/** "33%", "12.5%": the size of a relative difference as a percentage, without its sign. */
export function percentOf(relative: number, digits = 0): string {
  return `${Number((Math.abs(relative) * 100).toFixed(digits))}%`;
}

/** "+33%", "−12%", "0%": a relative difference as a whole percentage with its sign. */
export function signedPercent(relative: number, digits = 0): string {
  const size = percentOf(relative, digits);
  return size === '0%' ? size : `${relative > 0 ? '+' : '−'}${size}`;
}

/** How the size reads in a verdict: "≥ +33%", "≤ +20%"; `signed: false` drops the "+". */
export function expectedSizeText(size: ExpectedSize, digits = 0, signed = true): string {
  const value = signed ? signedPercent(size.relative, digits) : percentOf(size.relative, digits);
  return `${size.bound === 'at-least' ? '≥' : '≤'} ${value}`;
}
