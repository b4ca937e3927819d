import type { PlanView } from '../../../../../src/core/plans/views.js';

/** What each step of a plan's review gets: the plan, today's date, and where the changed plan goes. */
export interface PlanReviewStepProps {
  plan: PlanView;
  today: string;
  onChanged: (plan: PlanView) => void;
}
