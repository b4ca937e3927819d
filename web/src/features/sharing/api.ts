import type {
  CoachList,
  Grant,
  GrantAccessList,
  GrantInput,
  GrantList,
} from '../../../../src/core/team/grants.js';
import { at, request } from '../../shared/api/client.js';

/** The researcher's side of sharing: coaches to share with, their grants and what coaches opened. */
export const sharingApi = {
  async coaches(signal?: AbortSignal) {
    return (await request<CoachList>('GET', '/coaches', undefined, signal)).items;
  },
  async grants(signal?: AbortSignal) {
    return (await request<GrantList>('GET', '/grants', undefined, signal)).items;
  },
  share(input: GrantInput) {
    return request<Grant>('POST', '/grants', input);
  },
  revoke(id: string) {
    return request<Grant>('DELETE', `/grants/${at(id)}`);
  },
  async accessLog(signal?: AbortSignal) {
    return (await request<GrantAccessList>('GET', '/grants/access-log', undefined, signal)).items;
  },
};

export const sharingKeys = {
  coaches: ['coaches'] as const,
  grants: ['grants'] as const,
  accessLog: ['grants', 'access-log'] as const,
};
