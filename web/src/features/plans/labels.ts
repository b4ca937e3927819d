import type { IdeaSource } from '../../../../src/core/ideas.js';
import type { Exercise } from '../../../../src/core/plans/exercises.js';
import type { PlanKind, PlanState } from '../../../../src/core/plans/plan.js';
import type { ReviewDecision } from '../../../../src/core/plans/review.js';

/** Words for plans, exercises, reviews and idea sources, as the plan pages show them. */

export const KIND_HINTS: Record<PlanKind, string> = {
  process: 'A different way of doing the work, e.g. a weekly planning hour.',
  environment: 'A change around you, e.g. notifications off during deep work.',
  practice: 'Deliberate practice of a sub-skill, in blocks on a cadence.',
};

export const STATE_LABELS: Record<PlanState, string> = {
  active: 'Active',
  reviewing: 'In review',
  adjusted: 'Adjusted',
  kept: 'Kept',
  dropped: 'Dropped',
};

export const DECISION_LABELS: Record<ReviewDecision, string> = {
  keep: 'Keep',
  adjust: 'Adjust',
  drop: 'Drop',
};

export const DECISION_HINTS: Record<ReviewDecision, string> = {
  keep: 'It works: make it part of how you work.',
  adjust: 'Worth going on with, differently.',
  drop: 'It did not earn its place.',
};

export const LEVEL_LABELS: Record<Exercise['level'], string> = {
  starter: 'Starter',
  stretch: 'Stretch',
  advanced: 'Advanced',
};

/** Ideas by source, in the order the charts stack them, with a short label each. */
export const SOURCE_ORDER: readonly IdeaSource[] = [
  'noticed',
  'session',
  'conversation',
  'review',
  'imported',
];
export const SOURCE_SHORT: Record<IdeaSource, string> = {
  noticed: 'Noticed',
  session: 'Session',
  conversation: 'Conversation',
  review: 'Review',
  imported: 'Imported',
};

export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
