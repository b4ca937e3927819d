import { type Availability, type LocalRange, WEEKDAYS } from '../core/coaching/availability.js';
import type { Booking } from '../core/coaching/booking.js';
import type { ConversationSummary } from '../core/coaching/conversation.js';
import { plural } from '../core/plural.js';
import { truncate, zonedTime } from './plan-output.js';

const out = (text: string) => process.stdout.write(text);

/** One line per booking, times in the coach's zone; the booker's zone only when it differs. */
export function printBookings(bookings: readonly Booking[], timeZone: string, all: boolean): void {
  if (bookings.length === 0) {
    out(all ? 'No bookings yet.\n' : 'No upcoming bookings.\n');
    return;
  }
  out(`${plural(bookings.length, 'booking')}, times in ${timeZone}\n\n`);
  const typeWidth = Math.min(32, Math.max(...bookings.map((b) => b.type.title.length)));
  for (const booking of bookings) {
    const when = `${zonedTime(booking.start, timeZone)}–${zonedTime(booking.end, timeZone).slice(11)}`;
    const status = all ? `${booking.status.padEnd(9)}  ` : '';
    const theirZone = booking.bookerTimeZone === timeZone ? '' : `  (their zone ${booking.bookerTimeZone})`;
    out(
      `${when}  ${status}${truncate(booking.type.title, typeWidth).padEnd(typeWidth)}  ${booking.booker.name} <${booking.booker.email}>${theirZone}\n`,
    );
  }
}

const rangesText = (ranges: readonly LocalRange[]) =>
  ranges.length === 0 ? 'not available' : ranges.map((r) => `${r.start}–${r.end}`).join(', ');

/** Weekly hours, overrides and time off, as the coach reads them. */
export function printAvailability(availability: Availability, timeZone: string): void {
  out(`Weekly hours (${timeZone})\n`);
  for (const day of WEEKDAYS) out(`  ${day}  ${rangesText(availability.weekly[day])}\n`);
  out('\nOverrides\n');
  if (availability.overrides.length === 0) out('  none\n');
  for (const override of availability.overrides) out(`  ${override.date}  ${rangesText(override.ranges)}\n`);
  out('\nTime off\n');
  if (availability.timeOff.length === 0) out('  none\n');
  for (const off of availability.timeOff)
    out(`  ${off.from} to ${off.to}${off.note ? `  ${off.note}` : ''}\n`);
}

/** One line per conversation: id, when (UTC, as the terminal's zone is unknown), with whom, ideas. */
export function printConversations(conversations: readonly ConversationSummary[]): void {
  if (conversations.length === 0) {
    out('No conversations yet.\n');
    return;
  }
  for (const c of conversations) {
    const when = `${zonedTime(c.start, 'UTC')} UTC`;
    const as = c.role === 'coach' ? 'with' : 'coach';
    const ideas = c.ideasAccepted === 0 ? '' : `  ${plural(c.ideasAccepted, 'idea')} accepted`;
    out(
      `${c.bookingId}  ${when}  ${truncate(c.type.title, 32)}  ${as} ${c.with}${c.endedAt ? '  (ended)' : ''}${ideas}\n`,
    );
  }
}
