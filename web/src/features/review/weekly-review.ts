import type { ReviewDecision, WeeklyReviewInput } from '../../../../src/core/plans/review.js';
import type { WeeklyReviewPage } from '../../../../src/core/plans/views.js';
import { ApiError } from '../../shared/api/client.js';
import { answersOf } from '../plans/prompt-answers.js';

/** The weekly review form: an answer per prompt id, a decision per due plan ('' = not now). */
export interface WeeklyValues {
  answers: Record<string, string>;
  decisions: Record<string, ReviewDecision | ''>;
}

/** A plan's key among the decisions: plan ids may be all digits, which a form path reads as an index. */
export const decisionKey = (planId: string) => `plan-${planId}`;

type DuePlan = WeeklyReviewPage['summary']['plansDue'][number];

/** Due plans that take a decision now; an adjusted plan waits for its new review date. */
export function decidablePlans(page: WeeklyReviewPage): DuePlan[] {
  return page.summary.plansDue.filter((p) => p.state !== 'adjusted');
}

export function initialValues(page: WeeklyReviewPage): WeeklyValues {
  const written = new Map((page.review?.answers ?? []).map((a) => [a.promptId, a.text]));
  return {
    answers: Object.fromEntries(page.prompts.map((p) => [p.id, written.get(p.id) ?? ''])),
    decisions: Object.fromEntries(decidablePlans(page).map((p) => [decisionKey(p.planId), ''])),
  };
}

/** What is sent: the prompts answered (in the page's order) and the plans decided. */
export function weeklyInput(page: WeeklyReviewPage, values: WeeklyValues) {
  const answers = answersOf(page.prompts, values.answers);
  const decided = decidablePlans(page).flatMap((p) => {
    const decision = values.decisions[decisionKey(p.planId)];
    return decision ? [{ planId: p.planId, decision }] : [];
  });
  const input: WeeklyReviewInput = {
    weekOf: page.summary.weekOf,
    answers,
    decisions: decided,
  };
  return { input, answered: answers.map((a) => a.promptId), decided: decided.map((d) => d.planId) };
}

/**
 * The server names fields by position in what was sent (answers.1.text, decisions.0.decision);
 * the form names them by prompt and plan. Returns the same refusal with the form's names.
 */
export function withFormFields(error: unknown, answered: string[], decided: string[]): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors) return error;
  const errors = error.problem.errors.map((issue) => {
    const [list, index] = issue.field.split('.');
    const position = Number(index);
    if (list === 'answers' && answered[position] !== undefined)
      return { ...issue, field: `answers.${answered[position]}` };
    if (list === 'decisions' && decided[position] !== undefined)
      return { ...issue, field: `decisions.${decisionKey(decided[position])}` };
    return issue;
  });
  return new ApiError(error.status, error.message, { ...error.problem, errors });
}
