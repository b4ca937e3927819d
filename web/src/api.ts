import type { Area, AreaList } from '../../src/core/areas.js';
import type { ImportSummary } from '../../src/core/backup.js';
import type { Deck, DeckList } from '../../src/core/decks/deck.js';
import type { PooledAnalysis, ResultCard } from '../../src/core/experiments/card.js';
import type { PredictionInput, StartExperimentInput } from '../../src/core/experiments/experiment.js';
import type {
  CardImportResult,
  PoolList,
  PoolReport,
  PoolSummary,
} from '../../src/core/experiments/pool-view.js';
import type { RatingQueueView } from '../../src/core/experiments/rating.js';
import type {
  ExperimentReportView,
  IdeaPhaseReport,
  MeasurementObservation,
  MeasurementReport,
  PhaseSummary,
  Verdict,
} from '../../src/core/experiments/report-view.js';
import type { ExperimentTemplate } from '../../src/core/experiments/templates.js';
import type { ExperimentAction } from '../../src/core/experiments/transitions.js';
import type {
  ActiveExperiment,
  ExperimentList,
  ExperimentView,
  NextStep,
  TemplateList,
} from '../../src/core/experiments/view.js';
import type { IdeaStatus } from '../../src/core/idea-status.js';
import type { Effort, Idea, IdeaPage, IdeaSource } from '../../src/core/ideas.js';
import type { MeasurementEntry } from '../../src/core/measurements.js';
import type { FieldIssue, Problem } from '../../src/core/problem.js';
import type {
  ActiveSession,
  QuestionStat,
  QuestionStatList,
  SessionList,
  SessionView,
} from '../../src/core/sessions/view.js';

/*
 * The response shapes are the core's schemas (`import type` only: no zod reaches the browser).
 * Lists arrive in the API's one envelope, `{ items }`; the functions below hand pages the key
 * they have always read.
 */
export type {
  CardImportResult,
  Deck,
  ExperimentAction,
  ExperimentReportView,
  ExperimentTemplate,
  ExperimentView,
  FieldIssue,
  IdeaPhaseReport,
  MeasurementObservation,
  MeasurementReport,
  NextStep,
  PhaseSummary,
  PooledAnalysis,
  PoolReport,
  PoolSummary,
  PredictionInput,
  Problem,
  QuestionStat,
  RatingQueueView,
  ResultCard,
  SessionView,
  StartExperimentInput,
  Verdict,
};

export type SessionStep = 'pause' | 'resume' | 'next' | 'skip' | 'back' | 'end';

export interface SessionIdeaInput {
  text: string;
  areaId?: string | null;
  value?: number | null;
  effort?: Effort | null;
  context?: string | null;
}

/** The API the web app talks to; same origin in production, proxied by Vite in development. */
export const BASE = '/api/v1';

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

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
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
    return request<AreaList>('GET', '/areas?includeArchived=true', undefined, signal);
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
    return request<ActiveSession>('GET', '/sessions/active', undefined, signal);
  },
  listSessions(signal?: AbortSignal) {
    return request<SessionList>('GET', '/sessions', undefined, signal);
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
    return request<QuestionStatList>('GET', '/questions/stats', undefined, signal);
  },

  /* ---------- Decks ---------- */
  listDecks(signal?: AbortSignal) {
    return request<DeckList>('GET', '/decks', undefined, signal);
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
  /* ---------- Self-experiments ---------- */
  async experimentTemplates(signal?: AbortSignal) {
    const { items } = await request<TemplateList>('GET', '/experiment-templates', undefined, signal);
    return { templates: items };
  },
  async listExperiments(signal?: AbortSignal) {
    const { items } = await request<ExperimentList>('GET', '/experiments', undefined, signal);
    return { experiments: items };
  },
  activeExperiment(signal?: AbortSignal) {
    return request<ActiveExperiment>('GET', '/experiments/active', undefined, signal);
  },
  getExperiment(id: string, signal?: AbortSignal) {
    return request<ExperimentView>('GET', `/experiments/${encodeURIComponent(id)}`, undefined, signal);
  },
  startExperiment(input: StartExperimentInput) {
    return request<ExperimentView>('POST', '/experiments', input);
  },
  revisePrediction(id: string, input: PredictionInput) {
    return request<ExperimentView>('PUT', `/experiments/${encodeURIComponent(id)}/prediction`, input);
  },
  experimentStep(id: string, action: Exclude<ExperimentAction, 'revisePrediction'>) {
    return request<ExperimentView>('POST', `/experiments/${encodeURIComponent(id)}/steps`, { action });
  },
  /** The blind-rating queue; tokens in `later` (ideas put off) come after the others. */
  ratingQueue(id: string, later: readonly string[] = [], signal?: AbortSignal) {
    return request<RatingQueueView>(
      'GET',
      `/experiments/${encodeURIComponent(id)}/rating${query({ skip: later.join(',') })}`,
      undefined,
      signal,
    );
  },
  rateBlind(id: string, token: string, value: number, later: readonly string[] = []) {
    return request<RatingQueueView>(
      'POST',
      `/experiments/${encodeURIComponent(id)}/rating${query({ skip: later.join(',') })}`,
      { token, value },
    );
  },
  experimentReport(id: string, signal?: AbortSignal) {
    return request<ExperimentReportView>(
      'GET',
      `/experiments/${encodeURIComponent(id)}/report`,
      undefined,
      signal,
    );
  },
  cardUrl(id: string, texts: boolean) {
    return `${BASE}/experiments/${encodeURIComponent(id)}/card${texts ? '?texts=1' : ''}`;
  },
  logMeasurement(input: { name: string; value: number; at?: string; note?: string }) {
    return request<MeasurementEntry>('POST', '/measurements', input);
  },
  calendarUrl(id: string) {
    return `${BASE}/experiments/${encodeURIComponent(id)}/calendar.ics`;
  },

  /* ---------- Pools ---------- */
  async listPools(signal?: AbortSignal) {
    const { items } = await request<PoolList>('GET', '/pools', undefined, signal);
    return { pools: items };
  },
  createPool(input: { name: string; templateId?: string }) {
    return request<PoolSummary>('POST', '/pools', input);
  },
  getPool(id: string, signal?: AbortSignal) {
    return request<PoolSummary>('GET', `/pools/${encodeURIComponent(id)}`, undefined, signal);
  },
  importCards(id: string, cards: unknown[]) {
    return request<CardImportResult>('POST', `/pools/${encodeURIComponent(id)}/cards`, { cards });
  },
  poolReport(id: string, signal?: AbortSignal) {
    return request<PoolReport>('GET', `/pools/${encodeURIComponent(id)}/report`, undefined, signal);
  },
};
