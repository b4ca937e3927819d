import { plural } from '../../../../src/core/plural.js';

/** "7 days", "20 minutes". */
export function phaseLength(phase: { length: number; unit: 'days' | 'minutes' }): string {
  return plural(phase.length, phase.unit === 'days' ? 'day' : 'minute');
}

/** "p = 0.031", "p < 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

/** A difference with its sign: "+3", "−2.5" (a true minus), "0". */
export function signed(n: number): string {
  const text = Math.abs(n).toLocaleString(undefined, { maximumFractionDigits: 2 });
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : '0';
}

/** "42%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "4.5 (95% CI 1 to 7)". */
export function withInterval(
  interval: { estimate: number; lower: number; upper: number },
  format: (n: number) => string = (n) => n.toLocaleString(undefined, { maximumFractionDigits: 2 }),
): string {
  return `${format(interval.estimate)} (95% CI ${format(interval.lower)} to ${format(interval.upper)})`;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "5 days 3 h", "3 h 12 min", "12 min", "less than a minute". */
export function timeLeftText(ms: number): string {
  if (ms <= 0) return 'time is up';
  if (ms >= 2 * DAY_MS) {
    const days = Math.floor(ms / DAY_MS);
    const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
    return hours ? `${plural(days, 'day')} ${hours} h` : plural(days, 'day');
  }
  if (ms >= HOUR_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / 60_000);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (ms >= 60_000) return `${Math.ceil(ms / 60_000)} min`;
  return 'less than a minute';
}
