import { Link } from 'react-router';
import type { BookingConfirmation } from '../../../../src/core/coaching/booking.js';
import { tokenOfManageUrl } from './api.js';
import { useFocusOnShow } from './focus.js';
import { Location } from './Location.js';
import { timeRange, zoneName } from './when.js';

/** After booking: when (in the visitor's zone), where, the invitation, and the manage link. */
export function BookingConfirmed({ confirmation }: { confirmation: BookingConfirmation }) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const { booking, manageUrl } = confirmation;
  return (
    <section className="booking-done" aria-labelledby="booking-done-title">
      <h2 id="booking-done-title" className="booking-done__title booking-step" ref={heading} tabIndex={-1}>
        You are booked
      </h2>
      <dl className="booking-facts">
        <dt>When</dt>
        <dd>
          {timeRange(booking.start, booking.end, booking.bookerTimeZone)}
          <span className="meta-text"> ({zoneName(booking.bookerTimeZone)})</span>
        </dd>
        <dt>What</dt>
        <dd>
          {booking.type.title} with {booking.coach.displayName}
        </dd>
        <dt>Where</dt>
        <dd>
          <Location location={booking.location} />
        </dd>
      </dl>
      <p>
        A calendar invitation is on its way to <strong>{booking.booker.email}</strong>.
      </p>
      <p>
        <Link to={`/booking/${encodeURIComponent(tokenOfManageUrl(manageUrl))}`}>
          Move or cancel the booking
        </Link>
        <span className="meta-text"> — the invitation has this link too.</span>
      </p>
    </section>
  );
}
