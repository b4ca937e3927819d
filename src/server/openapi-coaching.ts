import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const signedIn = { 401: problem('Not signed in, or the session ended') };
const coachOnly = { ...signedIn, 403: problem('Only members with the coach role have a coach page') };
const noProfile = { 404: problem('No coach profile yet: save it first') };
const handleParam = { name: 'handle', in: 'path', required: true, schema: { type: 'string' } };
const typeParam = { name: 'type', in: 'path', required: true, schema: { type: 'string' } };
const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The secret of the booker’s private link',
  schema: { type: 'string' },
};
const noPage = { 404: problem('No coach or active conversation type at this address') };
const linkGone = { 404: problem('Unknown, outdated (moved) or cancelled booking link') };
const bookingProblem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/BookingProblem' } } },
});
const query = (name: string, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
});

/** A coach's page and the bookings on it (team only). */
export function coachPaths(): JsonSchema {
  return {
    '/coach/profile': {
      get: {
        summary: 'Your coach profile',
        responses: { ...ok('The profile', 'CoachProfile'), ...coachOnly, ...noProfile },
      },
      put: {
        summary: 'Create or update your coach profile (the handle is the address of your booking pages)',
        requestBody: { required: true, content: json('CoachProfileInput') },
        responses: {
          ...ok('Saved', 'CoachProfile'),
          ...coachOnly,
          409: problem('The handle is taken'),
          422: problem('Invalid fields'),
        },
      },
    },
    '/coach/availability': {
      get: {
        summary: 'Your weekly hours, date overrides and time off, in your time zone',
        responses: { ...ok('The hours', 'Availability'), ...coachOnly, ...noProfile },
      },
      put: {
        summary: 'Replace your hours, overrides and time off',
        requestBody: { required: true, content: json('AvailabilityInput') },
        responses: {
          ...ok('Saved', 'Availability'),
          ...coachOnly,
          ...noProfile,
          422: problem('Invalid ranges or dates'),
        },
      },
    },
    '/coach/types': {
      get: {
        summary: 'Your conversation types',
        responses: { ...ok('Types', 'ConversationTypeList'), ...coachOnly },
      },
      post: {
        summary: 'Offer a conversation type',
        requestBody: { required: true, content: json('ConversationTypeInput') },
        responses: {
          201: { description: 'Created', content: json('ConversationType') },
          ...coachOnly,
          ...noProfile,
          409: problem('You have a type at this slug already'),
          422: problem('Invalid fields'),
        },
      },
    },
    '/coach/types/{id}': {
      parameters: [idParam],
      put: {
        summary: 'Change a conversation type (booked conversations keep their place and length)',
        requestBody: { required: true, content: json('ConversationTypeInput') },
        responses: {
          ...ok('Saved', 'ConversationType'),
          ...coachOnly,
          404: problem('No such type of yours'),
          409: problem('You have a type at this slug already'),
          422: problem('Invalid fields'),
        },
      },
      delete: {
        summary: 'Delete a type nobody booked (a booked one is switched off instead)',
        responses: {
          204: { description: 'Deleted' },
          ...coachOnly,
          404: problem('No such type of yours'),
          409: problem('The type has bookings'),
        },
      },
    },
    '/coach/calendars': {
      get: {
        summary: 'Your calendars whose events block slots, with when each last worked and why not',
        responses: { ...ok('Calendars', 'BusyCalendarList'), ...coachOnly },
      },
      post: {
        summary: 'Add a calendar by its ICS address; it is read at once and then every 15 minutes',
        requestBody: { required: true, content: json('BusyCalendarInput') },
        responses: {
          201: {
            description: 'Added (see lastError if the first read failed)',
            content: json('BusyCalendar'),
          },
          ...coachOnly,
          409: problem('No coach profile yet'),
          422: problem('Not an http(s) or webcal address, or too many calendars'),
        },
      },
    },
    '/coach/calendars/{id}/refresh': {
      parameters: [idParam],
      post: {
        summary: 'Read the calendar again now',
        responses: {
          ...ok('Read (see lastError)', 'BusyCalendar'),
          ...coachOnly,
          404: problem('No such calendar of yours'),
        },
      },
    },
    '/coach/calendars/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Remove a calendar; its busy times stop blocking slots',
        responses: {
          204: { description: 'Removed' },
          ...coachOnly,
          404: problem('No such calendar of yours'),
        },
      },
    },
    '/coach/bookings': {
      get: {
        summary: 'Your bookings, earliest first (by default confirmed ones from a day ago on)',
        parameters: [
          query('from', 'Starts at or after this instant'),
          query('to', 'Starts before this instant'),
          query('status', '`confirmed` (default), `cancelled` or `all`'),
        ],
        responses: { ...ok('Bookings', 'BookingList'), ...coachOnly },
      },
    },
    '/coach/clients': {
      get: {
        summary:
          'Your clients: past and upcoming conversations, follow-ups due, ideas accepted, planned and adopted',
        parameters: [
          query('dueAfterDays', 'Days after the last conversation a follow-up is due (default 14)'),
        ],
        responses: { ...ok('Clients', 'ClientList'), ...coachOnly, 422: problem('Not a number of days') },
      },
    },
    '/coach/guide-stats': {
      get: {
        summary: 'The conversation guide’s yield over your conversations, per question',
        responses: { ...ok('Per question', 'GuideStatList'), ...coachOnly },
      },
    },
    '/coach/bookings/{id}/cancel': {
      parameters: [idParam],
      post: {
        summary: 'Cancel a booking: the booker gets METHOD:CANCEL and the time is free again',
        requestBody: { required: false, content: json('CancelRequest') },
        responses: {
          ...ok('Cancelled', 'Booking'),
          ...coachOnly,
          404: problem('No such booking of yours'),
          409: problem('Cancelled already'),
        },
      },
    },
  };
}

/** What anyone may open: booking pages, slots, booking, and the booker's private link. */
export function publicBookingPaths(): JsonSchema {
  return {
    '/public/book/{handle}': {
      parameters: [handleParam],
      get: {
        summary: 'A coach’s public page and the conversations one can book',
        responses: { ...ok('The page', 'PublicCoachPage'), ...noPage },
      },
    },
    '/public/book/{handle}/{type}': {
      parameters: [handleParam, typeParam],
      get: {
        summary: 'A booking page: the coach and the conversation type',
        responses: { ...ok('The page', 'PublicBookingPage'), ...noPage },
      },
    },
    '/public/book/{handle}/{type}/slots': {
      parameters: [handleParam, typeParam],
      get: {
        summary: 'Free slots, grouped by day in the visitor’s time zone',
        parameters: [
          query('timeZone', 'The visitor’s IANA time zone, e.g. America/New_York', true),
          query('from', 'Only starts at or after this instant'),
          query('to', 'Only starts before this instant'),
        ],
        responses: { ...ok('Slots', 'SlotList'), ...noPage, 422: problem('Unknown time zone or instant') },
      },
    },
    '/public/book/{handle}/{type}/bookings': {
      parameters: [
        handleParam,
        typeParam,
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A retry with the same key answers with the same booking (200) instead of a second one',
          schema: { type: 'string' },
        },
      ],
      post: {
        summary: 'Book a slot; both sides get a mail with the calendar invitation',
        requestBody: { required: true, content: json('BookingRequest') },
        responses: {
          201: {
            description: 'Booked: the booking and the private link',
            content: json('BookingConfirmation'),
          },
          200: {
            description: 'A retry: the booking made by the first request',
            content: json('BookingConfirmation'),
          },
          ...noPage,
          409: bookingProblem(
            'Taken meanwhile (reason `taken`, with fresh slots), or too many upcoming bookings',
          ),
          422: bookingProblem('Invalid fields, or a time that cannot be booked (`reason` says why)'),
          429: problem('Too many booking attempts from this address or for this email; see Retry-After'),
        },
      },
    },
    '/public/bookings/{token}': {
      parameters: [tokenParam],
      get: {
        summary: 'The booking behind a private link',
        responses: { ...ok('The booking', 'ManagedBooking'), ...linkGone },
      },
    },
    '/public/bookings/{token}/reschedule': {
      parameters: [tokenParam],
      post: {
        summary: 'Move to another free slot: the same invitation with SEQUENCE + 1, and a new private link',
        requestBody: { required: true, content: json('RescheduleRequest') },
        responses: {
          ...ok('Moved', 'BookingConfirmation'),
          ...linkGone,
          409: bookingProblem('Taken meanwhile (with fresh slots), or the conversation has started'),
          422: bookingProblem('A time that cannot be booked (`reason` says why)'),
        },
      },
    },
    '/public/bookings/{token}/account': {
      parameters: [tokenParam],
      post: {
        summary:
          'Ask for a Whetstone account from a booking: a mail to the booking’s address carries the invitation (or says there is an account)',
        responses: {
          202: { description: 'A mail is on its way', content: json('AccountRequested') },
          ...linkGone,
          409: problem('This server sends no mail'),
          429: problem('Asked too often; see Retry-After'),
        },
      },
    },
    '/public/bookings/{token}/cancel': {
      parameters: [tokenParam],
      post: {
        summary: 'Cancel: both sides get METHOD:CANCEL and the time is free again; the link stops working',
        requestBody: { required: false, content: json('CancelRequest') },
        responses: {
          ...ok('Cancelled', 'ManagedBooking'),
          ...linkGone,
          409: problem('The conversation has started'),
        },
      },
    },
  };
}
