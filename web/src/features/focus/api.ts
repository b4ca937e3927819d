import type { Interruption, InterruptionInput } from '../../../../src/core/plans/interruptions.js';
import type { InterruptionList } from '../../../../src/core/plans/views.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

export const focusApi = {
  async interruptions(from?: string, signal?: AbortSignal) {
    const { items } = await request<InterruptionList>(
      'GET',
      `/interruptions${searchQuery({ from })}`,
      undefined,
      signal,
    );
    return { interruptions: items };
  },
  interrupt(input: InterruptionInput = {}) {
    return request<Interruption>('POST', '/interruptions', input);
  },
  deleteInterruption(id: string) {
    return request<void>('DELETE', `/interruptions/${at(id)}`);
  },
};
