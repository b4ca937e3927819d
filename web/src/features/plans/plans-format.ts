// Kept only for the importers outside features/plans; new code imports labels, dates, format or queries.
export { browserTimeZone, clockTime, dayText, relativeDays, shortDayText, weekText } from './dates.js';
export { minutesText } from './format.js';
export { DECISION_HINTS, DECISION_LABELS, SOURCE_ORDER, SOURCE_SHORT, WEEKDAYS_SHORT } from './labels.js';
export { settingsChanged, useSettings } from './queries.js';
