import type { Effort, Idea } from '../../../../src/core/ideas.js';
import type { SessionStartInput } from '../../../../src/core/sessions/session.js';
import type {
  ActiveSession,
  QuestionStatList,
  SessionList,
  SessionView,
} from '../../../../src/core/sessions/view.js';
import { at, request } from '../../shared/api/client.js';

export type SessionStep = 'pause' | 'resume' | 'next' | 'skip' | 'back' | 'end';

export interface SessionIdeaInput {
  text: string;
  areaId?: string | null;
  value?: number | null;
  effort?: Effort | null;
  context?: string | null;
}

export const sessionsApi = {
  startSession(input: SessionStartInput) {
    return request<SessionView>('POST', '/sessions', input);
  },
  activeSession(signal?: AbortSignal) {
    return request<ActiveSession>('GET', '/sessions/active', undefined, signal);
  },
  listSessions(signal?: AbortSignal) {
    return request<SessionList>('GET', '/sessions', undefined, signal);
  },
  getSession(id: string, signal?: AbortSignal) {
    return request<SessionView>('GET', `/sessions/${at(id)}`, undefined, signal);
  },
  sessionStep(id: string, step: SessionStep) {
    return request<SessionView>('POST', `/sessions/${at(id)}/${step}`);
  },
  addTime(id: string, minutes: number) {
    return request<SessionView>('POST', `/sessions/${at(id)}/add-time`, { minutes });
  },
  completeSession(id: string, note: string | null) {
    return request<SessionView>('POST', `/sessions/${at(id)}/complete`, { note });
  },
  captureInSession(id: string, input: SessionIdeaInput) {
    return request<Idea>('POST', `/sessions/${at(id)}/ideas`, input);
  },
  rateSessionIdea(id: string, ideaId: string, patch: { value?: number | null; effort?: Effort | null }) {
    return request<Idea>('PATCH', `/sessions/${at(id)}/ideas/${at(ideaId)}`, patch);
  },
  questionStats(signal?: AbortSignal) {
    return request<QuestionStatList>('GET', '/questions/stats', undefined, signal);
  },
};
