import { useId } from 'react';
import { Link } from 'react-router';
import type { CoachProfile } from '../../../../src/core/coaching/coach-profile.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { AvailabilitySection } from './AvailabilitySection.js';
import { coachApi, coachKeys } from './api.js';
import { CalendarsSection } from './CalendarsSection.js';
import { CopyButton } from './CopyButton.js';
import { ProfileSection } from './ProfileSection.js';
import { publicAddress } from './public-address.js';
import { TypesSection } from './TypesSection.js';
import '../../shared/styles/row-list.css';
import './coaching.css';

/**
 * /coach/page (coaches): the public booking page's settings, a section each. Until the profile is
 * saved there is no page, so only the profile shows.
 */
export function BookingPageSettingsPage() {
  const id = useId();
  const query = useApiQuery(coachKeys.profile, (signal) => coachApi.profile(signal));
  const profile = query.data?.profile;

  return (
    <div className="page page--narrow">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Booking page</h1>
          <p className="page-lede">
            Where researchers book a debugging conversation with you: who you are, when you are free, what you
            offer, and the calendars that say when you are busy.
          </p>
        </div>
        {profile && (
          <Link to="/coach/bookings" className="button">
            Your bookings
          </Link>
        )}
      </header>
      {profile && (
        <p className="card coach-live">
          <span className="meta-text">Your page:</span>{' '}
          <a href={publicAddress(profile.handle)} className="coach-address" target="_blank" rel="noreferrer">
            {publicAddress(profile.handle)}
          </a>
          <CopyButton text={publicAddress(profile.handle)} label="Copy the address of your page" />
        </p>
      )}
      <section className="data-section" aria-labelledby={`${id}-profile`}>
        <h2 id={`${id}-profile`} className="section-title">
          Profile
        </h2>
        {query.error ? (
          <ErrorNotice onRetry={() => void query.reload()}>{query.error}</ErrorNotice>
        ) : profile === undefined ? (
          <LoadingCard lines={2} />
        ) : (
          <ProfileSection
            key={profile ? 'saved' : 'new'}
            profile={profile}
            onSaved={(saved) => query.setData(() => ({ profile: saved }))}
          />
        )}
      </section>
      {profile ? (
        <PageSections profile={profile} />
      ) : (
        profile === null && (
          <p className="card coach-next">
            Save your profile first; then set your hours, the conversations you offer and your busy calendars.
          </p>
        )
      )}
    </div>
  );
}

function PageSections({ profile }: { profile: CoachProfile }) {
  const id = useId();
  const availability = useApiQuery(coachKeys.availability, (signal) => coachApi.availability(signal));
  return (
    <>
      <section className="data-section" aria-labelledby={`${id}-hours`}>
        <h2 id={`${id}-hours`} className="section-title">
          Availability
        </h2>
        {availability.error ? (
          <ErrorNotice onRetry={() => void availability.reload()}>{availability.error}</ErrorNotice>
        ) : !availability.data ? (
          <LoadingCard lines={2} />
        ) : (
          <AvailabilitySection
            availability={availability.data}
            zone={profile.timeZone}
            onSaved={(saved) => availability.setData(() => saved)}
          />
        )}
      </section>
      <section className="data-section" aria-labelledby={`${id}-types`}>
        <h2 id={`${id}-types`} className="section-title">
          Conversation types
        </h2>
        <TypesSection handle={profile.handle} />
      </section>
      <section className="data-section" aria-labelledby={`${id}-calendars`}>
        <h2 id={`${id}-calendars`} className="section-title">
          Busy calendars
        </h2>
        <p className="hint coach-section__lede">
          Events in these calendars block your slots. They are read again every 15 minutes; the full address
          stays secret.
        </p>
        <CalendarsSection />
      </section>
    </>
  );
}
