/** What a researcher can share with a coach, read only, and its words (plain data, fit for the browser). */
export const GRANT_SCOPES = ['ideas', 'plans', 'sessions', 'experiments'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export const GRANT_SCOPE_LABELS: Record<GrantScope, string> = {
  ideas: 'Ideas',
  plans: 'Plans and practice',
  sessions: 'Focused sessions',
  experiments: 'Experiments and their reports',
};
