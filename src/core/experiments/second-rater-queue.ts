import { seededRandom } from '../decks/draw.js';
import type { SecondRaterQueueView } from './second-rater.js';

/** A kept item of the frozen queue, as far as the second rater may know it. */
export interface SecondRaterItem {
  token: string;
  text: string;
}

export interface SecondRaterValue {
  itemToken: string;
  value: number;
  ratedAt: string;
}

/**
 * The second rater's order: the kept items shuffled (Fisher–Yates) with the invitation's own seed,
 * so it is not the researcher's order, yet the same on every visit. The input order does not
 * matter (tokens are sorted first).
 */
export function secondRaterOrder<T extends SecondRaterItem>(items: readonly T[], seed: string): T[] {
  const shuffled = [...items].sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  const random = seededRandom(`second-rater-order:${seed}`);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

/** The queue as the second rater sees it; `first` serves an idea an undo just gave back. */
export function secondRaterQueueView(
  ordered: readonly SecondRaterItem[],
  values: readonly SecondRaterValue[],
  state: { raterName: string | null; finished: boolean; first?: string },
): SecondRaterQueueView {
  const byToken = new Map(values.map((v) => [v.itemToken, v]));
  const unrated = ordered.filter((item) => !byToken.has(item.token));
  const next = state.finished
    ? undefined
    : (unrated.find((item) => item.token === state.first) ?? unrated[0]);
  const texts = new Map(ordered.map((item) => [item.token, item.text]));
  const ratings = [...values]
    .filter((v) => texts.has(v.itemToken))
    .sort((a, b) => Date.parse(b.ratedAt) - Date.parse(a.ratedAt))
    .map((v) => ({ token: v.itemToken, text: texts.get(v.itemToken)!, value: v.value }));
  return {
    raterName: state.raterName,
    total: ordered.length,
    rated: ratings.length,
    finished: state.finished,
    next: next ? { token: next.token, text: next.text } : null,
    ratings,
  };
}

/** The most recent of the second rater's values (what "undo" takes back). */
export function lastSecondRating(values: readonly SecondRaterValue[]): SecondRaterValue | undefined {
  return [...values].sort((a, b) => Date.parse(b.ratedAt) - Date.parse(a.ratedAt))[0];
}

/** Now, or a millisecond after the latest rating if the clock has not moved, so "the last" is one. */
export function secondRatingInstant(values: readonly SecondRaterValue[], now: Date): string {
  const latest = Math.max(-Infinity, ...values.map((v) => Date.parse(v.ratedAt)));
  return new Date(Math.max(now.getTime(), latest + 1)).toISOString();
}
