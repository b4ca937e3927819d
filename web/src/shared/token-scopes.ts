import type { TokenScope } from '../../../src/core/team/account.js';

/** What a personal access token may do, in words (the account page and the audit log). */
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Read only',
  'read-write': 'Read and write',
};
