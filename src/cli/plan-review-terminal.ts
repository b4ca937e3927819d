import { WhetstoneError } from '../core/errors.js';
import { parseCadence } from '../core/plans/cadence-parse.js';
import { PLAN_REVIEW_AHEAD_DAYS_MAX } from '../core/plans/plan.js';
import { REVIEW_DECISIONS, type ReviewDecision, type ReviewPrompt } from '../core/plans/review.js';
import { addDays, isLocalDate } from '../core/time-zone.js';
import type { PlanView } from '../services/plan.service.js';
import type { Asker, Checked } from './ask-terminal.js';
import { daysFromNow } from './plan-flags.js';

const out = (text: string) => process.stdout.write(text);

/** What `whet plan review` sends to the plan service. */
export interface PlanReviewAnswers {
  answers: { promptId: string; text: string }[];
  decision: ReviewDecision;
  note?: string;
  reviewOn?: string;
  cadence?: string;
  nextAction?: string;
}

/** `k`, `keep`, `a`, `adjust`, `d`, `drop` (any case) -> the decision. */
export function parseDecision(text: string, allowSkip = false): Checked<ReviewDecision | undefined> {
  const lower = text.toLowerCase();
  if (lower === '' && allowSkip) return { value: undefined };
  const decision = REVIEW_DECISIONS.find((d) => d === lower || d[0] === lower);
  if (decision) return { value: decision };
  return {
    problem: `Type keep, adjust or drop (or k, a, d)${allowSkip ? ', or press Enter to decide later' : ''}.`,
  };
}

/** A new review date typed as YYYY-MM-DD or 14d, from today up to a year ahead; blank = none yet. */
export function parseReviewDate(text: string, today: string): Checked<string | undefined> {
  if (text === '') return { value: undefined };
  const days = daysFromNow(text);
  const date = days === null ? text : addDays(today, days);
  if (!isLocalDate(date)) return { problem: 'Type a date like 2026-12-07, or 14d for two weeks from today.' };
  if (date < today) return { problem: `That is in the past (today is ${today}).` };
  const latest = addDays(today, PLAN_REVIEW_AHEAD_DAYS_MAX);
  if (date > latest) return { problem: `Choose a date up to a year ahead (on or before ${latest}).` };
  return { value: date };
}

function parseCadenceReply(text: string): Checked<string | undefined> {
  if (text === '') return { value: undefined };
  try {
    parseCadence(text);
    return { value: text };
  } catch (error) {
    if (error instanceof WhetstoneError) return { problem: error.issues[0]?.message ?? error.message };
    throw error;
  }
}

/**
 * The review of one plan, asked one question at a time: the review prompts not answered by flags
 * (Enter skips one), then keep, adjust or drop; for adjust, the new review date, cadence and next
 * action. Nothing is saved here; the caller sends the answers to the plan service.
 */
export async function askPlanReview(
  asker: Asker,
  plan: PlanView,
  options: {
    prompts: readonly ReviewPrompt[];
    given: readonly { promptId: string; text: string }[];
    today: string;
  },
): Promise<PlanReviewAnswers> {
  out(`Review: ${plan.title} (${plan.id})\n`);
  out(`  Success signal: ${plan.successSignal}\n`);
  out(`  Practice so far: ${plan.practice.blocks} blocks, ${plan.practice.minutes} min\n`);
  out('Answer in a line each; press Enter to skip a question.\n');
  const answers = [...options.given];
  const open = options.prompts.filter((p) => !answers.some((a) => a.promptId === p.id));
  for (const [i, prompt] of open.entries()) {
    out(`\n${i + 1}/${open.length} ${prompt.text}\n`);
    const text = await asker.text('› ');
    if (text !== undefined) answers.push({ promptId: prompt.id, text });
  }
  out('\nKeep it (it works), adjust it (go on differently) or drop it?\n');
  const decision = (await asker.ask('keep/adjust/drop › ', (t) => parseDecision(t)))!;
  if (decision !== 'adjust') return { answers, decision };
  out('\nWhen will you look again? (YYYY-MM-DD or 14d; Enter: decide later with whet plan resume)\n');
  const reviewOn = await asker.ask('review on › ', (t) => parseReviewDate(t, options.today));
  if (reviewOn === undefined) return { answers, decision };
  out(`New cadence? (e.g. 3x30/week; Enter keeps ${plan.cadenceText ?? 'none'})\n`);
  const cadence = await asker.ask('cadence › ', parseCadenceReply);
  out(`Next action? (Enter keeps "${plan.nextAction}")\n`);
  const nextAction = await asker.text('next › ');
  return {
    answers,
    decision,
    reviewOn,
    ...(cadence !== undefined && { cadence }),
    ...(nextAction !== undefined && { nextAction }),
  };
}
