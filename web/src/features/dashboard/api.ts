import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { BASE, request } from '../../shared/api/client.js';

export const dashboardApi = {
  dashboard(signal?: AbortSignal) {
    return request<Dashboard>('GET', '/dashboard', undefined, signal);
  },
  dashboardUrl: `${BASE}/dashboard`,
};
