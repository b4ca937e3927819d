import type {
  Invitation,
  InvitationList,
  Member,
  MemberList,
  MemberUpdateInput,
  NewInvitation,
} from '../../../../src/core/team/account.js';
import type { Role } from '../../../../src/core/team/roles.js';
import { at, request } from '../../shared/api/client.js';

/** The organisation's members and invitations (org admins only). */
export const membersApi = {
  async members(signal?: AbortSignal) {
    return (await request<MemberList>('GET', '/members', undefined, signal)).items;
  },
  update(userId: string, input: MemberUpdateInput) {
    return request<Member>('PATCH', `/members/${at(userId)}`, input);
  },
  async invitations(signal?: AbortSignal) {
    return (await request<InvitationList>('GET', '/invitations', undefined, signal)).items;
  },
  invite(input: { email: string; roles: Role[] }) {
    return request<NewInvitation>('POST', '/invitations', input);
  },
  withdraw(id: string) {
    return request<Invitation>('DELETE', `/invitations/${at(id)}`);
  },
};

export const membersKeys = {
  members: ['members'] as const,
  invitations: ['invitations'] as const,
};
