import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { trimmedText } from '../text.js';
import { PASSWORD_MAX, passwordProblem } from './password-rule.js';
import { ROLES } from './roles.js';
import '../schema-messages.js';

const EMAIL_MAX = 254;
const NAME_MAX = 80;

/** Addresses are compared lower-cased; better-auth stores them that way too. */
export const Email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'),
  );

/** A new password: the rule names what is wrong (length, or on the common-password list). */
export const NewPassword = z.string().check(
  z.maxLength(PASSWORD_MAX * 4),
  z.refine((value) => passwordProblem(value) === null, {
    error: (issue) => passwordProblem(String(issue.input)) ?? 'is not acceptable',
  }),
);

export const PersonName = trimmedText(NAME_MAX, 1);
export const OrganisationName = trimmedText(NAME_MAX, 1);
export const RoleSchema = z.enum(ROLES);
export const RoleList = z.array(RoleSchema).check(z.minLength(1, 'must name at least one role'));

export const SignInInput = z.strictObject({
  email: z.string().check(z.maxLength(EMAIL_MAX)),
  password: z.string().check(z.maxLength(PASSWORD_MAX * 4)),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ForgotPasswordInput = z.strictObject({ email: z.string().check(z.maxLength(EMAIL_MAX)) });
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInput>;

export const ResetPasswordInput = z.strictObject({
  token: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200)),
  password: NewPassword,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().check(z.maxLength(PASSWORD_MAX * 4)),
  password: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** The one-time setup: creates the organisation and its first admin. */
export const SetupInput = z.strictObject({
  token: z.string().check(z.minLength(1, 'must not be empty')),
  organisation: OrganisationName,
  name: PersonName,
  email: Email,
  password: NewPassword,
});
export type SetupInput = z.infer<typeof SetupInput>;

export const InvitationInput = z.strictObject({
  email: Email,
  roles: RoleList,
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const AcceptInvitationInput = z.strictObject({
  name: PersonName,
  password: NewPassword,
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const MemberUpdateInput = z.strictObject({
  roles: z.optional(RoleList),
  active: z.optional(z.boolean()),
});
export type MemberUpdateInput = z.infer<typeof MemberUpdateInput>;

/** GET /auth/status: what the sign-in page needs before anyone is signed in. */
export const AuthStatus = z.object({
  mode: z.enum(['solo', 'team']),
  setupRequired: z.boolean(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

/** GET /me: who is signed in. Solo mode has one implicit person and no organisation. */
export const Me = z.object({
  mode: z.enum(['solo', 'team']),
  user: z.object({ id: z.string(), name: z.string(), email: z.nullable(z.string()) }),
  organisation: z.nullable(z.object({ id: z.string(), name: z.string() })),
  roles: z.array(RoleSchema),
});
export type Me = z.infer<typeof Me>;

export const Member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  active: z.boolean(),
  joinedAt: z.iso.datetime(),
  deactivatedAt: z.nullable(z.iso.datetime()),
});
export type Member = z.infer<typeof Member>;
export const MemberList = listOf(Member);
export type MemberList = z.infer<typeof MemberList>;

export const INVITATION_STATES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  state: z.enum(INVITATION_STATES),
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.nullable(z.iso.datetime()),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = listOf(Invitation);
export type InvitationList = z.infer<typeof InvitationList>;

/** POST /invitations: the link is shown once (only its hash is stored); mailed when mail is set up. */
export const NewInvitation = z.object({
  invitation: Invitation,
  link: z.string(),
  mailed: z.boolean(),
});
export type NewInvitation = z.infer<typeof NewInvitation>;

/** GET /invitations/lookup/{token}: what the accept page shows before the invitee has an account. */
export const InvitationPreview = z.object({
  organisation: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AUDIT_KINDS = [
  'organisation.created',
  'sign-in',
  'sign-in.failed',
  'sign-out',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'member.roles-changed',
  'member.deactivated',
  'member.reactivated',
  'member.left',
  'password.changed',
  'password.reset',
  'sessions.revoked',
  'token.created',
  'token.revoked',
  'grant.created',
  'grant.revoked',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AuditEvent = z.object({
  seq: z.number(),
  kind: z.enum(AUDIT_KINDS),
  actor: z.nullable(z.object({ id: z.string(), name: z.string() })),
  subject: z.nullable(z.object({ id: z.string(), name: z.string() })),
  detail: z.record(z.string(), z.unknown()),
  ipAddress: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: z.nullable(z.string()) });
export type AuditPage = z.infer<typeof AuditPage>;

export const AccountSession = z.object({
  id: z.string(),
  current: z.boolean(),
  userAgent: z.nullable(z.string()),
  ipAddress: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type AccountSession = z.infer<typeof AccountSession>;
export const AccountSessionList = listOf(AccountSession);
export type AccountSessionList = z.infer<typeof AccountSessionList>;

/** A 202 answer: what happens next, in words. */
export const Accepted = z.object({ message: z.string() });
export type Accepted = z.infer<typeof Accepted>;

export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const AccessTokenInput = z.strictObject({
  name: trimmedText(60, 1),
  scope: z.enum(TOKEN_SCOPES),
  /** Days until it stops working; without it, until revoked. */
  expiresInDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(365))),
});
export type AccessTokenInput = z.infer<typeof AccessTokenInput>;

export const AccessToken = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  createdAt: z.iso.datetime(),
  expiresAt: z.nullable(z.iso.datetime()),
  lastUsedAt: z.nullable(z.iso.datetime()),
  revokedAt: z.nullable(z.iso.datetime()),
});
export type AccessToken = z.infer<typeof AccessToken>;
export const AccessTokenList = listOf(AccessToken);
export type AccessTokenList = z.infer<typeof AccessTokenList>;

/** POST /account/tokens: the secret is shown this once; only its hash is stored. */
export const NewAccessToken = z.object({ token: AccessToken, secret: z.string() });
export type NewAccessToken = z.infer<typeof NewAccessToken>;
