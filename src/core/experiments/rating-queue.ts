import type { RatingQueueView } from './rating.js';

/**
 * The blind-rating queue as the rater sees it, from the frozen items (store order = shown order).
 * Plain code over plain data: the service feeds it rows and sends what it returns.
 */

/** What the queue needs of a frozen item; the store's row has more (idea id, phase). */
export interface QueueItem {
  token: string;
  text: string;
  /** Why the triage set it aside; null while it is kept. */
  excluded: string | null;
  value: number | null;
  ratedAt: string | null;
}

export interface QueueOptions {
  /** Tokens the rater put off: served after the others. */
  skip?: readonly string[];
  /** A token to serve first, if it is still unrated (the idea an undo just gave back). */
  first?: string;
}

/** Newest rating first; the instants are strictly increasing per queue (see ratingInstant). */
function byRecency(a: QueueItem, b: QueueItem): number {
  return Date.parse(b.ratedAt!) - Date.parse(a.ratedAt!);
}

export function ratingQueueView(
  stage: RatingQueueView['stage'],
  items: readonly QueueItem[],
  options: QueueOptions = {},
): RatingQueueView {
  const kept = items.filter((item) => item.excluded === null);
  const rated = kept.filter((item) => item.value !== null);
  const unrated = kept.filter((item) => item.value === null);
  const skip = options.skip ?? [];
  const next =
    stage === 'triage'
      ? null
      : (unrated.find((item) => item.token === options.first) ??
        unrated.find((item) => !skip.includes(item.token)) ??
        unrated[0]);
  return {
    stage,
    total: kept.length,
    rated: rated.length,
    excluded: items.length - kept.length,
    next: next ? { token: next.token, text: next.text } : null,
    ratings: [...rated]
      .sort(byRecency)
      .map((item) => ({ token: item.token, text: item.text, value: item.value! })),
    triage:
      stage === 'triage'
        ? items.map((item) => ({ token: item.token, text: item.text, excluded: item.excluded }))
        : [],
  };
}

/** The item "undo" takes back: the most recently rated one, if any. */
export function lastRated<T extends QueueItem>(items: readonly T[]): T | undefined {
  return items.filter((item) => item.ratedAt !== null && item.value !== null).sort(byRecency)[0];
}

/**
 * When a rating given `now` is recorded: now, or a millisecond after the queue's latest rating if
 * the clock has not moved past it, so "the last rating" is always one item.
 */
export function ratingInstant(items: readonly QueueItem[], now: Date): string {
  const latest = Math.max(-Infinity, ...items.filter((i) => i.ratedAt).map((i) => Date.parse(i.ratedAt!)));
  return new Date(Math.max(now.getTime(), latest + 1)).toISOString();
}
