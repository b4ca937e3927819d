import { createHmac } from 'node:crypto';

/** The web pages bookings link to. */
export const BOOK_PATH = '/book';
export const MANAGE_PATH = '/booking';
export const COACH_BOOKINGS_PATH = '/coach/bookings';

/**
 * The secret of a booking's private link: an HMAC of its id and sequence under the server's key.
 * So a retried request, and a reminder, can be given the link again without it being stored (only
 * its hash is), and each reschedule — a new sequence — retires the old link.
 */
export function manageToken(secret: string, bookingId: string, sequence: number): string {
  return createHmac('sha256', secret).update(`booking-manage:${bookingId}:${sequence}`).digest('base64url');
}

export function manageUrl(publicUrl: string, token: string): string {
  return new URL(`${MANAGE_PATH}/${token}`, publicUrl).toString();
}
