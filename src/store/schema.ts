import type { ColumnType, Generated } from 'kysely';

/**
 * Row types as stored. The two engines differ: SQLite keeps timestamps as ISO-8601 text and
 * booleans as 0/1, PostgreSQL as timestamptz and boolean. Repositories normalise both through
 * `rows.ts`; nothing above the store sees an engine's representation.
 */
type Timestamp = ColumnType<string | Date, string, string>;
type Flag = ColumnType<boolean | number, boolean | number, boolean | number>;

export interface UsersTable {
  id: string;
  name: string;
  created_at: Timestamp;
  /** IANA zone; null means the zone of the machine Whetstone runs on. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AreasTable {
  user_id: string;
  id: string;
  name: string;
  /** Lower-cased, space-collapsed name; unique per user. */
  name_key: string;
  description: string | null;
  is_default: Flag;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export interface IdeasTable {
  /** Stable integer key; SQLite's full-text index refers to it. */
  seq: Generated<number>;
  id: string;
  user_id: string;
  text: string;
  area_id: string | null;
  source: string;
  status: string;
  value: number | null;
  effort: string | null;
  context: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  status_changed_at: Timestamp;
  /** The focused session and question that prompted the idea, if any. */
  session_id: string | null;
  question_id: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  deck_id: string;
  state: string;
  planned_ms: number;
  added_ms: number;
  started_at: Timestamp;
  paused_at: Timestamp | null;
  paused_ms: number | string;
  ended_at: Timestamp | null;
  /** JSON array of question ids. */
  queue: string;
  seed: string;
  /** JSON array of area ids the draw was restricted to. */
  areas: string;
  position: number;
  position_entered_ms: number | string;
  note: string | null;
  updated_at: Timestamp;
}

export interface SessionQuestionsTable {
  session_id: string;
  position: number;
  question_id: string;
  text: string;
  spent_ms: number | string;
  skipped: Flag;
}

export interface DecksTable {
  user_id: string;
  id: string;
  name: string;
  description: string | null;
  /** JSON array of deck questions. */
  questions: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExperimentsTable {
  id: string;
  user_id: string;
  state: string;
  template_id: string;
  /** JSON of the core's ExperimentRecord. */
  record: string;
  participant: string;
  rating_seed: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExperimentItemsTable {
  experiment_id: string;
  position: number;
  token: string;
  idea_id: string;
  phase: string;
  text: string;
  value: number | null;
  rated_at: Timestamp | null;
  excluded: string | null;
}

export interface SecondRaterInvitationsTable {
  id: string;
  experiment_id: string;
  /** SHA-256 of the link's token; the token itself is shown once and never stored. */
  token_hash: string;
  rater_name: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
}

export interface SecondRaterRatingsTable {
  invitation_id: string;
  item_token: string;
  value: number;
  rated_at: Timestamp;
}

export interface MeasurementsTable {
  id: string;
  user_id: string;
  name: string;
  name_key: string;
  value: number | string;
  measured_at: Timestamp;
  note: string | null;
  created_at: Timestamp;
}

export interface PoolsTable {
  id: string;
  user_id: string;
  name: string;
  template_id: string;
  template_version: number;
  created_at: Timestamp;
}

export interface PoolCardsTable {
  pool_id: string;
  participant: string;
  fingerprint: string;
  /** The validated ResultCard as JSON. */
  card: string;
  imported_at: Timestamp;
}

export interface PlansTable {
  id: string;
  user_id: string;
  state: string;
  review_on: string;
  /** JSON of the core's Plan. */
  record: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanIdeasTable {
  plan_id: string;
  idea_id: string;
  user_id: string;
}

export interface ExercisesTable {
  user_id: string;
  id: string;
  /** JSON of the core's Exercise. */
  record: string;
  created_at: Timestamp;
}

export interface PracticeLogsTable {
  id: string;
  user_id: string;
  plan_id: string | null;
  exercise_id: string | null;
  minutes: number;
  difficulty: number | null;
  note: string | null;
  at: Timestamp;
  created_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  user_id: string;
  kind: 'weekly' | 'plan';
  plan_id: string | null;
  week_of: string | null;
  /** JSON of the core's WeeklyReview or PlanReview. */
  record: string;
  created_at: Timestamp;
}

export interface InterruptionsTable {
  id: string;
  user_id: string;
  at: Timestamp;
  reason: string | null;
  duration_minutes: number | null;
  created_at: Timestamp;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** better-auth's tables (see 0006-team-accounts); only better-auth and the account services write them. */
export interface AuthUsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: Flag;
  image: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthAccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthVerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthRateLimitsTable {
  id: string;
  key: string;
  count: number;
  last_request: ColumnType<number | string, number, number>;
}

export interface ServerSettingsTable {
  key: string;
  value: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  status: string;
  joined_at: Timestamp;
  deactivated_at: Timestamp | null;
}

export interface MembershipRolesTable {
  org_id: string;
  user_id: string;
  role: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  roles: string;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface SetupLinksTable {
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface GrantsTable {
  id: string;
  org_id: string;
  researcher_id: string;
  coach_id: string;
  scopes: string;
  area_ids: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface GrantAccessLogTable {
  seq: Generated<number>;
  grant_id: string;
  researcher_id: string;
  coach_id: string;
  scope: string;
  object_id: string | null;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  org_id: string | null;
  actor_user_id: string | null;
  kind: string;
  subject_user_id: string | null;
  detail: string;
  ip_address: string | null;
  created_at: Timestamp;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** `CalendarMethod` (core/mail.ts) and the ICS text of the invitation; both null without one. */
  calendar_method: string | null;
  calendar_ics: string | null;
  created_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface CoachProfilesTable {
  coach_id: string;
  org_id: string;
  handle: string;
  display_name: string;
  introduction: string;
  time_zone: string;
  /** `Availability` as JSON. */
  availability: string;
  feed_token_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversationTypesTable {
  id: string;
  coach_id: string;
  slug: string;
  title: string;
  description: string;
  duration_minutes: number;
  location_kind: string;
  location: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  minimum_notice_minutes: number;
  horizon_days: number;
  daily_limit: number | null;
  weekly_limit: number | null;
  slot_increment_minutes: number;
  /** `BookingQuestion[]` as JSON. */
  questions: string;
  active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BusyCalendarsTable {
  id: string;
  coach_id: string;
  label: string;
  url: string;
  /** `InstantRange[]` as JSON: the last good copy. */
  busy: string;
  last_attempt_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_error: string | null;
  claimed_until: Timestamp | null;
  created_at: Timestamp;
}

export interface BookingsTable {
  id: string;
  org_id: string;
  coach_id: string;
  type_id: string;
  status: string;
  start_at: Timestamp;
  end_at: Timestamp;
  blocked_from: Timestamp;
  blocked_until: Timestamp;
  booker_name: string;
  booker_email: string;
  booker_time_zone: string;
  /** Answers by question id, with the prompt asked, as JSON. */
  answers: string;
  location: string;
  researcher_id: string | null;
  manage_token_hash: string;
  ical_uid: string;
  sequence: number;
  idempotency_key: string | null;
  reminded_day_at: Timestamp | null;
  reminded_hour_at: Timestamp | null;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
}

export interface ConversationsTable {
  booking_id: string;
  coach_id: string;
  researcher_id: string | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  guide_question_id: string | null;
  /** JSON list of the guide question ids shown so far, in order. */
  guide_shown: Generated<string>;
  coach_notes: string;
  shared_notes_text: string;
  culture_answer: string | null;
  culture_note: string | null;
  follow_up: string | null;
  updated_at: Timestamp;
}

export interface ConversationNoteUpdatesTable {
  seq: Generated<number>;
  booking_id: string;
  /** One Yjs update, base64. */
  update: string;
  author_id: string | null;
  created_at: Timestamp;
}

export interface ConversationIdeasTable {
  id: string;
  booking_id: string;
  text: string;
  proposed_by: string;
  guide_question_id: string | null;
  status: string;
  idea_id: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  areas: AreasTable;
  ideas: IdeasTable;
  sessions: SessionsTable;
  session_questions: SessionQuestionsTable;
  decks: DecksTable;
  experiments: ExperimentsTable;
  experiment_items: ExperimentItemsTable;
  second_rater_invitations: SecondRaterInvitationsTable;
  second_rater_ratings: SecondRaterRatingsTable;
  measurements: MeasurementsTable;
  pools: PoolsTable;
  pool_cards: PoolCardsTable;
  plans: PlansTable;
  plan_ideas: PlanIdeasTable;
  exercises: ExercisesTable;
  practice_logs: PracticeLogsTable;
  reviews: ReviewsTable;
  interruptions: InterruptionsTable;
  calendar_feeds: CalendarFeedsTable;
  auth_users: AuthUsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  auth_rate_limits: AuthRateLimitsTable;
  server_settings: ServerSettingsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  membership_roles: MembershipRolesTable;
  invitations: InvitationsTable;
  setup_links: SetupLinksTable;
  access_tokens: AccessTokensTable;
  grants: GrantsTable;
  grant_access_log: GrantAccessLogTable;
  audit_events: AuditEventsTable;
  mail_outbox: MailOutboxTable;
  coach_profiles: CoachProfilesTable;
  conversation_types: ConversationTypesTable;
  busy_calendars: BusyCalendarsTable;
  bookings: BookingsTable;
  conversations: ConversationsTable;
  conversation_note_updates: ConversationNoteUpdatesTable;
  conversation_ideas: ConversationIdeasTable;
}

export type Engine = 'sqlite' | 'postgres';
