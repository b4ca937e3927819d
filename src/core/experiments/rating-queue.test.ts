import { describe, expect, it } from 'vitest';
import { lastRated, type QueueItem, ratingInstant, ratingQueueView } from './rating-queue.js';

const item = (token: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  token,
  text: `Idea ${token}`,
  excluded: null,
  value: null,
  ratedAt: null,
  ...extra,
});

describe('the blind-rating queue', () => {
  const items = [
    item('a', { value: 3, ratedAt: '2026-03-01T10:00:00.000Z' }),
    item('b', { excluded: 'Not an improvement idea' }),
    item('c'),
    item('d', { value: 5, ratedAt: '2026-03-01T10:01:00.000Z' }),
    item('e'),
  ];

  it('in the triage shows every idea, mixed, with what is set aside, and serves nothing to rate', () => {
    const view = ratingQueueView('triage', items);
    expect(view).toMatchObject({ stage: 'triage', total: 4, excluded: 1, rated: 2, next: null });
    expect(view.triage.map((i) => [i.token, i.excluded])).toEqual([
      ['a', null],
      ['b', 'Not an improvement idea'],
      ['c', null],
      ['d', null],
      ['e', null],
    ]);
  });

  it('serves the kept ideas in order, the put-off ones last, and an undone one first', () => {
    expect(ratingQueueView('rating', items).next?.token).toBe('c');
    expect(ratingQueueView('rating', items, { skip: ['c'] }).next?.token).toBe('e');
    // Everything left was put off: it comes round again.
    expect(ratingQueueView('rating', items, { skip: ['c', 'e'] }).next?.token).toBe('c');
    expect(ratingQueueView('rating', items, { first: 'e' }).next?.token).toBe('e');
    // A set-aside idea is never served, even when asked for.
    expect(ratingQueueView('rating', items, { first: 'b' }).next?.token).toBe('c');
    expect(ratingQueueView('rating', items).triage).toEqual([]);
  });

  it('lists the ratings given, the most recent first, which is what undo takes back', () => {
    expect(ratingQueueView('rating', items).ratings.map((r) => [r.token, r.value])).toEqual([
      ['d', 5],
      ['a', 3],
    ]);
    expect(lastRated(items)?.token).toBe('d');
    expect(lastRated([item('x')])).toBeUndefined();
  });

  it('records ratings at strictly increasing instants, so the last one is always one item', () => {
    const at = new Date('2026-03-01T10:01:00.000Z'); // the clock has not moved past d's rating
    expect(ratingInstant(items, at)).toBe('2026-03-01T10:01:00.001Z');
    expect(ratingInstant(items, new Date('2026-03-01T11:00:00.000Z'))).toBe('2026-03-01T11:00:00.000Z');
    expect(ratingInstant([], at)).toBe(at.toISOString());
  });
});
