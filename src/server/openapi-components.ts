import * as z from 'zod/mini';
import { Area, AreaCreateInput, AreaList, AreaUpdateInput } from '../core/areas.js';
import { Backup, ImportSummary } from '../core/backup.js';
import {
  Availability,
  BusyCalendar,
  BusyCalendarInput,
  BusyCalendarList,
} from '../core/coaching/availability.js';
import {
  AccountRequested,
  Booking,
  BookingConfirmation,
  BookingList,
  BookingProblem,
  BookingRequest,
  CancelRequest,
  ManagedBooking,
  PublicBookingPage,
  PublicCoachPage,
  RescheduleRequest,
  Slot,
  SlotList,
} from '../core/coaching/booking.js';
import { Client, ClientList, GuideStat, GuideStatList } from '../core/coaching/clients.js';
import { CoachProfile, CoachProfileInput, PublicCoach } from '../core/coaching/coach-profile.js';
import {
  CoachNotes,
  CoachNotesInput,
  ConversationIdea,
  ConversationList,
  ConversationRoom,
  ConversationSummary,
  CultureAnswerInput,
  CultureRecord,
  GuideMoveInput,
  IdeaProposalInput,
  NoteAppended,
  NoteUpdateInput,
  NoteUpdates,
} from '../core/coaching/conversation.js';
import {
  ConversationType,
  ConversationTypeInput,
  ConversationTypeList,
  PublicConversationType,
} from '../core/coaching/conversation-type.js';
import { EndConversationInput, FollowUpInput } from '../core/coaching/follow-up.js';
import { Deck, DeckInput, DeckList } from '../core/decks/deck.js';
import { ResultCard } from '../core/experiments/card.js';
import { PredictionInput, StartExperimentInput } from '../core/experiments/experiment.js';
import { CardImportInput, PoolCreateInput } from '../core/experiments/pool.js';
import { CardImportResult, PoolList, PoolReport, PoolSummary } from '../core/experiments/pool-view.js';
import { RatingInput, RatingQueueView, StepInput, TriageInput } from '../core/experiments/rating.js';
import {
  ExperimentReportView,
  IdeaPhaseReport,
  MeasurementReport,
  SecondRaterReport,
  Verdict,
} from '../core/experiments/report-view.js';
import {
  NewSecondRaterLink,
  SecondRaterInvitation,
  SecondRaterInviteInput,
  SecondRaterQueueView,
  SecondRaterStatus,
} from '../core/experiments/second-rater.js';
import { ExperimentTemplate } from '../core/experiments/templates.js';
import { ActiveExperiment, ExperimentList, ExperimentView, TemplateList } from '../core/experiments/view.js';
import { Health } from '../core/health.js';
import { Idea, IdeaCreateInput, IdeaPage, IdeaUpdateInput } from '../core/ideas.js';
import { MeasurementEntry, MeasurementInput, MeasurementList } from '../core/measurements.js';
import { Cadence } from '../core/plans/cadence.js';
import { Exercise, ExerciseInput } from '../core/plans/exercises.js';
import { Interruption, InterruptionInput } from '../core/plans/interruptions.js';
import { Plan, PlanCreateInput, PlanUpdateInput } from '../core/plans/plan.js';
import { PracticeInput, PracticeLog } from '../core/plans/practice.js';
import { Dashboard, WeekSummary } from '../core/plans/progress-view.js';
import {
  PlanReview,
  PlanReviewInput,
  ReviewPrompt,
  WeeklyReview,
  WeeklyReviewInput,
} from '../core/plans/review.js';
import { PlanResumeInput } from '../core/plans/transitions.js';
import {
  CalendarFeed,
  CalendarFeedList,
  ExerciseList,
  InterruptionList,
  NewCalendarFeed,
  PlanList,
  PlanView,
  PracticeList,
  ReviewHistory,
  ReviewPrompts,
  SubSkillList,
  SubSkillView,
  WeeklyReviewPage,
} from '../core/plans/views.js';
import { Problem } from '../core/problem.js';
import { AddTimeInput, CompleteInput, SessionStartInput } from '../core/sessions/session.js';
import {
  ActiveSession,
  QuestionStat,
  QuestionStatList,
  SessionList,
  SessionViewSchema,
} from '../core/sessions/view.js';
import { Settings, SettingsInput } from '../core/settings.js';
import {
  Accepted,
  AcceptInvitationInput,
  AccessToken,
  AccessTokenInput,
  AccessTokenList,
  AccountSession,
  AccountSessionList,
  AuditEvent,
  AuditPage,
  AuthStatus,
  ChangePasswordInput,
  ForgotPasswordInput,
  Invitation,
  InvitationInput,
  InvitationList,
  InvitationPreview,
  Me,
  Member,
  MemberList,
  MemberUpdateInput,
  NewAccessToken,
  NewInvitation,
  ResetPasswordInput,
  SetupInput,
  SignInInput,
} from '../core/team/account.js';
import {
  Coach,
  CoachList,
  Grant,
  GrantAccess,
  GrantAccessList,
  GrantInput,
  GrantList,
} from '../core/team/grants.js';
import type { JsonSchema } from './openapi-parts.js';

/**
 * Every response body the API sends, by component name: the core's schema of the same name.
 * Schemas that others contain are listed too, so the document refers to them instead of
 * repeating them.
 */
const RESPONSES: Record<string, z.ZodMiniType> = {
  Problem,
  Health,
  Idea,
  IdeaPage,
  Area,
  AreaList,
  ImportSummary,
  SessionView: SessionViewSchema,
  SessionList,
  ActiveSession,
  Deck,
  DeckList,
  QuestionStat,
  QuestionStatList,
  ExperimentTemplate,
  TemplateList,
  ExperimentView,
  ExperimentList,
  ActiveExperiment,
  RatingQueueView,
  Verdict,
  IdeaPhaseReport,
  MeasurementReport,
  ExperimentReportView,
  SecondRaterReport,
  SecondRaterInvitation,
  SecondRaterStatus,
  NewSecondRaterLink,
  SecondRaterQueueView,
  ResultCard,
  MeasurementEntry,
  MeasurementList,
  PoolSummary,
  PoolList,
  CardImportResult,
  PoolReport,
  Plan,
  Cadence,
  PlanReview,
  PlanView,
  PlanList,
  Exercise,
  ExerciseList,
  SubSkillView,
  SubSkillList,
  PracticeLog,
  PracticeList,
  Interruption,
  InterruptionList,
  ReviewPrompt,
  ReviewPrompts,
  WeeklyReview,
  ReviewHistory,
  WeekSummary,
  WeeklyReviewPage,
  Dashboard,
  Settings,
  CalendarFeed,
  NewCalendarFeed,
  CalendarFeedList,
  Me,
  AuthStatus,
  Member,
  MemberList,
  Invitation,
  InvitationList,
  NewInvitation,
  InvitationPreview,
  AuditEvent,
  AuditPage,
  AccountSession,
  AccountSessionList,
  Accepted,
  AccessToken,
  AccessTokenList,
  NewAccessToken,
  Coach,
  CoachList,
  Grant,
  GrantList,
  GrantAccess,
  GrantAccessList,
  CoachProfile,
  Availability,
  ConversationType,
  ConversationTypeList,
  BusyCalendar,
  BusyCalendarList,
  Booking,
  BookingList,
  PublicCoach,
  PublicConversationType,
  PublicCoachPage,
  PublicBookingPage,
  Slot,
  SlotList,
  ManagedBooking,
  BookingConfirmation,
  BookingProblem,
  AccountRequested,
  ConversationRoom,
  ConversationIdea,
  Client,
  ClientList,
  GuideStat,
  GuideStatList,
  ConversationSummary,
  ConversationList,
  CultureRecord,
  CoachNotes,
  NoteUpdates,
  NoteAppended,
};

/** Every request body, by component name. */
const REQUESTS: Record<string, z.ZodMiniType> = {
  IdeaCreateInput,
  IdeaUpdateInput,
  AreaCreateInput,
  AreaUpdateInput,
  Backup,
  SessionStartInput,
  AddTimeInput,
  CompleteInput,
  DeckInput,
  StartExperimentInput,
  PredictionInput,
  StepInput,
  RatingInput,
  TriageInput,
  SecondRaterInviteInput,
  MeasurementInput,
  PoolCreateInput,
  CardImportInput,
  PlanCreateInput,
  PlanUpdateInput,
  PlanResumeInput,
  PlanReviewInput,
  ExerciseInput,
  PracticeInput,
  InterruptionInput,
  WeeklyReviewInput,
  SettingsInput,
  SignInInput,
  SetupInput,
  InvitationInput,
  AcceptInvitationInput,
  MemberUpdateInput,
  GrantInput,
  ForgotPasswordInput,
  ResetPasswordInput,
  ChangePasswordInput,
  AccessTokenInput,
  CoachProfileInput,
  AvailabilityInput: Availability,
  ConversationTypeInput,
  BusyCalendarInput,
  BookingRequest,
  RescheduleRequest,
  CancelRequest,
  GuideMoveInput,
  CoachNotesInput,
  NoteUpdateInput,
  IdeaProposalInput,
  CultureAnswerInput,
  FollowUpInput,
  EndConversationInput,
};

/** Names of the response components, for the contract test and for `ref`s in the paths. */
export const RESPONSE_COMPONENTS: readonly string[] = Object.keys(RESPONSES);

/**
 * The schemas as JSON Schema 2020-12 (OpenAPI 3.1's dialect), each one that contains another
 * listed schema referring to it by `#/components/schemas/Name`. Responses are described as the
 * server sends them (`io: 'output'`: defaults filled in, objects closed with
 * `additionalProperties: false`), requests as it accepts them.
 */
function generate(
  schemas: Record<string, z.ZodMiniType>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  // `$id` and `$schema` belong to standalone documents, not to components inside the OpenAPI one.
  return Object.fromEntries(
    Object.entries(generated).map(([id, { $id: _id, $schema: _dialect, ...rest }]) => [id, rest]),
  );
}

export function componentSchemas(): Record<string, JsonSchema> {
  const responses = generate(RESPONSES, 'output');
  const requests = generate(REQUESTS, 'input');
  const clash = Object.keys(requests).find((id) => id in responses);
  if (clash) throw new Error(`OpenAPI component ${clash} is both a request and a response schema`);
  return { ...responses, ...requests };
}
