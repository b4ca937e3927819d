import type { Accepted, InvitationPreview, Me } from '../../../../src/core/team/account.js';
import { at, request } from '../../shared/api/client.js';

/** Signing in, the one-time setup, invitations and password resets: the requests of the public pages. */
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
  /** Mails a reset link if the address has an account; the same answer for any address. */
  forgotPassword(input: { email: string }) {
    return request<Accepted>('POST', '/auth/forgot-password', input);
  },
  /** Resolves when a mailed reset link is still usable; 404 when used, expired or not complete. */
  checkResetLink(token: string, signal?: AbortSignal) {
    return request<void>('GET', `/auth/reset-password/${at(token)}`, undefined, signal);
  },
  /** 404 when the link is used, expired or not complete; 422 names the password rule. */
  resetPassword(input: { token: string; password: string }) {
    return request<void>('POST', '/auth/reset-password', input);
  },
};

export const authKeys = {
  setupLink: (token: string) => ['setup-link', token] as const,
  invitation: (token: string) => ['invitation', token] as const,
  resetLink: (token: string) => ['reset-link', token] as const,
};
