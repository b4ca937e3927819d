import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { BookingConfirmation, ManagedBooking } from '../../../../src/core/coaching/booking.js';
import type { PublicPageProps } from '../../app/public-routes.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { bookingApi, tokenOfManageUrl } from './api.js';
import { CancelBooking } from './CancelBooking.js';
import { useFocusOnShow } from './focus.js';
import { Location } from './Location.js';
import { NoPage } from './NoPage.js';
import { RescheduleBooking } from './RescheduleBooking.js';
import { timeRange, zoneName } from './when.js';
import './booking.css';

type Mode = 'view' | 'reschedule' | 'cancel';

const bookAgainPath = (booking: ManagedBooking) =>
  `/book/${encodeURIComponent(booking.coach.handle)}/${encodeURIComponent(booking.type.slug)}`;

/**
 * /booking/:token: the booker's own page, opened from the confirmation or the invitation. It
 * moves the conversation (to a new link: the old one stops working) or cancels it.
 */
export function ManagePage({ params }: PublicPageProps) {
  const token = params.token ?? '';
  const client = useQueryClient();
  const navigate = useNavigate();
  const moved = (useLocation().state as { moved?: boolean } | null)?.moved === true;
  const [mode, setMode] = useState<Mode>('view');
  const [cancelled, setCancelled] = useState<ManagedBooking | null>(null);
  const loaded = useQuery({
    queryKey: ['booking', 'manage', token],
    queryFn: ({ signal }) => bookingApi.manage(token, signal),
    // The link is spent once the booking is cancelled: nothing is refetched behind the page's back.
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (cancelled) return <Cancelled booking={cancelled} />;
  if (hasStatus(loaded.error, 404))
    return (
      <NoPage title="This link no longer works">
        The booking was moved to another time (its newest mail has the new link), or it was cancelled, or the
        link is incomplete. Check that you copied all of it.
      </NoPage>
    );
  const booking = loaded.data;
  if (!booking)
    return (
      <div className="page page--narrow booking" aria-busy={loaded.error ? undefined : true}>
        {loaded.error ? (
          <ErrorNotice onRetry={() => void loaded.refetch()}>{errorMessage(loaded.error)}</ErrorNotice>
        ) : (
          <div className="skeleton skeleton--title" />
        )}
      </div>
    );

  const rescheduled = (confirmation: BookingConfirmation) => {
    const next = tokenOfManageUrl(confirmation.manageUrl);
    client.setQueryData(['booking', 'manage', next], confirmation.booking);
    client.removeQueries({ queryKey: ['booking', 'manage', token] });
    navigate(`/booking/${encodeURIComponent(next)}`, { replace: true, state: { moved: true } });
  };

  return (
    <div className="page page--narrow booking">
      <header className="page-header">
        <p className="eyebrow">Your booking</p>
        <h1 className="page-title">
          {booking.type.title} with {booking.coach.displayName}
        </h1>
      </header>
      {moved && (
        <p className="notice" role="status">
          Moved. This page has a new address — the invitation mailed to you links to it — and the old link no
          longer works.
        </p>
      )}
      <section className="card booking-manage" aria-label="The booking">
        <dl className="booking-facts">
          <dt>When</dt>
          <dd>
            {timeRange(booking.start, booking.end, booking.bookerTimeZone)}
            <span className="meta-text"> (time zone: {zoneName(booking.bookerTimeZone)})</span>
          </dd>
          <dt>Where</dt>
          <dd>
            <Location location={booking.location} />
          </dd>
          <dt>Booked by</dt>
          <dd>
            {booking.booker.name} ({booking.booker.email})
          </dd>
        </dl>
        {booking.status === 'confirmed' && (
          <p className="booking-manage__room">
            <Link className="button button--primary" to={`/booking/${encodeURIComponent(token)}/room`}>
              Open the conversation room
            </Link>
            <span className="meta-text">
              Keep it open beside the call: the questions, notes you share and the ideas you take away.
            </span>
          </p>
        )}
        {!booking.changeable ? (
          <p className="meta-text">
            This conversation has started or passed; to change it, write to the coach.
          </p>
        ) : mode === 'view' ? (
          <div className="booking-form__actions">
            <button type="button" className="button" onClick={() => setMode('reschedule')}>
              Reschedule
            </button>
            <button type="button" className="button button--danger-quiet" onClick={() => setMode('cancel')}>
              Cancel
            </button>
          </div>
        ) : null}
      </section>
      {booking.changeable && mode === 'reschedule' && (
        <RescheduleBooking
          token={token}
          booking={booking}
          onMoved={rescheduled}
          onClose={() => setMode('view')}
        />
      )}
      {booking.changeable && mode === 'cancel' && (
        <CancelBooking token={token} onCancelled={setCancelled} onClose={() => setMode('view')} />
      )}
    </div>
  );
}

function Cancelled({ booking }: { booking: ManagedBooking }) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <div className="page page--narrow booking">
      <header className="page-header">
        <p className="eyebrow">Your booking</p>
        <h1 className="page-title booking-step" ref={heading} tabIndex={-1}>
          Cancelled
        </h1>
        <p className="page-lede">
          {booking.type.title} on {timeRange(booking.start, booking.end, booking.bookerTimeZone)} is
          cancelled. {booking.coach.displayName} has been told, and this link no longer works.
        </p>
      </header>
      <p>
        <Link className="button button--primary" to={bookAgainPath(booking)}>
          Book another time
        </Link>
      </p>
    </div>
  );
}
