import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The secret of the second rater’s link',
  schema: { type: 'string' },
} as const;

const noLink = { 404: problem('Unknown or withdrawn link') };

/** Paths of a second, blind rater: the owner's invitation and the link holder's queue (OpenAPI 3.1). */
export function secondRaterPaths(): JsonSchema {
  return {
    '/experiments/{id}/second-rater': {
      parameters: [idParam],
      get: {
        summary: 'The second rater’s invitation and progress (how many rated), or null',
        responses: { ...ok('The invitation', 'SecondRaterStatus'), 404: problem('No such experiment') },
      },
      post: {
        summary:
          'Invite a second, blind rater once the triage is finished: the link is in this answer only; an earlier link stops working',
        requestBody: { required: true, content: json('SecondRaterInviteInput') },
        responses: {
          201: { description: 'The link, shown once', content: json('NewSecondRaterLink') },
          404: problem('No such experiment'),
          409: problem('The triage is not finished, or the experiment is not rating or reported'),
          422: problem('Invalid name'),
        },
      },
      delete: {
        summary: 'Withdraw the link at once; the second rater’s values leave the report',
        responses: {
          ...ok('No invitation any more', 'SecondRaterStatus'),
          404: problem('No such experiment'),
        },
      },
    },
    '/rate/{token}': {
      parameters: [tokenParam],
      get: {
        summary: 'The second rater’s queue: progress and the next idea (text and an opaque token only)',
        responses: { ...ok('The queue', 'SecondRaterQueueView'), ...noLink },
      },
    },
    '/rate/{token}/ratings': {
      parameters: [tokenParam],
      post: {
        summary: 'Rate the idea behind a token from 1 to 5, or rate it again (until finished)',
        requestBody: { required: true, content: json('RatingInput') },
        responses: {
          ...ok('The queue', 'SecondRaterQueueView'),
          404: problem('Unknown or withdrawn link, or no such idea'),
          409: problem('The rating is finished'),
          422: problem('Invalid token or value'),
        },
      },
    },
    '/rate/{token}/undo': {
      parameters: [tokenParam],
      post: {
        summary: 'Take back the most recent rating; that idea comes next',
        responses: {
          ...ok('The queue', 'SecondRaterQueueView'),
          ...noLink,
          409: problem('Nothing to undo, or finished'),
        },
      },
    },
    '/rate/{token}/finish': {
      parameters: [tokenParam],
      post: {
        summary: 'Finish: hand the ratings to the researcher (every idea rated first)',
        responses: {
          ...ok('The queue, finished', 'SecondRaterQueueView'),
          ...noLink,
          409: problem('Ideas are still unrated, or already finished'),
        },
      },
    },
  };
}
