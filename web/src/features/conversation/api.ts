import type { SlotList } from '../../../../src/core/coaching/booking.js';
import type { CoachProfile } from '../../../../src/core/coaching/coach-profile.js';
import type {
  ConversationIdea,
  ConversationList,
  ConversationRoom,
  CultureRecord,
  NoteUpdates,
} from '../../../../src/core/coaching/conversation.js';
import type { ConversationTypeList } from '../../../../src/core/coaching/conversation-type.js';
import type { FollowUpInput } from '../../../../src/core/coaching/follow-up.js';
import type { CultureAnswer } from '../../../../src/core/culture/answers.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

/** The conversation room's calls: both people read it; who may write what is the server's rule. */
export const conversationApi = {
  async list(signal?: AbortSignal) {
    return (await request<ConversationList>('GET', '/conversations', undefined, signal)).items;
  },
  room(id: string, signal?: AbortSignal) {
    return request<ConversationRoom>('GET', `/conversations/${at(id)}`, undefined, signal);
  },
  moveGuide(id: string, questionId: string | null) {
    return request<ConversationRoom>('PUT', `/conversations/${at(id)}/guide`, { questionId });
  },
  saveCoachNotes(id: string, text: string) {
    return request<{ text: string }>('PUT', `/conversations/${at(id)}/coach-notes`, { text });
  },
  saveCulture(id: string, answer: CultureAnswer | null, note: string) {
    return request<CultureRecord>('PUT', `/conversations/${at(id)}/culture`, { answer, note });
  },
  end(id: string) {
    return request<ConversationRoom>('POST', `/conversations/${at(id)}/end`);
  },
  proposeFollowUp(id: string, followUp: FollowUpInput) {
    return request<ConversationRoom>('PUT', `/conversations/${at(id)}/follow-up`, followUp);
  },
  noteUpdates(id: string, after: number, signal?: AbortSignal) {
    return request<NoteUpdates>(
      'GET',
      `/conversations/${at(id)}/notes${searchQuery({ after })}`,
      undefined,
      signal,
    );
  },
  sendNoteUpdate(id: string, update: string) {
    return request<{ seq: number }>('POST', `/conversations/${at(id)}/notes`, { update });
  },
  proposeIdea(id: string, text: string) {
    return request<ConversationIdea>('POST', `/conversations/${at(id)}/ideas`, { text });
  },
  decideIdea(id: string, ideaId: string, verb: 'accept' | 'reject') {
    return request<ConversationIdea>('POST', `/conversations/${at(id)}/ideas/${at(ideaId)}/${verb}`);
  },
};

/** What the coach's follow-up form offers: their own conversation types and their free times. */
export const followUpApi = {
  profile(signal?: AbortSignal) {
    return request<CoachProfile>('GET', '/coach/profile', undefined, signal);
  },
  async types(signal?: AbortSignal) {
    return (await request<ConversationTypeList>('GET', '/coach/types', undefined, signal)).items;
  },
  slots(handle: string, slug: string, timeZone: string, signal?: AbortSignal) {
    return request<SlotList>(
      'GET',
      `/public/book/${at(handle)}/${at(slug)}/slots${searchQuery({ timeZone })}`,
      undefined,
      signal,
    );
  },
};

export const conversationKeys = {
  list: ['conversations'] as const,
  room: (id: string) => ['conversations', id] as const,
  coachProfile: ['follow-up', 'coach-profile'] as const,
  coachTypes: ['follow-up', 'coach-types'] as const,
  slots: (handle: string, slug: string, timeZone: string) => ['slots', handle, slug, timeZone] as const,
};
