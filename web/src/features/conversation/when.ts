/** A conversation's time in the viewer's zone: "Thu 3 Dec, 14:00–15:00". */
export function timeRange(start: string, end: string): string {
  const day = new Date(start).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  return `${day}, ${time(start)}–${time(end)}`;
}

/** One offered start: "Thu 3 Dec, 14:00". */
export function startTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** Whether a string is a web address (a video link) rather than a place. */
export const isLink = (location: string) => /^https?:\/\//i.test(location);
