import type { ReviewDecision } from '../core/plans/review.js';
import type { WeeklyReviewPage } from '../services/review.service.js';
import type { Asker } from './ask-terminal.js';
import { truncate } from './plan-output.js';
import { parseDecision } from './plan-review-terminal.js';

const out = (text: string) => process.stdout.write(text);

/** What `whet review` sends to the review service. */
export interface WeeklyReviewAnswers {
  weekOf: string;
  answers: { promptId: string; text: string }[];
  decisions: { planId: string; decision: ReviewDecision }[];
}

/**
 * The weekly review's questions, one at a time (Enter skips one), then keep, adjust or drop for
 * each plan waiting for a decision (Enter leaves it for later). Adjusted plans are only pointed at
 * `whet plan resume`: they need a new review date, not another decision.
 */
export async function askWeeklyReview(asker: Asker, page: WeeklyReviewPage): Promise<WeeklyReviewAnswers> {
  const { summary, prompts } = page;
  out(`\n${prompts.length} questions; answer in a line each, or press Enter to skip one.\n`);
  const answers: WeeklyReviewAnswers['answers'] = [];
  for (const [i, prompt] of prompts.entries()) {
    out(`\n${i + 1}/${prompts.length} ${prompt.text}\n`);
    const text = await asker.text('› ');
    if (text !== undefined) answers.push({ promptId: prompt.id, text });
  }
  const decisions: WeeklyReviewAnswers['decisions'] = [];
  const open = summary.plansDue.filter((p) => p.state !== 'adjusted');
  if (open.length > 0) out('\nPlans due for a decision: keep, adjust or drop (Enter: decide later).\n');
  for (const plan of open) {
    const week = summary.practice.plans.find((p) => p.planId === plan.planId);
    const practised = week ? `, ${week.loggedMinutes} min practised this week` : '';
    out(`\n${truncate(plan.title, 60)} (${plan.planId}, review on ${plan.reviewOn}${practised})\n`);
    const decision = await asker.ask('keep/adjust/drop › ', (t) => parseDecision(t, true));
    if (decision) decisions.push({ planId: plan.planId, decision });
  }
  for (const plan of summary.plansDue.filter((p) => p.state === 'adjusted'))
    out(
      `\n${plan.title} was adjusted; give it a new review date: whet plan resume ${plan.planId} --review YYYY-MM-DD\n`,
    );
  return { weekOf: summary.weekOf, answers, decisions };
}
