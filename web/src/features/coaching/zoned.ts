/* Instants shown as wall-clock dates and times in a named zone (the coach's or the booker's). */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let made = cache.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });
    cache.set(key, made);
  }
  return made;
}

/** `2027-03-10`: the local day of `iso` in `zone`, for grouping. */
export function localDay(iso: string, zone: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(iso),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `14:30`: the 24-hour wall-clock time of `iso` in `zone`. */
export function localTime(iso: string, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** `Wednesday, 10 March 2027`: a day heading, from the start of any instant on that day. */
export function dayHeading(iso: string, zone: string): string {
  return formatter(zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** Whether two zones show the same wall clock at `iso` (Europe/Berlin and Europe/Paris do). */
export function sameClock(iso: string, a: string, b: string): boolean {
  return a === b || (localDay(iso, a) === localDay(iso, b) && localTime(iso, a) === localTime(iso, b));
}
