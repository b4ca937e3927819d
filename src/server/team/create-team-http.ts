import type { Services } from '../../services/app.js';
import { newId } from '../../services/ids.js';
import { createTeamServices, type TeamOptions } from '../../services/team/team-services.js';
import { createAuth } from './auth.js';
import type { TeamHttp } from './team-http.js';

export interface TeamServerOptions {
  publicUrl: string;
  trustProxy: boolean;
  mailInvitation?: TeamOptions['mailInvitation'];
  secretFromEnvironment?: string | undefined;
}

/** Team mode's parts over the solo services' store: the team use cases and better-auth. */
export async function createTeamHttp(services: Services, options: TeamServerOptions): Promise<TeamHttp> {
  const team = createTeamServices(services.store, {
    publicUrl: options.publicUrl,
    clock: services.clock,
    newId,
    mailInvitation: options.mailInvitation,
    secretFromEnvironment: options.secretFromEnvironment,
  });
  const auth = createAuth({
    store: services.store,
    secret: await team.sessionSecret(),
    publicUrl: options.publicUrl,
    newId,
  });
  return { services: team, auth, publicUrl: options.publicUrl, trustProxy: options.trustProxy };
}
