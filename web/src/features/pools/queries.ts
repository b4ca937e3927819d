import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PoolSummary } from '../../../../src/core/experiments/pool-view.js';
import { useApiQuery } from '../../shared/api/query.js';
import { poolsApi } from './api.js';

/** The pools feature's query keys. */
export const poolKeys = {
  all: ['pools'] as const,
  list: ['pools', 'list'] as const,
  detail: (id: string) => ['pools', 'detail', id] as const,
  report: (id: string) => ['pools', 'detail', id, 'report'] as const,
};

export function usePools() {
  return useApiQuery(poolKeys.list, async (signal) => (await poolsApi.listPools(signal)).pools);
}

export function usePool(id: string) {
  return useApiQuery(poolKeys.detail(id), (signal) => poolsApi.getPool(id, signal));
}

export function usePoolReport(id: string) {
  return useApiQuery(poolKeys.report(id), (signal) => poolsApi.poolReport(id, signal));
}

/**
 * Shows a pool's fresh summary (after creating it or importing cards) at once: on its page, and in
 * the list and report once they are asked again.
 */
export function useShowPool(): (pool: PoolSummary) => void {
  const client = useQueryClient();
  return useCallback(
    (pool: PoolSummary) => {
      client.setQueryData(poolKeys.detail(pool.id), pool);
      void client.invalidateQueries({ queryKey: poolKeys.list });
      void client.invalidateQueries({ queryKey: poolKeys.report(pool.id) });
    },
    [client],
  );
}
