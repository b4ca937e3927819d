import type { Store } from '../../store/connect.js';
import { BookingService } from '../coaching/booking.service.js';
import type { BookingMailer } from '../coaching/booking-mails.js';
import { BookingReminders } from '../coaching/booking-reminders.js';
import { BusyCalendarService } from '../coaching/busy-calendar.service.js';
import { CoachService } from '../coaching/coach.service.js';
import { CoachFeedService } from '../coaching/coach-feed.service.js';
import { CoachInsightsService } from '../coaching/coach-insights.service.js';
import { CoachingBackground } from '../coaching/coaching-background.js';
import { ConversationService } from '../coaching/conversation.service.js';
import type { Clock } from '../context.js';
import { SettingsService } from '../settings.service.js';
import { AccessTokenService } from './access-token.service.js';
import { AuditLog } from './audit-log.js';
import { GrantService } from './grant.service.js';
import { type InvitationMailer, InvitationService } from './invitation.service.js';
import { MemberService } from './member.service.js';
import { sessionSecret } from './server-secrets.js';
import { SetupService } from './setup.service.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** The use cases only a team server has: setup, invitations, members, audit, throttles. */
export interface TeamServices {
  setup: SetupService;
  invitations: InvitationService;
  members: MemberService;
  audit: AuditLog;
  throttle: SignInThrottle;
  tokens: AccessTokenService;
  grants: GrantService;
  /** A coach's page: profile, hours, conversation types. */
  coaching: CoachService;
  /** Booking a coach (public) and the coach's bookings. */
  bookings: BookingService;
  /** The coach's own calendars whose events block slots. */
  busyCalendars: BusyCalendarService;
  /** The coach's clients, follow-ups due, and the guide's yield. */
  coachInsights: CoachInsightsService;
  /** The conversation room of a booking: guide, notes, shared notes, ideas tray. */
  conversations: ConversationService;
  /** The coach's private bookings feed (a secret ICS URL). */
  coachFeed: CoachFeedService;
  /** Work done now and then in the background: reminders, calendar refreshes. */
  background: CoachingBackground;
  /** The key that signs session cookies, shared through the database. */
  sessionSecret(): Promise<string>;
}

export interface TeamOptions {
  /** The address people open, e.g. https://whet.example.org (links in mails and the log use it). */
  publicUrl: string;
  clock: Clock;
  newId: () => string;
  /** Queues the invitation mail; resolves false when no mail server is configured. */
  mailInvitation?: InvitationMailer;
  /** Where booking mails are written; null or absent without a mail server. */
  bookingMailer?: BookingMailer | null;
  secretFromEnvironment?: string | undefined;
  /** Let coaches' busy calendars be fetched from private networks (an intranet calendar server). */
  allowPrivateCalendarAddresses?: boolean;
}

export function createTeamServices(store: Store, options: TeamOptions): TeamServices {
  const { clock, newId } = options;
  const audit = new AuditLog(store, clock);
  const members = new MemberService(store, audit, clock);
  const secret = () => sessionSecret(store, options.secretFromEnvironment);
  const mailer = options.bookingMailer ?? null;
  const busyCalendars = new BusyCalendarService(store, clock, newId, {
    allowPrivateAddresses: options.allowPrivateCalendarAddresses ?? false,
  });
  const reminders = new BookingReminders(store, clock, mailer, options.publicUrl, secret);
  return {
    setup: new SetupService(store, audit, clock, newId),
    invitations: new InvitationService(
      store,
      audit,
      clock,
      newId,
      options.publicUrl,
      options.mailInvitation ?? (async () => false),
    ),
    members,
    tokens: new AccessTokenService(store, members, audit, clock, newId),
    grants: new GrantService(store, new SettingsService(store), audit, clock, newId),
    audit,
    throttle: new SignInThrottle(store, clock),
    coaching: new CoachService(store, clock, newId),
    bookings: new BookingService({
      store,
      clock,
      newId,
      busyFor: (coachId) => busyCalendars.busyFor(coachId),
      publicUrl: options.publicUrl,
      secret,
      mailer,
    }),
    busyCalendars,
    coachInsights: new CoachInsightsService(store, clock),
    conversations: new ConversationService({ store, clock, newId, publicUrl: options.publicUrl, mailer }),
    coachFeed: new CoachFeedService(store, clock, options.publicUrl),
    background: new CoachingBackground(reminders, busyCalendars),
    sessionSecret: secret,
  };
}
