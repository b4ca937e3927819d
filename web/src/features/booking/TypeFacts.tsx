import type { PublicConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { duration } from './when.js';

const WHERE = {
  video: 'Video call — the link comes with the confirmation',
  place: 'In person — the place comes with the confirmation',
} as const;

/** How long and where, before booking (the address itself is told only to whoever books). */
export function TypeFacts({ type }: { type: PublicConversationType }) {
  return (
    <dl className="booking-type-facts">
      <dt>Length</dt>
      <dd>{duration(type.durationMinutes)}</dd>
      <dt>Where</dt>
      <dd>{WHERE[type.locationKind]}</dd>
    </dl>
  );
}
