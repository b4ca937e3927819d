import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const ideaParam = { name: 'ideaId', in: 'path', required: true, schema: { type: 'string' } };
const inRoom = {
  401: problem('Not signed in, or the session ended'),
  404: problem('No such conversation of yours (only its coach and its researcher see it)'),
};
const coachOnly = { ...inRoom, 403: problem('Only the conversation’s coach may do this') };
const researcherOnly = { ...inRoom, 403: problem('Only the researcher decides about ideas for their log') };

const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The secret of the booker’s private link',
  schema: { type: 'string' },
};
const byLink = { 404: problem('Unknown, outdated or cancelled booking link') };

/** The room through a booking's private link: the researcher's seat, without an account. */
export function linkRoomPaths(): JsonSchema {
  return {
    '/public/bookings/{token}/room': {
      parameters: [tokenParam],
      get: {
        summary: 'The room, as its researcher sees it',
        responses: { ...ok('The room', 'ConversationRoom'), ...byLink },
      },
    },
    '/public/bookings/{token}/room/notes': {
      parameters: [tokenParam],
      get: {
        summary: 'The shared notes’ Yjs updates after `after`',
        parameters: [{ name: 'after', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { ...ok('Updates', 'NoteUpdates'), ...byLink, 422: problem('`after` is not a number') },
      },
      post: {
        summary: 'Add a Yjs update of the shared notes',
        requestBody: { required: true, content: json('NoteUpdateInput') },
        responses: {
          201: { description: 'Kept', content: json('NoteAppended') },
          ...byLink,
          422: problem('Not a base64 Yjs update, or too large'),
        },
      },
    },
    '/public/bookings/{token}/room/ideas': {
      parameters: [tokenParam],
      post: {
        summary: 'Propose an idea',
        requestBody: { required: true, content: json('IdeaProposalInput') },
        responses: {
          201: { description: 'Proposed', content: json('ConversationIdea') },
          ...byLink,
          422: problem('Empty or too long'),
        },
      },
    },
    '/public/bookings/{token}/room/ideas/{ideaId}/accept': {
      parameters: [tokenParam, ideaParam],
      post: {
        summary:
          'Accept an idea: kept for the account made from this booking, which starts with it in its inbox',
        responses: {
          ...ok('Accepted', 'ConversationIdea'),
          ...byLink,
          403: problem('The booking’s address has an account: sign in to accept into it'),
          409: problem('Decided already'),
        },
      },
    },
    '/public/bookings/{token}/room/ideas/{ideaId}/reject': {
      parameters: [tokenParam, ideaParam],
      post: {
        summary: 'Reject an idea',
        responses: { ...ok('Rejected', 'ConversationIdea'), ...byLink, 409: problem('Decided already') },
      },
    },
  };
}

/** The conversation room of a booking (team only). */
export function conversationPaths(): JsonSchema {
  return {
    '/conversations': {
      get: {
        summary: 'Your conversations, as coach or as researcher, earliest first',
        responses: { ...ok('Conversations', 'ConversationList'), 401: inRoom[401] },
      },
    },
    '/conversations/{id}': {
      parameters: [idParam],
      get: {
        summary: 'The room: the guide and its current question, notes, shared notes, the ideas tray',
        responses: { ...ok('The room', 'ConversationRoom'), ...inRoom },
      },
    },
    '/conversations/{id}/guide': {
      parameters: [idParam],
      put: {
        summary: 'Move the guide to a question (null: none); both see it',
        requestBody: { required: true, content: json('GuideMoveInput') },
        responses: {
          ...ok('The room', 'ConversationRoom'),
          ...coachOnly,
          422: problem('Not a question of the guide'),
        },
      },
    },
    '/conversations/{id}/coach-notes': {
      parameters: [idParam],
      put: {
        summary: 'The coach’s private notes (the researcher never sees them)',
        requestBody: { required: true, content: json('CoachNotesInput') },
        responses: { ...ok('Saved', 'CoachNotes'), ...coachOnly, 422: problem('Too long') },
      },
    },
    '/conversations/{id}/culture': {
      parameters: [idParam],
      put: {
        summary: 'Code how the researcher answered “How do you get better at research at the moment?”',
        requestBody: { required: true, content: json('CultureAnswerInput') },
        responses: { ...ok('Saved', 'CultureRecord'), ...coachOnly, 422: problem('Unknown category') },
      },
    },
    '/conversations/{id}/end': {
      parameters: [idParam],
      post: {
        summary: 'End the conversation (once): both get a summary by mail, with the follow-up if given',
        requestBody: { required: false, content: json('EndConversationInput') },
        responses: {
          ...ok('The room, ended', 'ConversationRoom'),
          ...coachOnly,
          422: problem('Not one of your active types, or an offered time has passed'),
        },
      },
    },
    '/conversations/{id}/follow-up': {
      parameters: [idParam],
      put: {
        summary: 'Propose a follow-up: one of your conversation types, optionally with offered times',
        requestBody: { required: true, content: json('FollowUpInput') },
        responses: {
          ...ok('The room', 'ConversationRoom'),
          ...coachOnly,
          422: problem('Not one of your active types, or an offered time has passed'),
        },
      },
    },
    '/conversations/{id}/export.md': {
      parameters: [idParam],
      get: {
        summary: 'The conversation as Markdown (Obsidian-ready); the coach’s copy has their notes',
        responses: {
          200: {
            description: 'The Markdown file (an attachment)',
            content: { 'text/markdown': { schema: { type: 'string' } } },
          },
          ...inRoom,
        },
      },
    },
    '/conversations/{id}/notes': {
      parameters: [idParam],
      get: {
        summary: 'The shared notes’ Yjs updates after `after` (base64, in order)',
        parameters: [{ name: 'after', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { ...ok('Updates', 'NoteUpdates'), ...inRoom, 422: problem('`after` is not a number') },
      },
      post: {
        summary: 'Add a Yjs update of the shared notes (either side; concurrent edits merge)',
        requestBody: { required: true, content: json('NoteUpdateInput') },
        responses: {
          201: { description: 'Kept', content: json('NoteAppended') },
          ...inRoom,
          422: problem('Not a base64 Yjs update, or too large'),
        },
      },
    },
    '/conversations/{id}/ideas': {
      parameters: [idParam],
      post: {
        summary: 'Propose an idea for the researcher’s log (either side); it waits for their decision',
        requestBody: { required: true, content: json('IdeaProposalInput') },
        responses: {
          201: { description: 'Proposed', content: json('ConversationIdea') },
          ...inRoom,
          422: problem('Empty or too long'),
        },
      },
    },
    '/conversations/{id}/ideas/{ideaId}/accept': {
      parameters: [idParam, ideaParam],
      post: {
        summary: 'Accept a proposed idea: it enters the researcher’s log with source “conversation”',
        responses: {
          ...ok('Accepted', 'ConversationIdea'),
          ...researcherOnly,
          409: problem('Decided already'),
        },
      },
    },
    '/conversations/{id}/ideas/{ideaId}/reject': {
      parameters: [idParam, ideaParam],
      post: {
        summary: 'Reject a proposed idea; nothing enters the log',
        responses: {
          ...ok('Rejected', 'ConversationIdea'),
          ...researcherOnly,
          409: problem('Decided already'),
        },
      },
    },
  };
}
