import type { InvitationPreview, Me } from '../../../../src/core/team/account.js';
import { at, request } from '../../shared/api/client.js';

/** Signing in, the one-time setup and accepting an invitation: the requests of the public pages. */
export const authApi = {
  signIn(input: { email: string; password: string }) {
    return request<Me>('POST', '/auth/sign-in', input);
  },
  /** Resolves when the setup link is usable; 404 used or expired, 409 set up already. */
  checkSetupLink(token: string, signal?: AbortSignal) {
    return request<void>('GET', `/setup/${at(token)}`, undefined, signal);
  },
  setup(input: { token: string; organisation: string; name: string; email: string; password: string }) {
    return request<Me>('POST', '/setup', input);
  },
  /** What an invitation offers; 404 with the reason it cannot be used. */
  invitation(token: string, signal?: AbortSignal) {
    return request<InvitationPreview>('GET', `/join/${at(token)}`, undefined, signal);
  },
  join(token: string, input: { name: string; password: string }) {
    return request<Me>('POST', `/join/${at(token)}`, input);
  },
};

export const authKeys = {
  setupLink: (token: string) => ['setup-link', token] as const,
  invitation: (token: string) => ['invitation', token] as const,
};
