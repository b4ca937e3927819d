import type { Area, AreaCreateInput, AreaList, AreaUpdateInput } from '../../../../src/core/areas.js';
import { at, request } from '../../shared/api/client.js';

export type AreaPatch = AreaUpdateInput;

export const areasApi = {
  listAreas(signal?: AbortSignal) {
    return request<AreaList>('GET', '/areas?includeArchived=true', undefined, signal);
  },
  createArea(input: AreaCreateInput) {
    return request<Area>('POST', '/areas', input);
  },
  updateArea(id: string, patch: AreaPatch) {
    return request<Area>('PATCH', `/areas/${at(id)}`, patch);
  },
  deleteArea(id: string) {
    return request<void>('DELETE', `/areas/${at(id)}`);
  },
};
