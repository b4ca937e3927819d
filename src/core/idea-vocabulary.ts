/**
 * The words of an idea — sources, efforts, statuses and the status lifecycle — as plain data, so
 * the browser can load them without the schemas (zod) that ideas.ts and idea-status.ts build on them.
 */

/** Where an idea came from. `imported` marks ideas brought in from another tool. */
export const IDEA_SOURCES = ['noticed', 'session', 'conversation', 'review', 'imported'] as const;
export type IdeaSourceName = (typeof IDEA_SOURCES)[number];

export const SOURCE_LABELS: Record<IdeaSourceName, string> = {
  noticed: 'Noticed during work',
  session: 'Focused session',
  conversation: 'Conversation',
  review: 'Review',
  imported: 'Imported',
};

/** Effort to try an idea: small, medium, large. */
export const EFFORTS = ['S', 'M', 'L'] as const;

export const IDEA_STATUSES = ['new', 'planned', 'trying', 'adopted', 'dropped'] as const;
export type IdeaStatusName = (typeof IDEA_STATUSES)[number];

/**
 * The lifecycle new -> planned -> trying -> adopted | dropped. Besides the forward path, an idea
 * can be dropped from any open state, put back a step when a plan slips, and a dropped idea can be
 * reopened; an adopted change that did not stick goes back to trying.
 */
const ALLOWED: Record<IdeaStatusName, readonly IdeaStatusName[]> = {
  new: ['planned', 'trying', 'dropped'],
  planned: ['trying', 'dropped', 'new'],
  trying: ['adopted', 'dropped', 'planned'],
  adopted: ['trying'],
  dropped: ['new'],
};

export function allowedTransitions(from: IdeaStatusName): readonly IdeaStatusName[] {
  return ALLOWED[from];
}

export function canTransition(from: IdeaStatusName, to: IdeaStatusName): boolean {
  return ALLOWED[from].includes(to);
}
