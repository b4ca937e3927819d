import type { AreaList } from '../../../../src/core/areas.js';
import type { ExperimentReportView } from '../../../../src/core/experiments/report-view.js';
import type { ExperimentList } from '../../../../src/core/experiments/view.js';
import type { IdeaPage } from '../../../../src/core/ideas.js';
import type { PlanList, PracticeList } from '../../../../src/core/plans/views.js';
import type { SessionList } from '../../../../src/core/sessions/view.js';
import type { GrantList } from '../../../../src/core/team/grants.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

const shared = (researcherId: string, rest: string) => `/shared/${at(researcherId)}/${rest}`;

/** The coach's side of sharing: who shares with me, and their shared data, read only. */
export const sharedApi = {
  async sharedWithMe(signal?: AbortSignal) {
    return (await request<GrantList>('GET', '/shared-with-me', undefined, signal)).items;
  },
  ideas(researcherId: string, cursor: string | null, signal?: AbortSignal) {
    const path = shared(researcherId, `ideas${searchQuery({ cursor: cursor ?? undefined })}`);
    return request<IdeaPage>('GET', path, undefined, signal);
  },
  async areas(researcherId: string, signal?: AbortSignal) {
    return (await request<AreaList>('GET', shared(researcherId, 'areas'), undefined, signal)).items;
  },
  async plans(researcherId: string, signal?: AbortSignal) {
    return (await request<PlanList>('GET', shared(researcherId, 'plans'), undefined, signal)).items;
  },
  async practice(researcherId: string, signal?: AbortSignal) {
    return (await request<PracticeList>('GET', shared(researcherId, 'practice'), undefined, signal)).items;
  },
  async sessions(researcherId: string, signal?: AbortSignal) {
    return (await request<SessionList>('GET', shared(researcherId, 'sessions'), undefined, signal)).items;
  },
  async experiments(researcherId: string, signal?: AbortSignal) {
    return (await request<ExperimentList>('GET', shared(researcherId, 'experiments'), undefined, signal))
      .items;
  },
  report(researcherId: string, experimentId: string, signal?: AbortSignal) {
    const path = shared(researcherId, `experiments/${at(experimentId)}/report`);
    return request<ExperimentReportView>('GET', path, undefined, signal);
  },
};

export const sharedKeys = {
  all: ['shared'] as const,
  withMe: ['shared', 'with-me'] as const,
  of: (researcherId: string, ...rest: string[]) => ['shared', researcherId, ...rest] as const,
};
