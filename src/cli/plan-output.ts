import { PLAN_KIND_LABELS } from '../core/plans/plan.js';
import type { PlanWeek } from '../core/plans/week-summary.js';
import { plural } from '../core/plural.js';
import { zoned } from '../core/time-zone.js';
import type { PlanView } from '../services/plan.service.js';

const out = (text: string) => process.stdout.write(text);

/** An instant as a local date and time in the person's zone: `2026-11-23 09:30`. */
export function zonedTime(iso: string, timeZone: string): string {
  const t = zoned(iso, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

export function truncate(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line;
}

/** "30 of 90 min this week (3 × 30 min a week)", or "30 min this week" without a cadence. */
export function weekProgress(
  week: PlanWeek | undefined,
  cadenceText: string | null,
  when = ' this week',
): string {
  const logged = week?.loggedMinutes ?? 0;
  if (!cadenceText || !week || week.expectedMinutes === 0) return `${logged} min${when}`;
  return `${logged} of ${Math.round(week.expectedMinutes)} min${when} (${cadenceText})`;
}

/** Where a plan stands, in a few words: "review due", "review on 2026-12-07", "kept". */
function standing(plan: PlanView): string {
  if (plan.state === 'adjusted') return 'adjusted, waiting for a new review date';
  if (plan.state === 'kept' || plan.state === 'dropped') return plan.state;
  return `${plan.state}, ${plan.reviewDue ? `review due (${plan.reviewOn})` : `review on ${plan.reviewOn}`}`;
}

/** What to do next with a plan, as a command. */
export function planNextCommand(plan: PlanView): string | undefined {
  if (plan.state === 'adjusted') return `whet plan resume ${plan.id} --review YYYY-MM-DD`;
  if (plan.reviewDue || plan.state === 'reviewing') return `whet plan review ${plan.id}`;
  if (plan.state === 'active' && plan.cadence)
    return `whet practice ${plan.cadence.minutes} --plan ${plan.id}`;
  return undefined;
}

/** `whet plan list`: one line per plan. */
export function printPlanTable(plans: readonly PlanView[]): void {
  if (plans.length === 0) {
    out('No plans match. Make one from an idea: whet plan create --from IDEA --title "…" --kind process …\n');
    return;
  }
  const width = Math.max(30, (process.stdout.columns ?? 100) - 60);
  out(`${'id'.padEnd(10)}  ${'state'.padEnd(9)}  ${'review'.padEnd(10)}  ${'kind'.padEnd(11)}  title\n`);
  for (const plan of plans) {
    const due = plan.reviewDue ? ' !' : '';
    const cadence = plan.cadenceText ? ` (${plan.cadenceText})` : '';
    out(
      `${plan.id.padEnd(10)}  ${plan.state.padEnd(9)}  ${plan.reviewOn}${due.padEnd(2)}${plan.kind.padEnd(11)}  ${truncate(plan.title + cadence, width)}\n`,
    );
  }
  if (plans.some((p) => p.reviewDue)) out('! review due: whet plan review ID\n');
}

/** `whet plan show`: the plan's fields, its ideas, this week's practice and its reviews. */
export function printPlan(
  plan: PlanView,
  context: { week: PlanWeek | undefined; timeZone: string; areaName: string | undefined },
): void {
  const rows: [string, string][] = [
    ['id', plan.id],
    ['kind', PLAN_KIND_LABELS[plan.kind]],
    ['state', standing(plan)],
    ['area', context.areaName ?? plan.areaId ?? '—'],
  ];
  if (plan.subSkill) rows.push(['sub-skill', plan.subSkill]);
  if (plan.exercise) rows.push(['exercise', `${plan.exercise.title} (${plan.exercise.id})`]);
  rows.push(
    ['cadence', plan.cadenceText ?? '—'],
    ['next', plan.nextAction],
    ['signal', plan.successSignal],
    ['this week', weekProgress(context.week, plan.cadenceText, '')],
    [
      'practice',
      plan.practice.blocks === 0
        ? 'none logged yet'
        : `${plural(plan.practice.blocks, 'block')}, ${plan.practice.minutes} min in all, last ${zonedTime(plan.practice.lastAt!, context.timeZone)}`,
    ],
    ['created', zonedTime(plan.createdAt, context.timeZone)],
  );
  out(`${plan.title}\n\n`);
  for (const [label, value] of rows) out(`  ${label.padEnd(11)}${value}\n`);
  if (plan.exercise) out(`\n  Exercise: ${plan.exercise.instructions}\n`);
  out(`\n  Ideas (${plan.ideas.length})\n`);
  for (const idea of plan.ideas)
    out(`    ${idea.id}  ${idea.status.padEnd(7)}  ${truncate(idea.text, 70)}\n`);
  if (plan.reviews.length > 0) {
    out(`\n  Reviews (${plan.reviews.length})\n`);
    for (const review of plan.reviews) {
      const changes = [
        review.newReviewOn && `next review ${review.newReviewOn}`,
        review.newNextAction && `next: ${review.newNextAction}`,
      ].filter(Boolean);
      out(
        `    ${zonedTime(review.createdAt, context.timeZone)}  ${review.decision}${changes.length ? ` (${changes.join('; ')})` : ''}${review.note ? `  "${review.note}"` : ''}\n`,
      );
      for (const answer of review.answers) out(`      ${answer.promptId}: ${truncate(answer.text, 90)}\n`);
    }
  }
  const next = planNextCommand(plan);
  if (next) out(`\nNext: ${next}\n`);
}

/** What a decision did, in one or two lines. */
export function printDecided(plan: PlanView, decision: string): void {
  const ideas = plan.ideas.map((i) => `${i.id} ${i.status}`).join(', ');
  const ideaLine = ideas ? ` Ideas: ${ideas}.` : '';
  if (decision === 'adjust' && plan.state === 'adjusted')
    out(
      `Adjusted "${plan.title}".${ideaLine}\nSet when to look again: whet plan resume ${plan.id} --review YYYY-MM-DD\n`,
    );
  else if (decision === 'adjust')
    out(
      `Adjusted "${plan.title}": back at work${plan.cadenceText ? ` (${plan.cadenceText})` : ''}, next review on ${plan.reviewOn}.${ideaLine}\n`,
    );
  else out(`${decision === 'keep' ? 'Kept' : 'Dropped'} "${plan.title}".${ideaLine}\n`);
}
