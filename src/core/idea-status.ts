import * as z from 'zod/mini';
import { WhetstoneError } from './errors.js';

export const IDEA_STATUSES = ['new', 'planned', 'trying', 'adopted', 'dropped'] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/**
 * The lifecycle new -> planned -> trying -> adopted | dropped. Besides the forward path, an idea
 * can be dropped from any open state, put back a step when a plan slips, and a dropped idea can be
 * reopened; an adopted change that did not stick goes back to trying.
 */
const ALLOWED: Record<IdeaStatus, readonly IdeaStatus[]> = {
  new: ['planned', 'trying', 'dropped'],
  planned: ['trying', 'dropped', 'new'],
  trying: ['adopted', 'dropped', 'planned'],
  adopted: ['trying'],
  dropped: ['new'],
};

export function allowedTransitions(from: IdeaStatus): readonly IdeaStatus[] {
  return ALLOWED[from];
}

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Throws an `illegal_transition` error naming the allowed next states. */
export function assertTransition(from: IdeaStatus, to: IdeaStatus): void {
  if (from === to || canTransition(from, to)) return;
  const allowed = ALLOWED[from].join(', ');
  throw new WhetstoneError(
    'illegal_transition',
    `status: cannot go from ${from} to ${to} (allowed: ${allowed})`,
    [{ field: 'status', message: `cannot go from ${from} to ${to}; allowed: ${allowed}` }],
  );
}
