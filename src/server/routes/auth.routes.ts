import { type Context, Hono } from 'hono';
import { notFound, unauthenticated, WhetstoneError } from '../../core/errors.js';
import {
  type AuthStatus,
  Email,
  ForgotPasswordInput,
  ResetPasswordInput,
  SignInInput,
} from '../../core/team/account.js';
import { parseInput } from '../../core/validation.js';
import type { Actor } from '../../services/context.js';
import type { AppEnv } from '../actor.js';
import { jsonBody } from '../request.js';
import { refusedAsNull, resetTokenIsLive } from '../team/auth.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';
import { meOf } from './me.routes.js';

/** One message for an unknown address and a wrong password: nobody learns who has an account. */
const WRONG_CREDENTIALS = 'the email or password is not right';

/**
 * Signing in and out, the one-time setup and accepting an invitation: the routes anyone may call.
 * A successful sign-in always starts a new session (a new id in a new cookie).
 */
export function authRoutes(team: TeamHttp): Hono<AppEnv> {
  const { auth, services } = team;
  const meta = (c: Context) => requestMeta(c, team.trustProxy);

  /**
   * Checks the password with better-auth and, for an active member, answers with their new
   * session's cookie; anything else is the one generic 401.
   */
  async function signIn(c: Context, email: string, password: string): Promise<Actor> {
    const result = await refusedAsNull(
      auth.api.signInEmail({
        body: { email, password, rememberMe: true },
        headers: c.req.raw.headers,
        returnHeaders: true,
      }),
    );
    if (!result) throw unauthenticated(WRONG_CREDENTIALS);
    const userId = result.response.user.id;
    const actor = await services.members.actorFor(userId);
    if (!actor) {
      // A deactivated member's password still matches; the session it just got ends here.
      await services.members.endSessions(userId);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    for (const cookie of result.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return actor;
  }

  return new Hono<AppEnv>()
    .get('/auth/status', async (c) =>
      c.json({ mode: 'team', setupRequired: await services.setup.required() } satisfies AuthStatus),
    )
    .post('/auth/sign-in', async (c) => {
      const { email, password } = parseInput(SignInInput, await jsonBody(c));
      const request = meta(c);
      await services.throttle.attempt('sign-in', email, request.ipAddress);
      const actor = await signIn(c, email, password).catch(async (error: unknown) => {
        if (error instanceof WhetstoneError && error.code === 'unauthenticated')
          await services.audit.failedSignIn(email, request);
        throw error;
      });
      await services.throttle.succeeded('sign-in', email);
      await services.audit.record(
        { orgId: actor.member?.orgId ?? null, actorUserId: actor.userId, kind: 'sign-in' },
        request,
      );
      return c.json(await meOf(services, actor));
    })
    .post('/auth/sign-out', async (c) => {
      const actor = c.get('actor');
      const { headers } = await auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true });
      for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
      if (actor?.member)
        await services.audit.record(
          { orgId: actor.member.orgId, actorUserId: actor.userId, kind: 'sign-out' },
          meta(c),
        );
      return c.body(null, 204);
    })
    .post('/auth/forgot-password', async (c) => {
      const { email } = parseInput(ForgotPasswordInput, await jsonBody(c));
      await services.throttle.attempt('reset', email, meta(c).ipAddress);
      if (Email.safeParse(email).success)
        await auth.api.requestPasswordReset({ body: { email: email.toLowerCase() } });
      // The same answer whether or not the address has an account.
      return c.json(
        { message: 'If the address has an account, a link to choose a new password is on its way.' },
        202,
      );
    })
    .get('/auth/reset-password/:token', async (c) => {
      // The reset page asks first, so nobody types a new password for a spent link.
      if (await resetTokenIsLive(auth, c.req.param('token'))) return c.body(null, 204);
      throw notFound('reset link', '(this one is used, expired or not complete; ask for a new one)');
    })
    .post('/auth/reset-password', async (c) => {
      const { token, password } = parseInput(ResetPasswordInput, await jsonBody(c));
      const reset = await refusedAsNull(auth.api.resetPassword({ body: { token, newPassword: password } }));
      if (!reset)
        throw notFound('reset link', '(this one is used, expired or not complete; ask for a new one)');
      return c.body(null, 204);
    })
    .get('/setup/:token', async (c) => {
      if (await services.setup.linkIsLive(c.req.param('token'))) return c.body(null, 204);
      throw (await services.setup.required())
        ? notFound('setup link', '(this one is used or expired; restart the server for a new one)')
        : new WhetstoneError('conflict', 'the organisation is set up already; sign in');
    })
    .post('/setup', async (c) => {
      const body = await jsonBody(c);
      const created = await services.setup.setup(body, meta(c));
      const actor = await signIn(c, created.email, passwordOf(body));
      return c.json(await meOf(services, actor), 201);
    })
    .get('/join/:token', async (c) => c.json(await services.invitations.preview(c.req.param('token'))))
    .post('/join/:token', async (c) => {
      const body = await jsonBody(c);
      const { email } = await services.invitations.accept(c.req.param('token'), body, meta(c));
      const actor = await signIn(c, email, passwordOf(body));
      return c.json(await meOf(services, actor), 201);
    });
}

/** The password of a request body the service has already validated. */
const passwordOf = (body: unknown): string => String((body as { password?: unknown }).password);
