import type { IdeaStatus } from '../../../src/core/idea-status.js';
import type { Effort } from '../../../src/core/ideas.js';

export const STATUS_LABELS: Record<IdeaStatus, string> = {
  new: 'New',
  planned: 'Planned',
  trying: 'Trying',
  adopted: 'Adopted',
  dropped: 'Dropped',
};

export const EFFORT_LABELS: Record<Effort, string> = {
  S: 'Small',
  M: 'Medium',
  L: 'Large',
};

/** What each value means, shown as hints on the 1-5 picker. */
export const VALUE_HINTS: Record<number, string> = {
  1: 'Nice to have',
  2: 'Small gain',
  3: 'Solid gain',
  4: 'Big gain',
  5: 'Game changer',
};

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "just now", "5 min. ago", "yesterday", "3 Mar" — short enough for a list row. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  const date = new Date(then);
  return date.getFullYear() === new Date(now).getFullYear()
    ? dayMonth.format(date)
    : dayMonthYear.format(date);
}

export function fullTime(iso: string): string {
  return full.format(new Date(iso));
}

/** A field name from the API as words, for messages such as "Text must be at most 2000 characters". */
const FIELD_NAMES: Record<string, string> = {
  text: 'Text',
  areaId: 'Area',
  area: 'Area',
  status: 'Status',
  value: 'Value',
  effort: 'Effort',
  context: 'Context',
  source: 'Source',
  name: 'Name',
  description: 'Description',
  'prediction.text': 'Your prediction',
  'prediction.favoured': 'The expected winner',
  'prediction.byHowMuch': 'By how much',
  favoured: 'The expected winner',
  byHowMuch: 'By how much',
  ratingDelayHours: 'The rating delay',
  'measurement.name': 'The measurement name',
  'measurement.unit': 'The unit',
  length: 'The length',
  plannedStart: 'The start',
  templateId: 'Template',
  title: 'The title',
  kind: 'The kind',
  subSkill: 'The sub-skill',
  exerciseId: 'The exercise',
  nextAction: 'The next action',
  successSignal: 'The success signal',
  reviewOn: 'The review date',
  minutes: 'Minutes',
  difficulty: 'Difficulty',
  note: 'The note',
  reason: 'The reason',
  instructions: 'The instructions',
  harder: 'How to make it harder',
  decision: 'The decision',
  timeZone: 'The time zone',
  weekOf: 'The week',
  email: 'The email address',
  password: 'The password',
  currentPassword: 'The password you entered',
  scope: 'The access',
  expiresInDays: 'The expiry',
  organisation: 'The organisation name',
  roles: 'Roles',
  coachId: 'The coach',
  scopes: 'What you share',
  until: 'The end date',
  handle: 'The handle',
  displayName: 'The display name',
  introduction: 'The introduction',
  slug: 'The link name',
  durationMinutes: 'The duration',
  location: 'The location',
  bufferBeforeMinutes: 'The buffer before',
  bufferAfterMinutes: 'The buffer after',
  minimumNoticeMinutes: 'The minimum notice',
  horizonDays: 'How far ahead',
  dailyLimit: 'The daily limit',
  weeklyLimit: 'The weekly limit',
  slotIncrementMinutes: 'The start time step',
  prompt: 'The question',
  range: 'The range',
  date: 'The date',
  timeOff: 'The time off',
  url: 'The address',
  label: 'The label',
};

export function fieldMessage(field: string, message: string): string {
  // Nested fields such as phases.passive.length fall back to their last part.
  const name = FIELD_NAMES[field] ?? FIELD_NAMES[field.split('.').pop() ?? ''];
  const sentence =
    /^(must|is|cannot|should|may)\b/.test(message) && name ? `${name} ${message}` : capitalise(message);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
