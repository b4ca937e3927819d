import type { Availability } from '../../core/coaching/availability.js';
import type { Booking, BookingList } from '../../core/coaching/booking.js';
import type { CoachProfile } from '../../core/coaching/coach-profile.js';
import type { ConversationList, ConversationSummary } from '../../core/coaching/conversation.js';
import { WhetstoneError } from '../../core/errors.js';
import { cliClock } from '../clock.js';
import { ApiClient } from './api-client.js';
import { chooseTarget } from './target.js';

/** Far enough back for "every booking ever" (`whet bookings --all`). */
const EARLIEST = '2000-01-01T00:00:00.000Z';
/** What `whet bookings` counts as upcoming: those not over yet, so a conversation in progress shows. */
const LOOK_BACK_MS = 3 * 60 * 60_000;

/** A coach's page on the team server of `whet login`: there is no coach page without one. */
export interface RemoteCoaching {
  profile(): Promise<CoachProfile>;
  bookings(options: { all: boolean }): Promise<Booking[]>;
  availability(): Promise<Availability>;
  setAvailability(input: unknown): Promise<Availability>;
  /** The caller's conversations, as coach or researcher. */
  conversations(): Promise<ConversationSummary[]>;
  /** A conversation as Markdown (the caller's copy). */
  exportConversation(bookingId: string): Promise<string>;
}

function remoteCoaching(api: ApiClient): RemoteCoaching {
  return {
    profile: () => api.json('GET', '/coach/profile'),
    bookings: async ({ all }) => {
      const from = all ? EARLIEST : new Date(cliClock()().getTime() - LOOK_BACK_MS).toISOString();
      const list = await api.json<BookingList>('GET', '/coach/bookings', {
        query: { from, status: all ? 'all' : 'confirmed' },
      });
      return list.items;
    },
    availability: () => api.json('GET', '/coach/availability'),
    setAvailability: (input) => api.json('PUT', '/coach/availability', { json: input }),
    conversations: async () => (await api.json<ConversationList>('GET', '/conversations')).items,
    exportConversation: (bookingId) =>
      api.text('GET', `/conversations/${encodeURIComponent(bookingId)}/export.md`),
  };
}

/**
 * Runs `work` against the logged-in team server; a local target (no login, or --db/--local) is
 * refused with what to do, since coach pages and bookings exist only on a team server.
 */
export async function withCoaching<T>(
  command: string,
  dbFlag: string | undefined,
  work: (coaching: RemoteCoaching) => Promise<T>,
): Promise<T> {
  const target = chooseTarget(dbFlag);
  if (target.kind === 'local')
    throw new WhetstoneError(
      'validation',
      `whet ${command} needs a team server: coach pages and bookings live there; log in first with \`whet login <server>\``,
    );
  const api = new ApiClient(target.credentials.server, target.credentials.token);
  try {
    return await work(remoteCoaching(api));
  } finally {
    api.close();
  }
}
