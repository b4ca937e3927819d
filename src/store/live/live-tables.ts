/** The channel every PostgreSQL write a page shows live is announced on (migration 0007). */
export const LIVE_CHANNEL = 'whetstone_live';

/**
 * Tables whose writes an open page should see: the user's data, and what decides whether a
 * stream's session still stands (sessions, memberships, tokens). Each has a `user_id`.
 */
export const LIVE_TABLES = [
  'ideas',
  'areas',
  'sessions',
  'decks',
  'experiments',
  'measurements',
  'pools',
  'plans',
  'plan_ideas',
  'practice_logs',
  'interruptions',
  'reviews',
  'auth_sessions',
  'memberships',
  'access_tokens',
] as const;
