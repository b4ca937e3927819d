import { betterAuth } from 'better-auth';
import type { Services } from '../../services/app.js';

/** A session ends after a week without use (and 30 days after sign-in: see MemberService). */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;

export interface AuthOptions {
  store: Services['store'];
  /** Signs the session cookie; shared by every process (kept in the database). */
  secret: string;
  publicUrl: string;
  newId: () => string;
  /** Queues the mail with the reset link (better-auth creates and stores the token, hashed). */
  sendResetLink(account: { id: string; email: string }, token: string): Promise<void>;
  /** After a reset (better-auth has then ended the account's sessions). */
  onPasswordReset(userId: string): Promise<void>;
}

export const RESET_TOKEN_SECONDS = 60 * 60;

/** The cookie's name: with https it takes the `__Host-` prefix (Secure, Path=/, no Domain). */
export function sessionCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? '__Host-whetstone.session' : 'whetstone.session';
}

/**
 * better-auth, configured for Whetstone: email and password only, no open sign-up (accounts come
 * from the setup link and invitations), sessions in the database (so revocation is immediate and
 * every process sees them), no cookie cache, telemetry off. Its HTTP handler is not mounted:
 * Whetstone's own routes call `auth.api`, so every route is in one OpenAPI document and one
 * authorisation matrix.
 */
export function createAuth({ store, secret, publicUrl, newId, sendResetLink, onPasswordReset }: AuthOptions) {
  const https = publicUrl.startsWith('https://');
  const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' };
  return betterAuth({
    appName: 'Whetstone',
    baseURL: publicUrl,
    basePath: '/api/v1/auth',
    secret,
    database: { db: store.db, type: store.engine },
    telemetry: { enabled: false },
    logger: { disabled: true },
    trustedOrigins: [new URL(publicUrl).origin],
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 512,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => sendResetLink(user, token),
      onPasswordReset: ({ user }) => onPasswordReset(user.id),
    },
    user: {
      modelName: 'auth_users',
      fields: { emailVerified: 'email_verified', ...timestamps },
    },
    session: {
      modelName: 'auth_sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
      expiresIn: SESSION_IDLE_SECONDS,
      // Each use within the week pushes the idle expiry forward, at most once an hour.
      updateAge: 60 * 60,
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', ...timestamps },
      // Reset tokens are kept as hashes only, like every other secret we hand out.
      storeIdentifier: 'hashed',
    },
    advanced: {
      useSecureCookies: false,
      cookies: { session_token: { name: sessionCookieName(publicUrl), attributes: { secure: https } } },
      database: { generateId: () => newId() },
    },
  });
}

export type WhetAuth = ReturnType<typeof createAuth>;

/**
 * A better-auth call whose refusal (a wrong password, an unknown or spent token) is an ordinary
 * answer: null, so the route gives its own message. Other failures still throw.
 */
export function refusedAsNull<T>(call: Promise<T>): Promise<T | null> {
  return call.catch((error: unknown) => {
    if (error instanceof Error && error.name === 'APIError') return null;
    throw error;
  });
}

/** Whether a mailed reset link's token is still usable (unused, unexpired), without spending it. */
export async function resetTokenIsLive(auth: WhetAuth, token: string): Promise<boolean> {
  const { internalAdapter } = await auth.$context;
  const verification = await internalAdapter.findVerificationValue(`reset-password:${token}`);
  return verification !== null && verification !== undefined && verification.expiresAt > new Date();
}
