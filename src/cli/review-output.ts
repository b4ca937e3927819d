import { SOURCE_LABELS } from '../core/ideas.js';
import type { PlanReview, WeeklyReview } from '../core/plans/review.js';
import type { WeekSummary } from '../core/plans/week-summary.js';
import { plural } from '../core/plural.js';
import { truncate, weekProgress, zonedTime } from './plan-output.js';

const out = (text: string) => process.stdout.write(text);

/** The week's numbers: ideas by source, practice against the cadences, interruptions, plans due. */
export function printWeekSummary(s: WeekSummary): void {
  out(`Week of ${s.weekOf} to ${s.weekEnd} (${s.timeZone})\n`);
  const sources = Object.entries(s.ideas.bySource)
    .filter(([, n]) => n > 0)
    .map(([source, n]) => `${SOURCE_LABELS[source as keyof typeof SOURCE_LABELS].toLowerCase()} ${n}`);
  out(`  Ideas          ${s.ideas.total}${sources.length ? ` (${sources.join(', ')})` : ''}\n`);
  const unplanned = s.practice.unplannedMinutes ? `, ${s.practice.unplannedMinutes} outside plans` : '';
  out(`  Practice       ${plural(s.practice.blocks, 'block')}, ${s.practice.minutes} min${unplanned}\n`);
  for (const p of s.practice.plans)
    out(`    ${truncate(p.title, 36).padEnd(36)}  ${weekProgress(p, p.cadence)}\n`);
  const lost = s.interruptions.minutes ? ` (${s.interruptions.minutes} min logged)` : '';
  out(`  Interruptions  ${s.interruptions.count}${lost}\n`);
  out(`  Plans due      ${s.plansDue.length}\n`);
  for (const p of s.plansDue) {
    const when =
      p.state === 'adjusted'
        ? 'adjusted, needs a new review date'
        : `review on ${p.reviewOn}${p.overdue ? ', overdue' : ''}`;
    out(`    ${p.planId}  ${truncate(p.title, 40)} (${when})\n`);
  }
}

/** `whet review history`: weekly reviews and plan reviews, newest first. */
export function printReviewHistory(
  history: { weekly: readonly WeeklyReview[]; plans: readonly PlanReview[] },
  titles: ReadonlyMap<string, string>,
  prompts: ReadonlyMap<string, string>,
  timeZone: string,
): void {
  if (history.weekly.length === 0 && history.plans.length === 0) {
    out('No reviews yet. Review this week with: whet review\n');
    return;
  }
  const title = (id: string) => `"${truncate(titles.get(id) ?? id, 40)}"`;
  out(`Weekly reviews (${history.weekly.length})\n`);
  for (const r of history.weekly) {
    const decided = r.decisions.map((d) => `${d.decision} ${title(d.planId)}`).join(', ');
    out(
      `  week of ${r.weekOf} (written ${zonedTime(r.createdAt, timeZone)})${decided ? `: ${decided}` : ''}\n`,
    );
    for (const a of r.answers)
      out(`    ${truncate(prompts.get(a.promptId) ?? a.promptId, 50)}\n      ${truncate(a.text, 100)}\n`);
  }
  out(`\nPlan reviews (${history.plans.length})\n`);
  for (const r of history.plans) {
    const note = r.note ? `: "${truncate(r.note, 60)}"` : '';
    out(`  ${zonedTime(r.createdAt, timeZone)}  ${r.decision.padEnd(6)}  ${title(r.planId)}${note}\n`);
  }
}
