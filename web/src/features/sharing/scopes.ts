import { GRANT_SCOPE_LABELS, GRANT_SCOPES } from '../../../../src/core/team/grant-scopes.js';
import type { Grant } from '../../../../src/core/team/grants.js';

export { GRANT_SCOPE_LABELS, GRANT_SCOPES };

/** What each scope lets the coach read, under its checkbox. */
export const SCOPE_HINTS: Record<(typeof GRANT_SCOPES)[number], string> = {
  ideas: 'Your ideas, their areas, status and value',
  plans: 'Your plans, reviews and logged practice',
  sessions: 'Your focused sessions and what came out of them',
  experiments: 'Your self-experiments and their reports',
};

/**
 * "Ideas (Writing, Reading papers), plans and practice": a list, so only its first word is
 * capitalised; `inSentence` lower-cases that one too.
 */
export function grantScopesText(grant: Pick<Grant, 'scopes' | 'areas'>, inSentence = false): string {
  return grant.scopes
    .map((scope, index) => {
      const label = GRANT_SCOPE_LABELS[scope];
      const word = inSentence || index > 0 ? label.charAt(0).toLowerCase() + label.slice(1) : label;
      return scope === 'ideas' && grant.areas
        ? `${word} (${grant.areas.map((area) => area.name).join(', ')})`
        : word;
    })
    .join(', ');
}
