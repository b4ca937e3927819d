import type {
  Availability,
  BusyCalendar,
  BusyCalendarInput,
  BusyCalendarList,
} from '../../../../src/core/coaching/availability.js';
import type { Booking, BookingList } from '../../../../src/core/coaching/booking.js';
import type { ClientList, GuideStatList } from '../../../../src/core/coaching/clients.js';
import type { CoachProfile, CoachProfileInput } from '../../../../src/core/coaching/coach-profile.js';
import type {
  ConversationType,
  ConversationTypeInput,
  ConversationTypeList,
} from '../../../../src/core/coaching/conversation-type.js';
import { at, hasStatus, request, searchQuery } from '../../shared/api/client.js';

/** Wrapped, so that "no page yet" is not mistaken for "not loaded yet". */
export interface ProfileState {
  profile: CoachProfile | null;
}

export type BookingFilter = 'upcoming' | 'past' | 'cancelled';

/** The list's query for a filter: the server's default window starts a day back, so say `from`. */
function bookingQuery(filter: BookingFilter, now: Date): Record<string, string> {
  const iso = now.toISOString();
  if (filter === 'upcoming') return { from: iso, status: 'confirmed' };
  if (filter === 'past') return { from: '2000-01-01T00:00:00Z', to: iso, status: 'confirmed' };
  return { from: '2000-01-01T00:00:00Z', status: 'cancelled' };
}

/** A coach's own booking page and the bookings made on it (`/coach/…`). */
export const coachApi = {
  /** The profile, or `{ profile: null }` before the coach first saved one (the server's 404). */
  async profile(signal?: AbortSignal): Promise<ProfileState> {
    try {
      return { profile: await request<CoachProfile>('GET', '/coach/profile', undefined, signal) };
    } catch (error) {
      if (hasStatus(error, 404)) return { profile: null };
      throw error;
    }
  },
  saveProfile(input: CoachProfileInput) {
    return request<CoachProfile>('PUT', '/coach/profile', input);
  },
  availability(signal?: AbortSignal) {
    return request<Availability>('GET', '/coach/availability', undefined, signal);
  },
  saveAvailability(input: Availability) {
    return request<Availability>('PUT', '/coach/availability', input);
  },
  async types(signal?: AbortSignal) {
    return (await request<ConversationTypeList>('GET', '/coach/types', undefined, signal)).items;
  },
  createType(input: ConversationTypeInput) {
    return request<ConversationType>('POST', '/coach/types', input);
  },
  updateType(id: string, input: ConversationTypeInput) {
    return request<ConversationType>('PUT', `/coach/types/${at(id)}`, input);
  },
  deleteType(id: string) {
    return request<void>('DELETE', `/coach/types/${at(id)}`);
  },
  async calendars(signal?: AbortSignal) {
    return (await request<BusyCalendarList>('GET', '/coach/calendars', undefined, signal)).items;
  },
  addCalendar(input: BusyCalendarInput) {
    return request<BusyCalendar>('POST', '/coach/calendars', input);
  },
  refreshCalendar(id: string) {
    return request<BusyCalendar>('POST', `/coach/calendars/${at(id)}/refresh`);
  },
  removeCalendar(id: string) {
    return request<void>('DELETE', `/coach/calendars/${at(id)}`);
  },
  async bookings(filter: BookingFilter, signal?: AbortSignal, now = new Date()) {
    const path = `/coach/bookings${searchQuery(bookingQuery(filter, now))}`;
    return (await request<BookingList>('GET', path, undefined, signal)).items;
  },
  /** The researchers who booked the coach, those with a follow-up due first. */
  async clients(signal?: AbortSignal) {
    return (await request<ClientList>('GET', '/coach/clients', undefined, signal)).items;
  },
  /** The guide's questions with the ideas they drew out, in the guide's order. */
  async guideStats(signal?: AbortSignal) {
    return (await request<GuideStatList>('GET', '/coach/guide-stats', undefined, signal)).items;
  },
  cancelBooking(id: string, reason: string) {
    return request<Booking>('POST', `/coach/bookings/${at(id)}/cancel`, reason ? { reason } : {});
  },
};

export const coachKeys = {
  profile: ['coach', 'profile'] as const,
  availability: ['coach', 'availability'] as const,
  types: ['coach', 'types'] as const,
  calendars: ['coach', 'calendars'] as const,
  bookings: (filter: BookingFilter) => ['coach', 'bookings', filter] as const,
  allBookings: ['coach', 'bookings'] as const,
  clients: ['coach', 'clients'] as const,
  guideStats: ['coach', 'guide-stats'] as const,
};
