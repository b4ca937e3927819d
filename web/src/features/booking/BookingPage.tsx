import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { BookingConfirmation, Slot } from '../../../../src/core/coaching/booking.js';
import type { PublicPageProps } from '../../app/public-routes.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { browserTimeZone } from '../../shared/time-zone.js';
import { bookingApi } from './api.js';
import { BookingConfirmed } from './BookingConfirmed.js';
import type { Draft, Taken } from './BookingForm.js';
import { NoPage } from './NoPage.js';
import { Paragraphs } from './Paragraphs.js';
import { PickStep } from './PickStep.js';
import { TypeFacts } from './TypeFacts.js';
import { useSlots } from './use-slots.js';
import './booking.css';

// The form (and react-hook-form) loads while the visitor looks at the times, not before the page shows.
const loadForm = () => import('./BookingForm.js');
const BookingForm = lazy(() => loadForm().then((m) => ({ default: m.BookingForm })));

type Step =
  | { kind: 'pick'; from?: Slot }
  | { kind: 'details'; slot: Slot }
  | { kind: 'done'; confirmation: BookingConfirmation };

/**
 * /book/:handle/:type: what the conversation is, the free times in the visitor's zone (detected,
 * changeable), their details, and the confirmation. A time taken meanwhile sends the visitor
 * back to the times the server sent with the refusal.
 */
export function BookingPage({ params }: PublicPageProps) {
  const handle = params.handle ?? '';
  const typeSlug = params.type ?? '';
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [taken, setTaken] = useState<Taken | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const page = useQuery({
    queryKey: ['booking', 'type', handle, typeSlug],
    queryFn: ({ signal }) => bookingApi.bookingPage(handle, typeSlug, signal),
  });
  const slots = useSlots(handle, typeSlug, timeZone);
  const shown = slots.data !== undefined;
  useEffect(() => {
    if (shown) void loadForm();
  }, [shown]);

  if (hasStatus(page.error, 404))
    return (
      <NoPage title="No booking page here">
        There is no conversation to book at this address. The coach may have renamed or hidden it; ask them
        for the current link.
      </NoPage>
    );
  if (!page.data)
    return (
      <div className="page booking" aria-busy={page.error ? undefined : true}>
        {page.error ? (
          <ErrorNotice onRetry={() => void page.refetch()}>{errorMessage(page.error)}</ErrorNotice>
        ) : (
          <div className="skeleton skeleton--title" />
        )}
      </div>
    );

  const { coach, type } = page.data;
  // After a refusal the fresh times from the server stand in for the list until the next change.
  const list = taken?.slots ?? slots.data;
  const changeZone = (zone: string) => {
    setTimeZone(zone);
    setTaken(null);
    setStep({ kind: 'pick' });
  };

  return (
    <div className="page booking booking--split">
      <header className="page-header booking-head">
        <p className="eyebrow">
          <Link className="booking-head__coach" to={`/book/${encodeURIComponent(coach.handle)}`}>
            {coach.displayName}
          </Link>
        </p>
        <h1 className="page-title">{type.title}</h1>
        <TypeFacts type={type} />
        <Paragraphs text={type.description} className="booking-text" />
      </header>

      <section className="card booking-main" aria-label="Book a time">
        {step.kind === 'done' ? (
          <BookingConfirmed confirmation={step.confirmation} />
        ) : step.kind === 'details' ? (
          <Suspense fallback={<div aria-busy="true" className="skeleton skeleton--line" />}>
            <BookingForm
              handle={handle}
              type={type}
              slot={step.slot}
              timeZone={timeZone}
              onBooked={(confirmation) => setStep({ kind: 'done', confirmation })}
              draft={draft}
              onTaken={(refusal) => {
                setTaken(refusal);
                setDraft(refusal.draft);
                setStep({ kind: 'pick' });
                void slots.refetch();
              }}
              onBack={(typed) => {
                setDraft(typed);
                setStep({ kind: 'pick', from: step.slot });
              }}
            />
          </Suspense>
        ) : (
          <PickStep
            timeZone={timeZone}
            onZone={changeZone}
            list={list}
            error={slots.error ? errorMessage(slots.error) : null}
            onRetry={() => void slots.refetch()}
            from={step.from}
            taken={taken}
            onPick={(slot) => {
              setTaken(null);
              setStep({ kind: 'details', slot });
            }}
          />
        )}
      </section>
    </div>
  );
}
