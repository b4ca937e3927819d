import type {
  CardImportResult,
  PoolList,
  PoolReport,
  PoolSummary,
} from '../../../../src/core/experiments/pool-view.js';
import { at, request } from '../../shared/api/client.js';

export const poolsApi = {
  async listPools(signal?: AbortSignal) {
    const { items } = await request<PoolList>('GET', '/pools', undefined, signal);
    return { pools: items };
  },
  createPool(input: { name: string; templateId?: string }) {
    return request<PoolSummary>('POST', '/pools', input);
  },
  getPool(id: string, signal?: AbortSignal) {
    return request<PoolSummary>('GET', `/pools/${at(id)}`, undefined, signal);
  },
  importCards(id: string, cards: unknown[]) {
    return request<CardImportResult>('POST', `/pools/${at(id)}/cards`, { cards });
  },
  poolReport(id: string, signal?: AbortSignal) {
    return request<PoolReport>('GET', `/pools/${at(id)}/report`, undefined, signal);
  },
};
