/** Plans and deliberate practice: the public API of the domain core (pure, no I/O). */
export * from './adherence.js';
export * from './cadence.js';
export * from './cadence-parse.js';
export * from './dashboard.js';
export * from './exercises.js';
export * from './feed.js';
export * from './interruptions.js';
export * from './linked-ideas.js';
export * from './plan.js';
export * from './practice.js';
export {
  normaliseRule,
  RULE_FREQUENCIES,
  RULE_INTERVAL_MAX,
  RULE_MAX_LENGTH,
  type RuleCheck,
  WEEKDAY_CODES,
  type WeekdayCode,
} from './recurrence.js';
export * from './review.js';
export * from './transitions.js';
export * from './week-summary.js';
