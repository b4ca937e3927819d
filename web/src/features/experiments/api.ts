import type { PredictionInput, StartExperimentInput } from '../../../../src/core/experiments/experiment.js';
import type { RatingQueueView } from '../../../../src/core/experiments/rating.js';
import type { ExperimentReportView } from '../../../../src/core/experiments/report-view.js';
import type { ExperimentAction } from '../../../../src/core/experiments/transitions.js';
import type {
  ActiveExperiment,
  ExperimentList,
  ExperimentView,
  TemplateList,
} from '../../../../src/core/experiments/view.js';
import type { MeasurementEntry } from '../../../../src/core/measurements.js';
import { at, BASE, request, searchQuery } from '../../shared/api/client.js';

/** Tokens of ideas put off ("later") go last in the blind-rating queue. */
const skipping = (later: readonly string[]) => searchQuery({ skip: later.join(',') });

export const experimentsApi = {
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
    return request<ExperimentView>('GET', `/experiments/${at(id)}`, undefined, signal);
  },
  startExperiment(input: StartExperimentInput) {
    return request<ExperimentView>('POST', '/experiments', input);
  },
  revisePrediction(id: string, input: PredictionInput) {
    return request<ExperimentView>('PUT', `/experiments/${at(id)}/prediction`, input);
  },
  /** `early` confirms ending phase 1 before its planned end (with startFocused). */
  experimentStep(id: string, action: Exclude<ExperimentAction, 'revisePrediction'>, early?: boolean) {
    return request<ExperimentView>('POST', `/experiments/${at(id)}/steps`, {
      action,
      ...(early ? { early } : {}),
    });
  },
  /** The blind triage: set an idea aside with a reason, or keep it (null). */
  triage(id: string, token: string, excluded: string | null) {
    return request<RatingQueueView>('POST', `/experiments/${at(id)}/triage`, { token, excluded });
  },
  undoRating(id: string, later: readonly string[] = []) {
    return request<RatingQueueView>('POST', `/experiments/${at(id)}/rating/undo${skipping(later)}`);
  },
  ratingQueue(id: string, later: readonly string[] = [], signal?: AbortSignal) {
    return request<RatingQueueView>(
      'GET',
      `/experiments/${at(id)}/rating${skipping(later)}`,
      undefined,
      signal,
    );
  },
  rateBlind(id: string, token: string, value: number, later: readonly string[] = []) {
    return request<RatingQueueView>('POST', `/experiments/${at(id)}/rating${skipping(later)}`, {
      token,
      value,
    });
  },
  experimentReport(id: string, signal?: AbortSignal) {
    return request<ExperimentReportView>('GET', `/experiments/${at(id)}/report`, undefined, signal);
  },
  cardUrl(id: string, texts: boolean) {
    return `${BASE}/experiments/${at(id)}/card${texts ? '?texts=1' : ''}`;
  },
  logMeasurement(input: { name: string; value: number; at?: string; note?: string }) {
    return request<MeasurementEntry>('POST', '/measurements', input);
  },
  calendarUrl(id: string) {
    return `${BASE}/experiments/${at(id)}/calendar.ics`;
  },
};
