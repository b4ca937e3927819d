import { Hono } from 'hono';
import type { AppEnv } from '../actor.js';
import { jsonBody, optionalJsonBody, queryObject } from '../request.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * `/public/…`: what anyone may open without an account — a coach's booking pages, their free
 * slots, booking one; and the booker's private link (`/public/bookings/{token}`), whose token is
 * the credential (404 for an unknown, outdated or cancelled one).
 */
export function publicBookingRoutes(team: TeamHttp): Hono<AppEnv> {
  const { bookings, conversations } = team.services;
  const link = (token: string) => ({ bookingLink: token });
  return (
    new Hono<AppEnv>()
      .get('/book/:handle', async (c) => c.json(await bookings.coachPage(c.req.param('handle'))))
      .get('/book/:handle/:type', async (c) =>
        c.json(await bookings.bookingPage(c.req.param('handle'), c.req.param('type'))),
      )
      .get('/book/:handle/:type/slots', async (c) =>
        c.json(await bookings.slots(c.req.param('handle'), c.req.param('type'), queryObject(c))),
      )
      .post('/book/:handle/:type/bookings', async (c) => {
        const { confirmation, replayed } = await bookings.book(
          c.req.param('handle'),
          c.req.param('type'),
          await jsonBody(c),
          {
            idempotencyKey: c.req.header('idempotency-key'),
            address: requestMeta(c, team.trustProxy).ipAddress,
          },
        );
        return c.json(confirmation, replayed ? 200 : 201);
      })
      .get('/bookings/:token', async (c) => c.json(await bookings.manage(c.req.param('token'))))
      .post('/bookings/:token/reschedule', async (c) =>
        c.json(await bookings.reschedule(c.req.param('token'), await jsonBody(c))),
      )
      // The room through the link: the researcher's seat, before they have an account.
      .get('/bookings/:token/room', async (c) =>
        c.json(await conversations.room(link(c.req.param('token')), '')),
      )
      .get('/bookings/:token/room/notes', async (c) =>
        c.json(await conversations.noteUpdates(link(c.req.param('token')), '', c.req.query('after'))),
      )
      .post('/bookings/:token/room/notes', async (c) =>
        c.json(await conversations.appendNoteUpdate(link(c.req.param('token')), '', await jsonBody(c)), 201),
      )
      .post('/bookings/:token/room/ideas', async (c) =>
        c.json(await conversations.proposeIdea(link(c.req.param('token')), '', await jsonBody(c)), 201),
      )
      .post('/bookings/:token/room/ideas/:ideaId/accept', async (c) =>
        c.json(await conversations.acceptIdea(link(c.req.param('token')), '', c.req.param('ideaId'))),
      )
      .post('/bookings/:token/room/ideas/:ideaId/reject', async (c) =>
        c.json(await conversations.rejectIdea(link(c.req.param('token')), '', c.req.param('ideaId'))),
      )
      .post('/bookings/:token/account', async (c) =>
        c.json(await bookings.requestAccount(c.req.param('token')), 202),
      )
      .post('/bookings/:token/cancel', async (c) =>
        c.json(await bookings.cancel(c.req.param('token'), await optionalJsonBody(c))),
      )
  );
}
