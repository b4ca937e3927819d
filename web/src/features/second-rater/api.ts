import type {
  NewSecondRaterLink,
  SecondRaterQueueView,
  SecondRaterStatus,
} from '../../../../src/core/experiments/second-rater.js';
import { at, request } from '../../shared/api/client.js';

/** The owner's side (invite, status, withdraw) and the link holder's (the queue, by token alone). */
export const secondRaterApi = {
  status(id: string, signal?: AbortSignal) {
    return request<SecondRaterStatus>('GET', `/experiments/${at(id)}/second-rater`, undefined, signal);
  },
  invite(id: string, name: string | null) {
    return request<NewSecondRaterLink>('POST', `/experiments/${at(id)}/second-rater`, name ? { name } : {});
  },
  withdraw(id: string) {
    return request<SecondRaterStatus>('DELETE', `/experiments/${at(id)}/second-rater`);
  },
  queue(token: string, signal?: AbortSignal) {
    return request<SecondRaterQueueView>('GET', `/rate/${at(token)}`, undefined, signal);
  },
  rate(token: string, item: string, value: number) {
    return request<SecondRaterQueueView>('POST', `/rate/${at(token)}/ratings`, { token: item, value });
  },
  undo(token: string) {
    return request<SecondRaterQueueView>('POST', `/rate/${at(token)}/undo`);
  },
  finish(token: string) {
    return request<SecondRaterQueueView>('POST', `/rate/${at(token)}/finish`);
  },
};
