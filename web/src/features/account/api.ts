import type {
  AccessToken,
  AccessTokenInput,
  AccessTokenList,
  AccountSessionList,
  NewAccessToken,
} from '../../../../src/core/team/account.js';
import { at, request } from '../../shared/api/client.js';

/** The signed-in person's own account: sessions, password, access tokens, leaving. */
export const accountApi = {
  async sessions(signal?: AbortSignal) {
    return (await request<AccountSessionList>('GET', '/account/sessions', undefined, signal)).items;
  },
  endSession(id: string) {
    return request<void>('DELETE', `/account/sessions/${at(id)}`);
  },
  endOtherSessions() {
    return request<void>('POST', '/account/sessions/revoke-others');
  },
  /** Every other session ends; this one continues under a new cookie. */
  changePassword(input: { currentPassword: string; password: string }) {
    return request<void>('POST', '/account/password', input);
  },
  async tokens(signal?: AbortSignal): Promise<AccessToken[]> {
    return (await request<AccessTokenList>('GET', '/account/tokens', undefined, signal)).items;
  },
  createToken(input: AccessTokenInput) {
    return request<NewAccessToken>('POST', '/account/tokens', input);
  },
  revokeToken(id: string) {
    return request<void>('DELETE', `/account/tokens/${at(id)}`);
  },
  /** Deactivates this membership and ends every session (409 for the last admin). */
  leave() {
    return request<void>('POST', '/account/leave');
  },
};

export const accountKeys = {
  sessions: ['account-sessions'] as const,
  tokens: ['account-tokens'] as const,
};
