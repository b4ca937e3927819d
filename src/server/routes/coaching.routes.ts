import { Hono } from 'hono';
import type { BookingList } from '../../core/coaching/booking.js';
import type { ClientList, GuideStatList } from '../../core/coaching/clients.js';
import type { ConversationTypeList } from '../../core/coaching/conversation-type.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, optionalJsonBody, queryObject } from '../request.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * `/coach/…`: a coach's own page — profile, hours, conversation types, busy calendars — and the
 * bookings made on it. The services' policy decides (the coach role; only one's own page).
 */
export function coachingRoutes(team: TeamHttp): Hono<AppEnv> {
  const { coaching, bookings, coachInsights, busyCalendars } = team.services;
  return new Hono<AppEnv>()
    .get('/profile', async (c) => c.json(await coaching.profile(actorOf(c))))
    .put('/profile', async (c) => c.json(await coaching.saveProfile(actorOf(c), await jsonBody(c))))
    .get('/availability', async (c) => c.json(await coaching.availability(actorOf(c))))
    .put('/availability', async (c) => c.json(await coaching.setAvailability(actorOf(c), await jsonBody(c))))
    .get('/types', async (c) =>
      c.json({ items: await coaching.types(actorOf(c)) } satisfies ConversationTypeList),
    )
    .post('/types', async (c) => c.json(await coaching.createType(actorOf(c), await jsonBody(c)), 201))
    .put('/types/:id', async (c) =>
      c.json(await coaching.updateType(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .delete('/types/:id', async (c) => {
      await coaching.deleteType(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/calendars', async (c) => c.json({ items: await busyCalendars.list(actorOf(c)) }))
    .post('/calendars', async (c) => c.json(await busyCalendars.add(actorOf(c), await jsonBody(c)), 201))
    .post('/calendars/:id/refresh', async (c) =>
      c.json(await busyCalendars.refresh(actorOf(c), c.req.param('id'))),
    )
    .delete('/calendars/:id', async (c) => {
      await busyCalendars.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/bookings', async (c) =>
      c.json({ items: await bookings.coachBookings(actorOf(c), queryObject(c)) } satisfies BookingList),
    )
    .get('/clients', async (c) =>
      c.json({ items: await coachInsights.clients(actorOf(c), queryObject(c)) } satisfies ClientList),
    )
    .get('/guide-stats', async (c) =>
      c.json({ items: await coachInsights.guideStats(actorOf(c)) } satisfies GuideStatList),
    )
    .post('/bookings/:id/cancel', async (c) =>
      c.json(await bookings.coachCancel(actorOf(c), c.req.param('id'), await optionalJsonBody(c))),
    )
    .post('/feed', async (c) => c.json(await team.services.coachFeed.create(actorOf(c)), 201))
    .delete('/feed', async (c) => {
      await team.services.coachFeed.remove(actorOf(c));
      return c.body(null, 204);
    });
}
