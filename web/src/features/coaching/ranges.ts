import type { LocalRange } from '../../../../src/core/coaching/availability.js';

/*
 * A time input cannot show `24:00`, the API's "until midnight": it is shown as 00:00 at the end of
 * a range and sent back as 24:00.
 */
export const shownEnd = (end: string) => (end === '24:00' ? '00:00' : end);
export const sentEnd = (end: string) => (end === '00:00' ? '24:00' : end);

const toMinutes = (time: string) => {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
};
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The range an "Add hours" press adds: 09:00–17:00 on an empty day, else an hour after the last. */
export function nextRange(ranges: readonly LocalRange[]): LocalRange {
  const last = ranges.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  const start = Math.min(toMinutes(last.end), 23 * 60);
  return { start: toTime(start), end: start + 60 >= 24 * 60 ? '24:00' : toTime(start + 60) };
}

/** `09:00–12:30`, for buttons' names. */
export const rangeText = (range: LocalRange) => `${range.start}–${shownEnd(range.end)}`;
