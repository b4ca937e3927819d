/**
 * The words and limits of plans, practice, reviews and interruptions as plain data, so the
 * browser can load them without the schemas, Temporal and rrule the rest of core/plans needs.
 */

export const PLAN_TITLE_MAX = 200;
export const PLAN_NEXT_ACTION_MAX = 300;
export const PLAN_SUCCESS_SIGNAL_MAX = 300;
export const PLAN_IDEAS_MAX = 20;
/** A review date may be at most this many days ahead. */
export const PLAN_REVIEW_AHEAD_DAYS_MAX = 366;

export const PLAN_KINDS = ['process', 'environment', 'practice'] as const;

export const PLAN_KIND_LABELS: Record<(typeof PLAN_KINDS)[number], string> = {
  process: 'Process change',
  environment: 'Environment change',
  practice: 'Practice routine',
};

export const PLAN_STATES = ['active', 'reviewing', 'kept', 'adjusted', 'dropped'] as const;

export interface ReviewPrompt {
  id: string;
  text: string;
}

export const WEEKLY_REVIEW_PROMPTS: readonly ReviewPrompt[] = [
  { id: 'went-well', text: 'What went better this week than you expected, and what made the difference?' },
  { id: 'time-went', text: 'Where did time or attention go that you had not meant to give it?' },
  {
    id: 'edge',
    text: 'Was your practice at the edge of what you can do, or did it slide into the comfortable? How could you tell?',
  },
  { id: 'learned', text: 'What did you find out this week about how you work best?' },
  { id: 'one-change', text: 'If you changed one thing about next week, what would it be?' },
];

export const PLAN_REVIEW_PROMPTS: readonly ReviewPrompt[] = [
  { id: 'signal', text: 'Did the success signal happen? What did you actually see?' },
  { id: 'obstacles', text: 'What got in the way, and when did it show up?' },
  { id: 'worth-it', text: 'Knowing what you know now, would you start this plan again?' },
];

export const REVIEW_ANSWER_MAX = 2000;
export const REVIEW_NOTE_MAX = 500;

export const REVIEW_DECISIONS = ['keep', 'adjust', 'drop'] as const;

export const INTERRUPTION_REASON_MAX = 200;
export const INTERRUPTION_MINUTES_MAX = 480;

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const EXERCISE_TITLE_MAX = 120;
export const EXERCISE_INSTRUCTIONS_MAX = 2000;
export const EXERCISE_HARDER_MAX = 300;
export const EXERCISE_MINUTES_MIN = 5;
export const EXERCISE_MINUTES_MAX = 240;

export const PRACTICE_MINUTES_MAX = 480;
export const PRACTICE_NOTE_MAX = 1000;
export const DIFFICULTY_MIN = 1;
export const DIFFICULTY_MAX = 5;

/** Difficulty relative to one's own ability; 3 is the edge where deliberate practice happens. */
export const DIFFICULTY_LABELS: Record<number, string> = {
  1: 'easy',
  2: 'comfortable',
  3: 'at the edge',
  4: 'hard',
  5: 'beyond me',
};
