import type { PublicConversationType } from '../../../../src/core/coaching/conversation-type.js';
import { duration } from './when.js';

const WHERE = {
  video: 'Video call — the link comes with the confirmation',
  place: 'In person — the place comes with the confirmation',
} as const;

/** How long and where, before booking (the address itself is told only to whoever books). */
export function TypeFacts({ type }: { type: PublicConversationType }) {
  return (
    <ul className="booking-type-facts">
      <li>
        <span className="booking-type-facts__label">Length</span> {duration(type.durationMinutes)}
      </li>
      <li>
        <span className="booking-type-facts__label">Where</span> {WHERE[type.locationKind]}
      </li>
    </ul>
  );
}
