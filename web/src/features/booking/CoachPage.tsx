import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PublicPageProps } from '../../app/public-routes.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { bookingApi } from './api.js';
import { NoPage } from './NoPage.js';
import { Paragraphs } from './Paragraphs.js';
import { TypeFacts } from './TypeFacts.js';
import './booking.css';

/** /book/:handle: the coach in their own words and the conversations one can book with them. */
export function CoachPage({ params }: PublicPageProps) {
  const handle = params.handle ?? '';
  const page = useQuery({
    queryKey: ['booking', 'coach', handle],
    queryFn: ({ signal }) => bookingApi.coachPage(handle, signal),
  });
  if (hasStatus(page.error, 404))
    return (
      <NoPage title="No coach at this address">
        Nobody publishes a booking page under “{handle}”. Check the link, or ask the coach for it.
      </NoPage>
    );
  if (!page.data)
    return (
      <div className="page page--narrow booking" aria-busy={page.error ? undefined : true}>
        {page.error ? (
          <ErrorNotice onRetry={() => void page.refetch()}>{errorMessage(page.error)}</ErrorNotice>
        ) : (
          <div className="skeleton skeleton--title" />
        )}
      </div>
    );
  const { coach, types } = page.data;
  return (
    <div className="page page--narrow booking">
      <header className="page-header">
        <p className="eyebrow">Book a conversation</p>
        <h1 className="page-title">{coach.displayName}</h1>
        <Paragraphs text={coach.introduction} className="booking-text" />
      </header>
      <h2 className="section-title" id="booking-types">
        Conversations
      </h2>
      {types.length === 0 ? (
        <p className="meta-text">{coach.displayName} offers no conversations to book just now.</p>
      ) : (
        <ul className="booking-types" aria-labelledby="booking-types">
          {types.map((type) => (
            <li key={type.slug} className="card booking-type">
              <h3 className="booking-type__title">
                <Link to={`/book/${encodeURIComponent(coach.handle)}/${encodeURIComponent(type.slug)}`}>
                  {type.title}
                </Link>
              </h3>
              <TypeFacts type={type} />
              <Paragraphs text={type.description} className="booking-text" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
