import type { TeamServices } from '../../services/team/team-services.js';
import type { WhetAuth } from './auth.js';

/** What the HTTP layer of a team server needs besides the solo services. */
export interface TeamHttp {
  services: TeamServices;
  auth: WhetAuth;
  /** The address people open; its origin is the only one unsafe cookie requests may come from. */
  publicUrl: string;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
}
