import { type Context, Hono } from 'hono';
import type { AuditPage, InvitationList, MemberList } from '../../core/team/account.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';

/** `/members`, `/invitations`, `/audit-events`: the organisation's administration. */
export function teamRoutes(team: TeamHttp): Hono<AppEnv> {
  const { services } = team;
  const meta = (c: Context) => requestMeta(c, team.trustProxy);
  return new Hono<AppEnv>()
    .get('/members', async (c) =>
      c.json({ items: await services.members.list(actorOf(c)) } satisfies MemberList),
    )
    .patch('/members/:userId', async (c) =>
      c.json(await services.members.update(actorOf(c), c.req.param('userId'), await jsonBody(c), meta(c))),
    )
    .get('/invitations', async (c) =>
      c.json({ items: await services.invitations.list(actorOf(c)) } satisfies InvitationList),
    )
    .post('/invitations', async (c) =>
      c.json(await services.invitations.create(actorOf(c), await jsonBody(c), meta(c)), 201),
    )
    .delete('/invitations/:id', async (c) =>
      c.json(await services.invitations.revoke(actorOf(c), c.req.param('id'), meta(c))),
    )
    .get('/audit-events', async (c) =>
      c.json((await services.audit.page(actorOf(c), c.req.query('cursor'))) satisfies AuditPage),
    );
}
