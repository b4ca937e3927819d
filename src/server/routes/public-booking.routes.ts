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
  const { bookings } = team.services;
  return new Hono<AppEnv>()
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
    .post('/bookings/:token/account', async (c) =>
      c.json(await bookings.requestAccount(c.req.param('token')), 202),
    )
    .post('/bookings/:token/cancel', async (c) =>
      c.json(await bookings.cancel(c.req.param('token'), await optionalJsonBody(c))),
    );
}
