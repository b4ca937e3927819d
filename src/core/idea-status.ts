import * as z from 'zod/mini';
import { WhetstoneError } from './errors.js';

import { allowedTransitions, canTransition, IDEA_STATUSES } from './idea-vocabulary.js';

export { allowedTransitions, canTransition, IDEA_STATUSES };

export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/** Throws an `illegal_transition` error naming the allowed next states. */
export function assertTransition(from: IdeaStatus, to: IdeaStatus): void {
  if (from === to || canTransition(from, to)) return;
  const allowed = allowedTransitions(from).join(', ');
  throw new WhetstoneError(
    'illegal_transition',
    `status: cannot go from ${from} to ${to} (allowed: ${allowed})`,
    [{ field: 'status', message: `cannot go from ${from} to ${to}; allowed: ${allowed}` }],
  );
}
