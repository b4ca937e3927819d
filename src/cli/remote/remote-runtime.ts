import type { Actor } from '../../services/context.js';
import { cliClock } from '../clock.js';
import type { Runtime } from '../runtime.js';
import { ApiClient } from './api-client.js';
import type { Credentials } from './credentials.js';
import { remoteIdeaServices } from './remote-ideas.js';
import { remotePlanServices } from './remote-plans.js';
import { remoteSecondRaterServices } from './remote-second-rater.js';
import { remoteSessionServices } from './remote-sessions.js';

/**
 * The server decides who is acting from the token; this placeholder only fills the services'
 * first parameter, which the remote methods ignore.
 */
const TOKEN_ACTOR: Actor = { userId: 'token' };

/** A runtime whose services are the team server's API, as the logged-in person. */
export function openRemoteRuntime(credentials: Credentials): Runtime {
  const api = new ApiClient(credentials.server, credentials.token);
  return {
    services: {
      clock: cliClock(),
      ...remoteIdeaServices(api),
      ...remoteSessionServices(api),
      ...remotePlanServices(api),
      ...remoteSecondRaterServices(api),
    },
    actor: TOKEN_ACTOR,
    close: async () => api.close(),
  };
}
