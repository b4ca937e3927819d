import type { Area } from '../../src/core/areas.js';
import type { ImportSummary } from '../../src/core/backup.js';
import type { Deck } from '../../src/core/decks/deck.js';
import type { IdeaStatus } from '../../src/core/idea-status.js';
import type { Effort, Idea, IdeaPage, IdeaSource } from '../../src/core/ideas.js';
import type { QuestionStat, SessionView } from '../../src/core/sessions/view.js';

export type { Deck, QuestionStat, SessionView };

export type SessionStep = 'pause' | 'resume' | 'next' | 'skip' | 'back' | 'end';

export interface SessionIdeaInput {
  text: string;
  areaId?: string | null;
  value?: number | null;
  effort?: Effort | null;
  context?: string | null;
}

/** The API the web app talks to; same origin in production, proxied by Vite in development. */
const BASE = '/api/v1';

export interface FieldIssue {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldIssue[];
}

/** A failed request, with the server's problem details and its messages keyed by field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, message: string, problem: Problem | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    const fields: Record<string, string> = {};
    for (const issue of problem?.errors ?? []) fields[issue.field] ??= issue.message;
    this.fields = fields;
  }

  /** The message for `field`, if the server named it. */
  field(name: string): string | undefined {
    return this.fields[name];
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A one-line message for anything thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Cannot reach the Whetstone server. Is `whet serve` still running?');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // Not problem+json (e.g. a proxy error page); fall through to a generic message.
    }
    const message = problem?.detail || problem?.title || `Request failed (HTTP ${response.status})`;
    throw new ApiError(response.status, message, problem);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface IdeaFilters {
  area?: string | undefined;
  status?: IdeaStatus | undefined;
  source?: IdeaSource | undefined;
  q?: string | undefined;
}

export interface NewIdea {
  text: string;
  areaId?: string | null;
  source?: IdeaSource;
  value?: number | null;
  effort?: Effort | null;
  context?: string | null;
}

export interface IdeaPatch {
  text?: string;
  areaId?: string | null;
  status?: IdeaStatus;
  value?: number | null;
  effort?: Effort | null;
  context?: string | null;
}

export interface AreaPatch {
  name?: string;
  description?: string | null;
  archived?: boolean;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  listIdeas(filters: IdeaFilters, cursor?: string | null, signal?: AbortSignal, limit = 30) {
    return request<IdeaPage>(
      'GET',
      `/ideas${query({ ...filters, q: filters.q?.trim(), limit, cursor: cursor ?? undefined })}`,
      undefined,
      signal,
    );
  },
  getIdea(id: string, signal?: AbortSignal) {
    return request<Idea>('GET', `/ideas/${encodeURIComponent(id)}`, undefined, signal);
  },
  createIdea(input: NewIdea) {
    return request<Idea>('POST', '/ideas', input);
  },
  updateIdea(id: string, patch: IdeaPatch) {
    return request<Idea>('PATCH', `/ideas/${encodeURIComponent(id)}`, patch);
  },
  deleteIdea(id: string) {
    return request<void>('DELETE', `/ideas/${encodeURIComponent(id)}`);
  },
  listAreas(signal?: AbortSignal) {
    return request<{ items: Area[] }>('GET', '/areas?includeArchived=true', undefined, signal);
  },
  createArea(input: { name: string; description?: string }) {
    return request<Area>('POST', '/areas', input);
  },
  updateArea(id: string, patch: AreaPatch) {
    return request<Area>('PATCH', `/areas/${encodeURIComponent(id)}`, patch);
  },
  deleteArea(id: string) {
    return request<void>('DELETE', `/areas/${encodeURIComponent(id)}`);
  },
  /** Sends a backup file's text as is, so the server checks exactly what the user picked. */
  importBackup(fileText: string) {
    return request<ImportSummary>('POST', '/import', fileText);
  },
  exportUrl(format: 'json' | 'md' | 'csv') {
    return `${BASE}/export?format=${format}`;
  },

  /* ---------- Focused sessions ---------- */
  startSession(input: { minutes?: number; deckId?: string; areas?: string[] }) {
    return request<SessionView>('POST', '/sessions', input);
  },
  activeSession(signal?: AbortSignal) {
    return request<{ session: SessionView | null }>('GET', '/sessions/active', undefined, signal);
  },
  listSessions(signal?: AbortSignal) {
    return request<{ items: SessionView[] }>('GET', '/sessions', undefined, signal);
  },
  getSession(id: string, signal?: AbortSignal) {
    return request<SessionView>('GET', `/sessions/${encodeURIComponent(id)}`, undefined, signal);
  },
  sessionStep(id: string, step: SessionStep) {
    return request<SessionView>('POST', `/sessions/${encodeURIComponent(id)}/${step}`);
  },
  addTime(id: string, minutes: number) {
    return request<SessionView>('POST', `/sessions/${encodeURIComponent(id)}/add-time`, { minutes });
  },
  completeSession(id: string, note: string | null) {
    return request<SessionView>('POST', `/sessions/${encodeURIComponent(id)}/complete`, { note });
  },
  captureInSession(id: string, input: SessionIdeaInput) {
    return request<Idea>('POST', `/sessions/${encodeURIComponent(id)}/ideas`, input);
  },
  rateSessionIdea(id: string, ideaId: string, patch: { value?: number | null; effort?: Effort | null }) {
    return request<Idea>(
      'PATCH',
      `/sessions/${encodeURIComponent(id)}/ideas/${encodeURIComponent(ideaId)}`,
      patch,
    );
  },
  questionStats(signal?: AbortSignal) {
    return request<{ items: QuestionStat[] }>('GET', '/questions/stats', undefined, signal);
  },

  /* ---------- Decks ---------- */
  listDecks(signal?: AbortSignal) {
    return request<{ items: Deck[] }>('GET', '/decks', undefined, signal);
  },
  getDeck(id: string, signal?: AbortSignal) {
    return request<Deck>('GET', `/decks/${encodeURIComponent(id)}`, undefined, signal);
  },
  importDeck(fileName: string, text: string, replace = false) {
    return request<Deck>('POST', '/decks/import', { fileName, text, replace });
  },
  deleteDeck(id: string) {
    return request<void>('DELETE', `/decks/${encodeURIComponent(id)}`);
  },
  deckExportUrl(id: string, format: 'yaml' | 'json') {
    return `${BASE}/decks/${encodeURIComponent(id)}/export?format=${format}`;
  },
};
