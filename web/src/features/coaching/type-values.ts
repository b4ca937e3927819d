import type {
  ConversationType,
  ConversationTypeInput,
} from '../../../../src/core/coaching/conversation-type.js';

/** The form's values: the limits as text, '' for "no limit", so an empty field means null. */
export type TypeValues = Omit<ConversationTypeInput, 'dailyLimit' | 'weeklyLimit'> & {
  dailyLimit: string;
  weeklyLimit: string;
};

/** A new type's starting point: an hour on video, bookable from two hours ahead, a month out. */
export const NEW_TYPE: TypeValues = {
  slug: '',
  title: '',
  description: '',
  durationMinutes: 60,
  locationKind: 'video',
  location: '',
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 120,
  horizonDays: 30,
  dailyLimit: '',
  weeklyLimit: '',
  slotIncrementMinutes: 30,
  questions: [],
  active: false,
};

export function typeInput(type: ConversationType): ConversationTypeInput {
  const { id: _id, coachId: _coach, createdAt: _created, updatedAt: _updated, ...input } = type;
  return input;
}

export function valuesOf(type: ConversationType): TypeValues {
  const input = typeInput(type);
  return {
    ...input,
    dailyLimit: input.dailyLimit === null ? '' : String(input.dailyLimit),
    weeklyLimit: input.weeklyLimit === null ? '' : String(input.weeklyLimit),
  };
}

const limit = (text: string) => (text.trim() === '' ? null : Number(text));

export function inputOf(values: TypeValues): ConversationTypeInput {
  return { ...values, dailyLimit: limit(values.dailyLimit), weeklyLimit: limit(values.weeklyLimit) };
}

/** `60 min`, `1 h 30 min`. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
