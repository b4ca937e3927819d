import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Booking } from '../../../../src/core/coaching/booking.js';
import type { CoachProfile } from '../../../../src/core/coaching/coach-profile.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { type BookingFilter, coachApi, coachKeys } from './api.js';
import { BookingRow } from './BookingRow.js';
import { publicAddress } from './public-address.js';
import { dayHeading, localDay } from './zoned.js';
import '../../shared/styles/row-list.css';
import './coaching.css';

const FILTERS: { value: BookingFilter; label: string }[] = [
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** /coach/bookings (coaches): the conversations booked on one's page, day by day in one's own zone. */
export function BookingsPage() {
  const query = useApiQuery(coachKeys.profile, (signal) => coachApi.profile(signal));
  const profile = query.data?.profile;
  return (
    <div className="page page--narrow">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Bookings</h1>
          <p className="page-lede">
            {profile
              ? `Debugging conversations booked on your page, shown in your time zone, ${profile.timeZone}.`
              : 'Debugging conversations researchers book on your page.'}
          </p>
        </div>
        {profile && (
          <Link to="/coach/page" className="button">
            Booking page settings
          </Link>
        )}
      </header>
      {query.error ? (
        <ErrorNotice onRetry={() => void query.reload()}>{query.error}</ErrorNotice>
      ) : profile === undefined ? (
        <LoadingCard lines={2} />
      ) : profile === null ? (
        <NoPageYet />
      ) : (
        <BookingLists profile={profile} />
      )}
    </div>
  );
}

/** A coach who never saved a profile: what the page is for, and the way to set it up. */
function NoPageYet() {
  return (
    <div className="card empty-card">
      <p className="empty-card__title">You have no booking page yet.</p>
      <p className="meta-text">
        Choose your address, your weekly hours and the conversations you offer; then researchers can book you
        and their bookings appear here.
      </p>
      <Link to="/coach/page" className="button button--primary empty-card__action">
        Set up your booking page
      </Link>
    </div>
  );
}

function BookingLists({ profile }: { profile: CoachProfile }) {
  const id = useId();
  const [filter, setFilter] = useState<BookingFilter>('upcoming');
  const bookings = useApiQuery(coachKeys.bookings(filter), (signal) => coachApi.bookings(filter, signal));
  const zone = profile.timeZone;

  return (
    <>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show bookings</legend>
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className="segmented__option"
            aria-pressed={filter === option.value}
            onClick={() => setFilter(option.value)}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      {bookings.error ? (
        <ErrorNotice onRetry={() => void bookings.reload()}>{bookings.error}</ErrorNotice>
      ) : !bookings.data ? (
        <LoadingCard lines={2} />
      ) : bookings.data.length === 0 ? (
        <EmptyList filter={filter} handle={profile.handle} />
      ) : (
        byDay(bookings.data, zone, filter !== 'upcoming').map((day) => (
          <section key={day.date} className="booking-day" aria-labelledby={`${id}-${day.date}`}>
            <h2 id={`${id}-${day.date}`} className="section-title">
              {day.heading}
            </h2>
            <ul className="card row-list" aria-label={day.heading}>
              {day.items.map((booking) => (
                <BookingRow key={booking.id} booking={booking} zone={zone} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

function EmptyList({ filter, handle }: { filter: BookingFilter; handle: string }) {
  if (filter !== 'upcoming')
    return (
      <div className="card empty-card">
        <p className="empty-card__title">
          {filter === 'past' ? 'No past conversations yet.' : 'Nothing was cancelled.'}
        </p>
      </div>
    );
  return (
    <div className="card empty-card">
      <p className="empty-card__title">No upcoming bookings.</p>
      <p className="meta-text">
        Researchers book you at <span className="coach-address">{publicAddress(handle)}</span>. Check that you
        have weekly hours and at least one conversation type switched on.
      </p>
      <Link to="/coach/page" className="button empty-card__action">
        Open booking page settings
      </Link>
    </div>
  );
}

interface Day {
  date: string;
  heading: string;
  items: Booking[];
}

/** Bookings grouped by their local day in `zone`, soonest first (latest first for the past). */
function byDay(bookings: readonly Booking[], zone: string, latestFirst: boolean): Day[] {
  const sorted = [...bookings].sort((a, b) =>
    latestFirst ? b.start.localeCompare(a.start) : a.start.localeCompare(b.start),
  );
  const days: Day[] = [];
  for (const booking of sorted) {
    const date = localDay(booking.start, zone);
    const last = days.at(-1);
    if (last?.date === date) last.items.push(booking);
    else days.push({ date, heading: dayHeading(booking.start, zone), items: [booking] });
  }
  return days;
}
