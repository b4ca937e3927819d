import { browserTimeZone } from '../../shared/time-zone.js';

/** Every zone the browser knows (IANA names), or at least this one and UTC. */
export function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserTimeZone(), 'UTC'];
  }
}

/** "new york" matches America/New_York; every word must occur in the zone's name. */
export function matchesZone(zone: string, query: string): boolean {
  const words = query.trim().toLowerCase().replace(/\s+/g, '_').split(/[/_]+/).filter(Boolean);
  const name = zone.toLowerCase();
  return words.every((w) => name.includes(w));
}
