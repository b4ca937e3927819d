import type {
  BookingConfirmation,
  ManagedBooking,
  PublicBookingPage,
  PublicCoachPage,
  SlotList,
} from '../../../../src/core/coaching/booking.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

/** What a visitor sends to book one slot. */
export interface BookingBody {
  start: string;
  name: string;
  email: string;
  timeZone: string;
  answers: Record<string, string>;
}

const book = (handle: string, type: string) => `/public/book/${at(handle)}/${at(type)}`;
const managed = (token: string) => `/public/bookings/${at(token)}`;

/** The public booking pages' calls: no session, the coach's handle or the private token only. */
export const bookingApi = {
  coachPage(handle: string, signal?: AbortSignal) {
    return request<PublicCoachPage>('GET', `/public/book/${at(handle)}`, undefined, signal);
  },
  bookingPage(handle: string, type: string, signal?: AbortSignal) {
    return request<PublicBookingPage>('GET', book(handle, type), undefined, signal);
  },
  slots(handle: string, type: string, timeZone: string, signal?: AbortSignal) {
    return request<SlotList>(
      'GET',
      `${book(handle, type)}/slots${searchQuery({ timeZone })}`,
      undefined,
      signal,
    );
  },
  /** `key` makes a retried submission answer with the booking the first one made. */
  book(handle: string, type: string, body: BookingBody, key: string) {
    return request<BookingConfirmation>('POST', `${book(handle, type)}/bookings`, body, undefined, {
      'idempotency-key': key,
    });
  },
  manage(token: string, signal?: AbortSignal) {
    return request<ManagedBooking>('GET', managed(token), undefined, signal);
  },
  reschedule(token: string, start: string) {
    return request<BookingConfirmation>('POST', `${managed(token)}/reschedule`, { start });
  },
  cancel(token: string, reason: string) {
    return request<ManagedBooking>('POST', `${managed(token)}/cancel`, reason ? { reason } : {});
  },
};

/** The token at the end of a manage link (`https://…/booking/<token>`). */
export const tokenOfManageUrl = (url: string) =>
  new URL(url, window.location.href).pathname.split('/').pop() ?? '';
