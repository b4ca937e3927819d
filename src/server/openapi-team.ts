import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const tokenParam = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
const userParam = { name: 'userId', in: 'path', required: true, schema: { type: 'string' } };
const notSignedIn = { 401: problem('Not signed in, or the session ended') };
const adminOnly = { ...notSignedIn, 403: problem('Only an org admin may do this') };

/** `/me` and `/auth/status`, which both modes answer. */
export function identityPaths(): JsonSchema {
  return {
    '/me': {
      get: {
        summary: 'Who is signed in: name, address, organisation and roles (solo: the local person)',
        responses: { ...ok('The signed-in person', 'Me'), ...notSignedIn },
      },
    },
    '/auth/status': {
      get: {
        summary: 'Solo or team, and whether the team server still waits for its setup',
        responses: ok('The mode', 'AuthStatus'),
      },
    },
  };
}

/** Paths only a team server has (OpenAPI 3.1). */
export function teamPaths(): JsonSchema {
  return {
    '/auth/sign-in': {
      post: {
        summary: 'Sign in with email and password; sets a new session cookie',
        requestBody: { required: true, content: json('SignInInput') },
        responses: {
          ...ok('Signed in', 'Me'),
          401: problem('Wrong email or password (one message for both)'),
          422: problem('Invalid fields'),
          429: problem('Too many attempts; see Retry-After'),
        },
      },
    },
    '/auth/sign-out': {
      post: { summary: 'End this session', responses: { 204: { description: 'Signed out' } } },
    },
    '/auth/forgot-password': {
      post: {
        summary: 'Mail a link to choose a new password (the same answer for any address)',
        requestBody: { required: true, content: json('ForgotPasswordInput') },
        responses: {
          202: {
            description: 'Accepted; a link is mailed if the address has an account',
            content: json('Accepted'),
          },
          422: problem('Invalid fields'),
          429: problem('Too many attempts; see Retry-After'),
        },
      },
    },
    '/auth/reset-password': {
      post: {
        summary: "Choose a new password with a mailed link's token; ends every session of the account",
        requestBody: { required: true, content: json('ResetPasswordInput') },
        responses: {
          204: { description: 'Password changed' },
          404: problem('The link is used, expired or not complete'),
          422: problem('Invalid fields (the password names its rule)'),
        },
      },
    },
    '/auth/reset-password/{token}': {
      parameters: [tokenParam],
      get: {
        summary: "Whether a mailed reset link's token is still usable (it is not spent by asking)",
        responses: {
          204: { description: 'Usable' },
          404: problem('Used, expired or not complete'),
        },
      },
    },
    '/setup/{token}': {
      parameters: [tokenParam],
      get: {
        summary: 'Whether a setup link is still usable',
        responses: {
          204: { description: 'Usable' },
          404: problem('Used or expired'),
          409: problem('Set up already'),
        },
      },
    },
    '/setup': {
      post: {
        summary: 'Create the organisation and its first admin with the one-time setup link',
        requestBody: { required: true, content: json('SetupInput') },
        responses: {
          201: { description: 'Created and signed in', content: json('Me') },
          409: problem('Set up already'),
          422: problem('Invalid fields, or the link is used or expired'),
        },
      },
    },
    '/join/{token}': {
      parameters: [tokenParam],
      get: {
        summary: 'What an invitation offers (organisation, address, roles)',
        responses: {
          ...ok('The invitation', 'InvitationPreview'),
          404: problem('Unknown, used, withdrawn or expired'),
        },
      },
      post: {
        summary: 'Accept an invitation: choose a name and password, and be signed in',
        requestBody: { required: true, content: json('AcceptInvitationInput') },
        responses: {
          201: { description: 'Joined and signed in', content: json('Me') },
          404: problem('Unknown, used, withdrawn or expired'),
          422: problem('Invalid fields (the password names its rule)'),
        },
      },
    },
    '/account/sessions': {
      get: {
        summary: 'Where you are signed in, this session first',
        responses: { ...ok('Sessions', 'AccountSessionList'), ...notSignedIn },
      },
    },
    '/account/sessions/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Sign out one of your sessions',
        responses: {
          204: { description: 'Ended' },
          ...notSignedIn,
          404: problem('No such session of yours'),
        },
      },
    },
    '/account/password': {
      post: {
        summary: 'Change your password; every other session ends, this one gets a new cookie',
        requestBody: { required: true, content: json('ChangePasswordInput') },
        responses: {
          204: { description: 'Changed' },
          ...notSignedIn,
          422: problem('Not your current password, or the new one breaks the rule'),
          429: problem('Too many attempts; see Retry-After'),
        },
      },
    },
    '/account/leave': {
      post: {
        summary: 'Leave the organisation (export your data first); your sessions end',
        responses: { 204: { description: 'Left' }, ...notSignedIn, 409: problem('The last admin') },
      },
    },
    '/account/tokens': {
      get: {
        summary: 'Your personal access tokens (never their secrets)',
        responses: {
          ...ok('Tokens', 'AccessTokenList'),
          ...notSignedIn,
          403: problem('Called with a token'),
        },
      },
      post: {
        summary: 'Create a personal access token; its secret is shown this once',
        requestBody: { required: true, content: json('AccessTokenInput') },
        responses: {
          201: { description: 'Created', content: json('NewAccessToken') },
          ...notSignedIn,
          403: problem('Called with a token'),
          422: problem('Invalid fields'),
        },
      },
    },
    '/account/tokens/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Revoke a token; it stops working at once',
        responses: {
          204: { description: 'Revoked' },
          ...notSignedIn,
          403: problem('Called with a token'),
          404: problem('No such live token of yours'),
        },
      },
    },
    '/account/sessions/revoke-others': {
      post: {
        summary: 'Sign out everywhere else',
        responses: { 204: { description: 'Every other session ended' }, ...notSignedIn },
      },
    },
    '/members': {
      get: {
        summary: 'Members and their roles',
        responses: { ...ok('Members', 'MemberList'), ...adminOnly },
      },
    },
    '/members/{userId}': {
      parameters: [userParam],
      patch: {
        summary: "Change a member's roles, deactivate (ends their sessions) or reactivate",
        requestBody: { required: true, content: json('MemberUpdateInput') },
        responses: {
          ...ok('The member', 'Member'),
          ...adminOnly,
          404: problem('No such member'),
          409: problem('The last active admin'),
          422: problem('Invalid fields'),
        },
      },
    },
    '/invitations': {
      get: {
        summary: 'Invitations, newest first, with their state',
        responses: { ...ok('Invitations', 'InvitationList'), ...adminOnly },
      },
      post: {
        summary: 'Invite an address with roles; the link (shown once) works once for 7 days',
        requestBody: { required: true, content: json('InvitationInput') },
        responses: {
          201: { description: 'Invited', content: json('NewInvitation') },
          ...adminOnly,
          409: problem('Already a member'),
          422: problem('Invalid fields'),
        },
      },
    },
    '/invitations/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Withdraw a pending invitation',
        responses: {
          ...ok('Withdrawn', 'Invitation'),
          ...adminOnly,
          404: problem('No such invitation'),
          409: problem('Not pending'),
        },
      },
    },
    '/audit-events': {
      get: {
        summary: 'Security events of the organisation, newest first',
        parameters: [{ name: 'cursor', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { ...ok('A page of events', 'AuditPage'), ...adminOnly },
      },
    },
  };
}
