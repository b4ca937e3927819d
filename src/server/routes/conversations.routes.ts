import { Hono } from 'hono';
import type { ConversationList } from '../../core/coaching/conversation.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, optionalJsonBody } from '../request.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * `/conversations/{bookingId}`: the room of a booked conversation, for its coach and its
 * researcher (the services decide which of them may do what; to anyone else it is a 404).
 */
export function conversationRoutes(team: TeamHttp): Hono<AppEnv> {
  const { conversations } = team.services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await conversations.list(actorOf(c)) } satisfies ConversationList))
    .get('/:id', async (c) => c.json(await conversations.room(actorOf(c), c.req.param('id'))))
    .put('/:id/guide', async (c) =>
      c.json(await conversations.moveGuide(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .put('/:id/coach-notes', async (c) =>
      c.json(await conversations.setCoachNotes(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .put('/:id/culture', async (c) =>
      c.json(await conversations.setCulture(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .post('/:id/end', async (c) =>
      c.json(await conversations.end(actorOf(c), c.req.param('id'), await optionalJsonBody(c))),
    )
    .put('/:id/follow-up', async (c) =>
      c.json(await conversations.setFollowUp(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .get('/:id/export.md', async (c) => {
      const { filename, markdown } = await conversations.exportMarkdown(actorOf(c), c.req.param('id'));
      return c.body(markdown, 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      });
    })
    .get('/:id/notes', async (c) =>
      c.json(await conversations.noteUpdates(actorOf(c), c.req.param('id'), c.req.query('after'))),
    )
    .post('/:id/notes', async (c) =>
      c.json(await conversations.appendNoteUpdate(actorOf(c), c.req.param('id'), await jsonBody(c)), 201),
    )
    .post('/:id/ideas', async (c) =>
      c.json(await conversations.proposeIdea(actorOf(c), c.req.param('id'), await jsonBody(c)), 201),
    )
    .post('/:id/ideas/:ideaId/accept', async (c) =>
      c.json(await conversations.acceptIdea(actorOf(c), c.req.param('id'), c.req.param('ideaId'))),
    )
    .post('/:id/ideas/:ideaId/reject', async (c) =>
      c.json(await conversations.rejectIdea(actorOf(c), c.req.param('id'), c.req.param('ideaId'))),
    );
}
