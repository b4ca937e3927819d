/*
 * Times as a visitor reads them. Slots come with their local date and time from the server;
 * instants (a booking's start) are formatted here in the zone they belong to.
 */

const LOCALE = 'en-GB';

/** "Wed 17 Mar" from a local date (YYYY-MM-DD), whatever this browser's zone. */
export function shortDay(date: string): { weekday: string; day: string } {
  const at = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', ...options }).format(at);
  return { weekday: part({ weekday: 'short' }), day: part({ day: 'numeric', month: 'short' }) };
}

/** "Wednesday 17 March 2027" from a local date. */
export function longDay(date: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Wednesday 17 March 2027, 04:00–05:00" for an instant range in `timeZone`. */
export function timeRange(start: string, end: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat(LOCALE, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(start));
  const clock = new Intl.DateTimeFormat(LOCALE, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day}, ${clock.format(new Date(start))}–${clock.format(new Date(end))}`;
}

/** "America/New York": a zone's name as words. */
export const zoneName = (zone: string) => zone.replace(/_/g, ' ');

/** "60 minutes", "2 hours 30 minutes": up to 90 minutes reads best in minutes. */
export function duration(minutes: number): string {
  if (minutes <= 90) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} hours` : `${hours} hours ${rest} minutes`;
}

/** "30 seconds", "2 minutes": how long to wait before trying again. */
export function wait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
