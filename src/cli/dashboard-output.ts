import type { Dashboard } from '../core/plans/dashboard.js';
import type { HeatMap } from '../core/plans/interruptions.js';
import { plural } from '../core/plural.js';
import { truncate } from './plan-output.js';

/** Writes text, dropping the spaces that padding leaves at the end of its lines. */
const out = (text: string) => process.stdout.write(text.replace(/ +$/gm, ''));

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SHADES = ['░', '▒', '▓', '█'];

/** One cell of the heat map: `·` for none, then four shades up to the busiest cell. */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return '·';
  return SHADES[Math.min(SHADES.length, Math.ceil((count / max) * SHADES.length)) - 1]!;
}

/** The interruption heat map as text: weekdays down, local hours across. */
export function heatMapText(map: HeatMap): string {
  if (map.total === 0) return '  No interruptions logged. Log one with: whet interrupt [reason]\n';
  const header = Array.from({ length: 8 }, (_, i) => String(i * 3).padEnd(6)).join('');
  const rows = map.counts.map(
    (hours, day) => `  ${DAYS[day]}  ${hours.map((count) => shade(count, map.max)).join(' ')}\n`,
  );
  return (
    `       ${header.trimEnd()}   (hour of day, ${map.timeZone})\n${rows.join('')}` +
    `  · none  ${SHADES.join('')} more, up to ${map.max} in one hour; ${map.total} in all\n`
  );
}

/** A bar of `width` cells for `value` out of `max`. */
function bar(value: number, max: number, width = 20): string {
  if (max <= 0 || value <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * width)));
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** `whet dashboard`: every series as readable text. */
export function printDashboard(d: Dashboard, areaNames: ReadonlyMap<string, string>): void {
  out(
    `Dashboard: ${plural(d.weeks.length, 'week')} from ${d.weeks[0]} to today ${d.today} (${d.timeZone})\n`,
  );

  out('\nIdeas captured per week\n');
  const ideaMax = Math.max(0, ...d.ideasPerWeek.map((w) => w.total));
  for (const w of d.ideasPerWeek) {
    const sources = Object.entries(w.bySource)
      .filter(([, n]) => n > 0)
      .map(([source, n]) => `${source} ${n}`)
      .join(', ');
    out(`  ${w.weekOf}  ${String(w.total).padStart(3)}  ${bar(w.total, ideaMax).padEnd(20)}  ${sources}\n`);
  }

  const f = d.followThrough;
  out('\nFollow-through\n');
  out(
    `  ${plural(f.ideas, 'idea')}; ${f.withPlan} turned into a plan (${percent(f.planRate)}); ${f.adopted} adopted (${percent(f.rate)} of those with a plan)\n`,
  );

  out('\nPractice minutes per week (logged / expected by the cadences)\n');
  const practiceMax = Math.max(0, ...d.practiceByArea.map((w) => Math.max(w.minutes, w.expectedMinutes)));
  for (const w of d.practiceByArea) {
    const areas = w.areas
      .filter((a) => a.minutes > 0 || a.expectedMinutes > 0)
      .map(
        (a) =>
          `${a.areaId === null ? 'no area' : (areaNames.get(a.areaId) ?? a.areaId)} ${a.minutes}/${Math.round(a.expectedMinutes)}`,
      )
      .join(', ');
    out(
      `  ${w.weekOf}  ${String(w.minutes).padStart(4)} / ${String(Math.round(w.expectedMinutes)).padEnd(4)}  ${bar(w.minutes, practiceMax).padEnd(20)}  ${truncate(areas, 60)}\n`,
    );
  }

  out('\nStreaks (practice days; one missed day is forgiven)\n');
  const run = (r: { days: number; from: string | null }) =>
    r.days === 0 ? '0' : `${r.days} (since ${r.from})`;
  const { overall, plans } = d.streaks;
  out(`  overall: current ${run(overall.current)}, longest ${overall.longest.days}\n`);
  for (const p of plans)
    out(`  ${truncate(p.title, 40)}: current ${run(p.current)}, longest ${p.longest.days}\n`);

  out('\nUpcoming reviews\n');
  if (d.upcomingReviews.length === 0) out('  none in the next two weeks\n');
  for (const r of d.upcomingReviews) {
    const when = r.overdue
      ? `${-r.daysLeft} days overdue`
      : r.daysLeft === 0
        ? 'today'
        : `in ${plural(r.daysLeft, 'day')}`;
    out(`  ${r.reviewOn} (${when})  ${truncate(r.title, 50)}  whet plan review ${r.planId}\n`);
  }

  out('\nInterruptions by weekday and hour\n');
  out(heatMapText(d.heatMap));
}
