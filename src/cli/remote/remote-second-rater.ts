import type { CliServices } from '../cli-services.js';
import type { ApiClient } from './api-client.js';

const id = (value: string) => encodeURIComponent(value);

/**
 * A second rater over the API. The server makes the link from its own public URL, so the base a
 * local caller would pass is not sent.
 */
export function remoteSecondRaterServices(api: ApiClient): Pick<CliServices, 'secondRater'> {
  const path = (experimentId: string) => `/experiments/${id(experimentId)}/second-rater`;
  return {
    secondRater: {
      invite: (_actor, experimentId, input, _base) =>
        api.json('POST', path(experimentId), { json: input ?? {} }),
      status: (_actor, experimentId) => api.json('GET', path(experimentId)),
      withdraw: (_actor, experimentId) => api.json('DELETE', path(experimentId)),
    },
  };
}
